package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.stats.FiguresCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The tracking processor alone on a {@link MockProcessorContext}, its stores in memory and never
 * committed: for what it does between commits (the writes it makes, the commits it asks for, the
 * outbox it keeps). A test may give some stores of its own, by name.
 */
final class TrackingFixture {

    static final String APP = "monitor";
    /** The wall clock at the start. */
    static final long WALL = 1_800_000_000_000L;

    final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    final TrackingProcessor processor;

    TrackingFixture() {
        this(Map.of());
    }

    TrackingFixture(Map<String, Supplier<? extends StateStore>> given) {
        context.setCurrentSystemTimeMs(WALL);
        store(given, LifecycleTopology.STATE_STORE, LifecycleCodecs.TRACKED_STORE);
        store(given, LifecycleTopology.SCHEDULE_STORE, Serdes.String());
        store(given, LifecycleTopology.OPEN_COUNTS_STORE, Serdes.Long());
        store(given, LifecycleTopology.OPEN_ALERTS_STORE, JsonSerde.of(Alert.class));
        store(given, LifecycleTopology.FIGURES_OUTBOX_STORE, FiguresCodec.BATCH);
        processor = new TrackingProcessor(new ComplaintRules(BankHolidayCalendars.bundled("england-and-wales")), APP,
                LifecycleTopology.STATE_STORE, LifecycleTopology.SCHEDULE_STORE,
                new LifecycleMetrics(new SimpleMeterRegistry()), Duration.ofDays(2), 3, new QuietCommit());
        processor.init(context);
    }

    private <V> void store(Map<String, Supplier<? extends StateStore>> given, String name, Serde<V> serde) {
        StateStore store = given.containsKey(name) ? given.get(name).get()
                : Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                        .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** An event, keyed by its landlord and complaint reference as the sources key them. */
    void send(ComplaintEvent event) {
        processor.process(new Record<>(event.landlordId() + "|" + event.complaintRef(), LifecycleInput.of(event),
                event.occurredAt().toEpochMilli()));
    }

    /** A tick of this application's heartbeat at a London local time. */
    void tick(String at) {
        Instant instant = london(at);
        processor.process(new Record<>("tick", LifecycleInput.tick(instant, APP), instant.toEpochMilli()));
    }
}
