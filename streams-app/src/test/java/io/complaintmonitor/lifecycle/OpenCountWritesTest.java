package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;

/**
 * The open-stage counts change only when a complaint's standing does: an event that leaves it
 * where it was reads and writes no count (each write is a store write, and at commit a changelog
 * record), and the counts stay exact.
 */
class OpenCountWritesTest {

    private final CountingStore counts = new CountingStore(
            Stores.inMemoryKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE).get());
    private final KeyValueStore<String, Long> openCounts = Stores.keyValueStoreBuilder(
            new CountingSupplier(counts), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
    private final TrackingFixture tracking = new TrackingFixture(
            Map.of(LifecycleTopology.OPEN_COUNTS_STORE, () -> openCounts));

    @Test
    void shouldWriteACountOnlyWhenAStandingChanges() {
        send(event("C-1/1", EventType.RECEIVED, "2026-02-02 09:00").build());
        assertThat(counts.puts).as("stage 1 opens").isEqualTo(1);
        assertThat(openCounts.get("1|ON_TIME")).isEqualTo(1L);

        send(event("C-1/2", EventType.ACKNOWLEDGED, "2026-02-03 10:00").stage(1).definitionRecorded(true).build());
        assertThat(counts.puts).as("still open, still on time").isEqualTo(1);

        tick("2026-02-13 00:00"); // the response is due on 17 February: due soon
        assertThat(openCounts.get("1|ON_TIME")).isZero();
        assertThat(openCounts.get("1|DUE_SOON")).isEqualTo(1L);
        int afterTick = counts.puts;
        assertThat(afterTick).as("one out, one in").isEqualTo(3);

        send(event("C-1/3", EventType.RESPONSE_ISSUED, "2026-02-13 11:00").stage(1).outcome("UPHELD").build());
        assertThat(openCounts.get("1|DUE_SOON")).as("closed").isZero();
        assertThat(counts.puts).isEqualTo(afterTick + 1);
    }

    @Test
    void shouldMoveAComplaintBetweenStandingsAndStagesExactly() {
        send(event("C-1/1", EventType.RECEIVED, "2026-02-02 09:00").build());
        send(event("C-2/1", EventType.RECEIVED, "2026-02-02 09:30").complaintRef("C-2").build());
        tick("2026-02-10 00:00"); // both acknowledgements were due on 9 February
        assertThat(openCounts.get("1|OVERDUE")).isEqualTo(2L);

        send(event("C-1/2", EventType.RESPONSE_ISSUED, "2026-02-10 09:00").stage(1).outcome("UPHELD").build());
        send(event("C-1/3", EventType.ESCALATION_REQUESTED, "2026-02-10 10:00").stage(2).build());

        assertThat(openCounts.get("1|OVERDUE")).isEqualTo(1L);
        assertThat(openCounts.get("2|ON_TIME")).isEqualTo(1L);
        assertThat(openCounts.get("1|ON_TIME")).isZero();
    }

    private static ComplaintEvent.Builder event(String id, EventType type, String at) {
        return ComplaintEvent.builder(Source.CRM, id, type).complaintRef("C-1").landlordId("L-1")
                .occurredAt(london(at)).category("REPAIRS").handlingTeam("housing-north");
    }

    private void send(ComplaintEvent event) {
        tracking.send(event);
    }

    private void tick(String at) {
        tracking.tick(at);
    }

    /** Supplies the one counting store. */
    private record CountingSupplier(CountingStore store) implements KeyValueBytesStoreSupplier {
        @Override
        public String name() {
            return store.name();
        }

        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            return store;
        }

        @Override
        public String metricsScope() {
            return "in-memory";
        }
    }

    /** An in-memory bytes store that counts the writes reaching it. */
    private static final class CountingStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
            implements KeyValueStore<Bytes, byte[]> {
        int puts;

        CountingStore(KeyValueStore<Bytes, byte[]> inner) {
            super(inner);
        }

        @Override
        public void put(Bytes key, byte[] value) {
            puts++;
            wrapped().put(key, value);
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            puts++;
            return wrapped().putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            puts += entries.size();
            wrapped().putAll(entries);
        }

        @Override
        public byte[] delete(Bytes key) {
            puts++;
            return wrapped().delete(key);
        }

        @Override
        public byte[] get(Bytes key) {
            return wrapped().get(key);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return wrapped().range(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return wrapped().all();
        }

        @Override
        public long approximateNumEntries() {
            return wrapped().approximateNumEntries();
        }
    }
}
