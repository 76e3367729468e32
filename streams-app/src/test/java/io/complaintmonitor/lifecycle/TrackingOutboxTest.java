package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.stats.FiguresCodec;
import io.complaintmonitor.stats.FiguresInput;
import io.complaintmonitor.store.ObjectCacheStores;
import io.complaintmonitor.testing.Punctuators;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The figures outbox between sends: spread over values of at most {@link TrackingProcessor#MAX_OUTBOX_FACTS}
 * facts (each one changelog record at a commit), and sent before its interval only once
 * {@link TrackingProcessor#MAX_OUTBOX_VALUES} of them are full, so a backfill's sends merge
 * thousands of events' changes, not a few hundred.
 */
class TrackingOutboxTest {

    /**
     * The outbox on the object cache the topology gives it: values stay objects until a commit, which
     * never comes here, so a value of 2,000 facts is not encoded at every event.
     */
    private final KeyValueStore<String, FiguresBatch> outbox = ObjectCacheStores
            .inMemory(LifecycleTopology.FIGURES_OUTBOX_STORE, FiguresCodec.BATCH, LifecycleTopology.CACHED_COMPLAINTS)
            .withLoggingDisabled().build();
    private final TrackingFixture tracking = new TrackingFixture(
            Map.of(LifecycleTopology.FIGURES_OUTBOX_STORE, () -> outbox));
    private final MockProcessorContext<String, Object> context = tracking.context;

    @Test
    void shouldFillValuesOfBoundedSizeAndSendEarlyOnlyWhenAllAreFull() {
        // Each team's receipt on each day makes facts of its own: none merges with another.
        int complaints = 0;
        int factsBefore = 0;
        int valuesBefore = 0;
        for (int team = 0; team < 12 && sentOn().isEmpty(); team++) {
            for (int day = 0; day < 1_000 && sentOn().isEmpty(); day++) {
                Map<String, FiguresBatch> values = outbox();
                valuesBefore = values.size();
                factsBefore = values.values().stream().mapToInt(FiguresBatch::facts).sum();
                assertThat(valuesBefore).isLessThanOrEqualTo(TrackingProcessor.MAX_OUTBOX_VALUES);
                assertThat(values.values()).allSatisfy(batch -> assertThat(batch.facts())
                        .as("one event's facts at most past the bound")
                        .isLessThan(TrackingProcessor.MAX_OUTBOX_FACTS + 10));
                received("T" + team + "-" + day, LocalDate.of(2023, 1, 2).plusDays(day), "team-" + team);
                complaints++;
            }
        }

        assertThat(sentOn()).as("sent before the interval").isNotEmpty();
        assertThat(valuesBefore).as("only once every value was in use").isEqualTo(TrackingProcessor.MAX_OUTBOX_VALUES);
        assertThat(factsBefore).as("and the last nearly full").isGreaterThan(
                TrackingProcessor.MAX_OUTBOX_VALUES * TrackingProcessor.MAX_OUTBOX_FACTS - 10);
        assertThat(outbox()).as("all sent").isEmpty();
        assertThat(receivedInAll()).as("every complaint's receipt, once").isEqualTo(complaints);
    }

    @Test
    void shouldSendEveryValueAtTheInterval() {
        for (int day = 0; day < 1_000; day++) {
            received("E-" + day, LocalDate.of(2023, 1, 2).plusDays(day), "housing-north");
        }
        assertThat(outbox().keySet()).containsExactly("unsorted", "unsorted-1");
        assertThat(sentOn()).isEmpty();

        Punctuators.every(context, TrackingProcessor.FIGURES_INTERVAL).punctuate(context.currentSystemTimeMs());

        assertThat(outbox()).isEmpty();
        assertThat(receivedInAll()).isEqualTo(1_000);
        received("E-late", LocalDate.of(2026, 2, 2), "housing-north");
        assertThat(outbox().keySet()).as("the first value again").containsExactly("unsorted");
    }

    private void received(String ref, LocalDate day, String team) {
        tracking.send(ComplaintEvent.builder(Source.CRM, ref + "/1", EventType.RECEIVED).complaintRef(ref)
                .landlordId("L-1").occurredAt(london(day + " 10:00")).category("REPAIRS").handlingTeam(team)
                .build());
    }

    private List<FiguresInput> sentOn() {
        return context.forwarded().stream().map(f -> f.record().value())
                .filter(FiguresInput.class::isInstance).map(FiguresInput.class::cast).toList();
    }

    /** Receipts counted into the group of all complaints, over everything sent. */
    private long receivedInAll() {
        long total = 0;
        for (FiguresInput input : sentOn()) {
            for (FiguresDelta delta : input.deltas()) {
                if (delta.key().asString().equals("all=all")) {
                    total += delta.addedTallies().stream().filter(t -> t.measure().equals("stage1.received"))
                            .mapToLong(Tally::amount).sum();
                    total -= delta.removedTallies().stream().filter(t -> t.measure().equals("stage1.received"))
                            .mapToLong(Tally::amount).sum();
                }
            }
        }
        return total;
    }

    /** The outbox's values by key, read through the object cache (nothing commits here, so none is encoded). */
    private Map<String, FiguresBatch> outbox() {
        Map<String, FiguresBatch> values = new TreeMap<>();
        try (KeyValueIterator<String, FiguresBatch> all = outbox.all()) {
            all.forEachRemaining(kv -> values.put(kv.key, kv.value));
        }
        return values;
    }
}
