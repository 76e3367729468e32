package io.complaintmonitor.stats;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.config.Topics;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.OverdueLedger;
import io.complaintmonitor.domain.trend.TrendRules;
import io.complaintmonitor.schema.StageDurationStat;
import io.complaintmonitor.schema.TrendAlert;
import java.util.Map;
import org.apache.kafka.streams.kstream.Branched;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.store.ObjectCacheStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Stage-duration statistics and headline counts per group over calendar windows. The tracking
 * processor sends each complaint's change as one {@link FiguresInput} per partition, holding the
 * deltas of the groups that partition owns and keyed by the first of them ("category=DAMP_MOULD");
 * they are repartitioned by that key, so one task owns a group's windows, and clock marks are
 * copied to every partition.
 */
public final class FiguresTopology {

    public static final String REPARTITION = "figures-changes";
    public static final String STATS_STORE = "stage-duration-stats";
    public static final String COUNTS_STORE = "headline-counts";
    public static final String LEDGER_STORE = "overdue-ledger";
    public static final String PENDING_STORE = "figures-pending";
    public static final String TRENDS_STORE = "trend-tracks";
    public static final String RECENT_STEPS_STORE = "contractor-recent-steps";
    /** Key of clock marks in the changes stream. */
    public static final String CLOCK_MARK_KEY = "~clock";
    /** How often changed windows are written to the stats topic. */
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** Values kept deserialised per store and task: a few years of one busy group's windows. */
    static final int CACHED_PER_STORE = 20_000;

    private FiguresTopology() {
    }

    /**
     * Every store has an object cache in front: a group's windows are read and rewritten with nearly
     * every event, and the cache keeps them deserialised and writes each to RocksDB and its
     * changelog once per commit instead of once per change.
     */
    public static void addTo(StreamsBuilder builder, Topics topics, int partitions, Duration grace,
            KStream<String, FiguresInput> changes, TrendRules trendRules, Serde<StageDurationStat> statSerde,
            Serde<TrendAlert> trendSerde, QuietCommit quietCommit) {
        builder.addStateStore(ObjectCacheStores.persistent(STATS_STORE, JsonSerde.of(DurationAggregate.class),
                CACHED_PER_STORE));
        builder.addStateStore(ObjectCacheStores.persistent(COUNTS_STORE, Serdes.Long(), CACHED_PER_STORE));
        builder.addStateStore(ObjectCacheStores.persistent(LEDGER_STORE, JsonSerde.of(OverdueLedger.class),
                CACHED_PER_STORE));
        builder.addStateStore(ObjectCacheStores.persistent(PENDING_STORE, Serdes.Long(), CACHED_PER_STORE));
        builder.addStateStore(ObjectCacheStores.persistent(TRENDS_STORE, JsonSerde.of(TrendTrack.class),
                CACHED_PER_STORE));
        builder.addStateStore(ObjectCacheStores.persistent(RECENT_STEPS_STORE, JsonSerde.of(RecentSteps.class),
                CACHED_PER_STORE));

        KStream<String, Object> figures = changes
                .repartition(Repartitioned.with(Serdes.String(), FiguresCodec.INPUT)
                        .withName(REPARTITION)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(new GroupOrEveryPartition()))
                .process(() -> new FiguresProcessor(grace, FLUSH_INTERVAL, trendRules, quietCommit), Named.as("keep-figures"),
                        STATS_STORE, COUNTS_STORE, LEDGER_STORE, PENDING_STORE, TRENDS_STORE, RECENT_STEPS_STORE);
        // Two kinds of record come out: window statistics and trend alerts.
        Map<String, KStream<String, Object>> out = figures.split(Named.as("figures-"))
                .branch((key, value) -> value instanceof TrendAlert, Branched.as("trends"))
                .defaultBranch(Branched.as("stats"));
        out.get("figures-stats").mapValues(value -> (StageDurationStat) value, Named.as("stat-typed"))
                .to(topics.stats(), Produced.with(Serdes.String(), statSerde).withName("sink-stats"));
        out.get("figures-trends").mapValues(value -> (TrendAlert) value, Named.as("trend-typed"))
                .to(topics.trends(), Produced.with(Serdes.String(), trendSerde).withName("sink-trends"));
    }

    /** A group's changes go where its key hashes (as Kafka's default would); a clock mark goes everywhere. */
    static final class GroupOrEveryPartition implements StreamPartitioner<String, FiguresInput> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, FiguresInput value, int numPartitions) {
            if (value != null && value.isClock()) {
                return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
            }
            return Optional.of(Set.of(partitionOf(key, numPartitions)));
        }
    }

    /** The partition that owns a group's figures: where Kafka's default partitioner would put its key. */
    public static int partitionOf(String groupKey, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(groupKey.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
