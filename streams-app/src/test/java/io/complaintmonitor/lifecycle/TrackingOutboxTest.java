package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.domain.stats.FiguresBatch;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.stats.FiguresInput;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
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

    /** The outbox as objects: a serialising store would encode a value of 2,000 facts at every event. */
    private final ObjectStore outbox = new ObjectStore(LifecycleTopology.FIGURES_OUTBOX_STORE);
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
                valuesBefore = outbox.values.size();
                factsBefore = outbox.values.values().stream().mapToInt(FiguresBatch::facts).sum();
                assertThat(valuesBefore).isLessThanOrEqualTo(TrackingProcessor.MAX_OUTBOX_VALUES);
                assertThat(outbox.values.values()).allSatisfy(batch -> assertThat(batch.facts())
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
        assertThat(outbox.values).as("all sent").isEmpty();
        assertThat(receivedInAll()).as("every complaint's receipt, once").isEqualTo(complaints);
    }

    @Test
    void shouldSendEveryValueAtTheInterval() {
        for (int day = 0; day < 1_000; day++) {
            received("E-" + day, LocalDate.of(2023, 1, 2).plusDays(day), "housing-north");
        }
        assertThat(outbox.values.keySet()).containsExactly("unsorted", "unsorted-1");
        assertThat(sentOn()).isEmpty();

        context.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().equals(TrackingProcessor.FIGURES_INTERVAL))
                .forEach(p -> p.getPunctuator().punctuate(context.currentSystemTimeMs()));

        assertThat(outbox.values).isEmpty();
        assertThat(receivedInAll()).isEqualTo(1_000);
        received("E-late", LocalDate.of(2026, 2, 2), "housing-north");
        assertThat(outbox.values.keySet()).as("the first value again").containsExactly("unsorted");
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

    /** A key-value store of objects in a sorted map: no serialisation, nothing logged. */
    private static final class ObjectStore implements KeyValueStore<String, FiguresBatch> {
        final TreeMap<String, FiguresBatch> values = new TreeMap<>();
        private final String name;

        ObjectStore(String name) {
            this.name = name;
        }

        @Override
        public void put(String key, FiguresBatch value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }

        @Override
        public FiguresBatch putIfAbsent(String key, FiguresBatch value) {
            FiguresBatch current = values.get(key);
            if (current == null) {
                put(key, value);
            }
            return current;
        }

        @Override
        public void putAll(List<KeyValue<String, FiguresBatch>> entries) {
            entries.forEach(e -> put(e.key, e.value));
        }

        @Override
        public FiguresBatch delete(String key) {
            return values.remove(key);
        }

        @Override
        public FiguresBatch get(String key) {
            return values.get(key);
        }

        @Override
        public KeyValueIterator<String, FiguresBatch> range(String from, String to) {
            return iterator(values.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, FiguresBatch> all() {
            return iterator(values);
        }

        private static KeyValueIterator<String, FiguresBatch> iterator(Map<String, FiguresBatch> map) {
            Iterator<Map.Entry<String, FiguresBatch>> entries = List.copyOf(map.entrySet()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public KeyValue<String, FiguresBatch> next() {
                    Map.Entry<String, FiguresBatch> e = entries.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }
            };
        }

        @Override
        public long approximateNumEntries() {
            return values.size();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
