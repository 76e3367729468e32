package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.OverdueLedger;
import io.complaintmonitor.domain.trend.TrendRules;
import io.complaintmonitor.domain.trend.TrendThresholds;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.testing.Punctuators;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The figures task checks for a quiet thread at its flush, so a stream thread holding only
 * figures tasks (no tracking task checking every 100 ms) still commits their work before the
 * commit interval.
 */
class FiguresQuietCommitTest {

    private static final long WALL = 1_800_000_000_000L;

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final FiguresProcessor processor = new FiguresProcessor(Duration.ofDays(2), FiguresTopology.FLUSH_INTERVAL,
            new TrendRules(TrendThresholds.DEFAULTS), new QuietCommit());

    FiguresQuietCommitTest() {
        context.setCurrentSystemTimeMs(WALL);
        store(FiguresTopology.STATS_STORE, JsonSerde.of(DurationAggregate.class));
        store(FiguresTopology.COUNTS_STORE, Serdes.Long());
        store(FiguresTopology.LEDGER_STORE, JsonSerde.of(OverdueLedger.class));
        store(FiguresTopology.PENDING_STORE, Serdes.Long());
        store(FiguresTopology.TRENDS_STORE, JsonSerde.of(TrendTrack.class));
        store(FiguresTopology.RECENT_STEPS_STORE, JsonSerde.of(RecentSteps.class));
        processor.init(context);
    }

    @Test
    void shouldAskForACommitAtAFlushOnceTheThreadHasBeenQuietAfterAChange() {
        processor.process(new Record<>(FiguresTopology.CLOCK_MARK_KEY, FiguresInput.CLOCK, WALL));

        flush().punctuate(WALL);
        assertThat(context.committed()).as("the first look after the change").isFalse();
        flush().punctuate(WALL + FiguresTopology.FLUSH_INTERVAL.toMillis());

        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldNotAskWithNothingDone() {
        flush().punctuate(WALL);
        flush().punctuate(WALL + FiguresTopology.FLUSH_INTERVAL.toMillis());

        assertThat(context.committed()).isFalse();
    }

    private Punctuator flush() {
        return Punctuators.every(context, FiguresTopology.FLUSH_INTERVAL);
    }

    private <V> void store(String name, Serde<V> serde) {
        var store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
