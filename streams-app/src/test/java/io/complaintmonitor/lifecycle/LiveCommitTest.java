package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.stats.FiguresCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under exactly-once an alert is seen when its transaction commits. The commit interval is long
 * (for throughput while catching up), so the tracking task asks for a commit when it raises an
 * alert while live (a tick came lately), and only then.
 */
class LiveCommitTest {

    private static final String APP = "monitor";
    private static final long WALL = 1_800_000_000_000L;

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private TrackingProcessor processor;

    @BeforeEach
    void setUp() {
        store(LifecycleTopology.STATE_STORE, LifecycleCodecs.TRACKED_STORE);
        store(LifecycleTopology.SCHEDULE_STORE, Serdes.String());
        store(LifecycleTopology.OPEN_COUNTS_STORE, Serdes.Long());
        store(LifecycleTopology.OPEN_ALERTS_STORE, JsonSerde.of(Alert.class));
        store(LifecycleTopology.FIGURES_OUTBOX_STORE, FiguresCodec.BATCH);
        context.setCurrentSystemTimeMs(WALL);
        processor = new TrackingProcessor(new ComplaintRules(BankHolidayCalendars.bundled("england-and-wales")), APP,
                LifecycleTopology.STATE_STORE, LifecycleTopology.SCHEDULE_STORE,
                new LifecycleMetrics(new SimpleMeterRegistry()), Duration.ofDays(2), 3);
        processor.init(context);
    }

    private <V> void store(String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), serde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    @Test
    void shouldAskForACommitWhenAnAlertIsRaisedWhileLive() {
        received("C-1", "2026-02-02 09:00");
        tick("2026-02-03 00:00");
        assertThat(alerts()).isZero();
        assertThat(context.committed()).as("a tick that raises nothing").isFalse();

        context.setCurrentSystemTimeMs(WALL + 1_000);
        tick("2026-02-10 00:00"); // past the acknowledgement's due date, 9 February

        assertThat(alerts()).isPositive();
        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldLeaveAlertsToTheCommitIntervalWhileCatchingUp() {
        received("C-1", "2026-02-02 09:00");
        assertThat(context.committed()).as("no tick yet: a backfill").isFalse();
        tick("2026-02-03 00:00");

        // No tick for a minute: the monitor is behind its inputs. A late receipt judged at once raises alerts.
        context.setCurrentSystemTimeMs(WALL + 60_000);
        received("C-2", "2026-01-05 09:00");

        assertThat(alerts()).isPositive();
        assertThat(context.committed()).isFalse();
    }

    private void received(String ref, String at) {
        ComplaintEvent event = ComplaintEvent.builder(Source.CRM, ref + "/1", EventType.RECEIVED).complaintRef(ref)
                .landlordId("L-1").occurredAt(london(at)).category("REPAIRS").handlingTeam("housing-north").build();
        processor.process(new Record<>("L-1|" + ref, LifecycleInput.of(event), london(at).toEpochMilli()));
    }

    private void tick(String at) {
        Instant instant = london(at);
        processor.process(new Record<>("tick", LifecycleInput.tick(instant, APP), instant.toEpochMilli()));
    }

    private long alerts() {
        return context.forwarded().stream().filter(f -> f.record().value() instanceof Alert).count();
    }
}
