package io.complaintmonitor.lifecycle;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.config.Topics;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.ingest.SurveyFeedback;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.store.ObjectCacheStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.complaintmonitor.stats.FiguresCodec;
import io.complaintmonitor.stats.FiguresInput;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Every complaint tracked against the Code's timescales. Events are keyed by (landlord, reference)
 * and one task owns a complaint: the task of the partition its reference hashes to, where sources
 * that key by complaint reference put it already ({@link ComplaintRouter}). Heartbeat ticks, read
 * from a topic with the same partition count, reach every task and move its clock.
 */
public final class LifecycleTopology {

    public static final String STATE_STORE = "complaint-state";
    public static final String SCHEDULE_STORE = "complaint-deadlines";
    public static final String REPARTITION = "complaint-events";
    public static final String OPEN_COUNTS_STORE = "open-complaints";
    public static final String OPEN_ALERTS_STORE = "open-alerts";
    /** Figures changes merged per group until they are sent on (TrackingProcessor.FIGURES_INTERVAL). */
    public static final String FIGURES_OUTBOX_STORE = "figures-outbox";
    /**
     * Complaints (and open alerts) kept deserialised per task, besides those changed since the last
     * commit: the recently active ones, whose next event is the likeliest.
     */
    static final int CACHED_COMPLAINTS = 5_000;
    /** Events applied to a complaint's state, by source. */
    public static final String TRACKED_METRIC = "complaint.events.tracked";
    /** Tasks whose clock has complaints due that are still to judge (see TrackingProcessor.JUDGE_BUDGET). */
    public static final String JUDGING_BACKLOG_METRIC = "complaint.judging.backlog";
    /** Events ignored because their id was already applied, by source. */
    public static final String DUPLICATE_METRIC = "complaint.events.duplicate";
    /** Events that took the complaint-events hop: their source did not key them by complaint reference. */
    public static final String REROUTED_METRIC = "complaint.events.rerouted";

    private LifecycleTopology() {
    }

    /**
     * Adds the flow; returns the figures changes it sends on (see {@link io.complaintmonitor.stats.FiguresTopology}),
     * the survey feedback's among them.
     */
    public static KStream<String, FiguresInput> addTo(StreamsBuilder builder, Topics topics, int partitions, String applicationId,
            Duration lateEventGrace, KStream<byte[], ComplaintEvent> events,
            KStream<byte[], SurveyFeedback> surveyFeedback, ComplaintRules rules, Serde<BreachAlert> alertSerde,
            MeterRegistry meters, QuietCommit quietCommit) {
        builder.addStateStore(ObjectCacheStores.persistent(STATE_STORE, LifecycleCodecs.TRACKED_STORE,
                CACHED_COMPLAINTS));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE_STORE),
                Serdes.String(), Serdes.String()));
        // A handful of keys, written at nearly every event: cached, so once per commit on disk.
        builder.addStateStore(ObjectCacheStores.persistent(OPEN_COUNTS_STORE, Serdes.Long(), CACHED_COMPLAINTS));
        builder.addStateStore(ObjectCacheStores.persistent(OPEN_ALERTS_STORE, JsonSerde.of(Alert.class),
                CACHED_COMPLAINTS));
        // Its values are changed in place between puts: never read by another thread.
        builder.addStateStore(ObjectCacheStores.persistent(FIGURES_OUTBOX_STORE, FiguresCodec.BATCH,
                CACHED_COMPLAINTS));

        LifecycleMetrics metrics = new LifecycleMetrics(meters);

        // All of a complaint's events, whatever their source, meet in one task: most are there already
        // (sources key by complaint reference); the rest take the complaint-events hop.
        Map<String, KStream<String, ComplaintRouter.Routed>> paths = events
                .process(() -> new ComplaintRouter(partitions, metrics, quietCommit), Named.as("route-by-complaint"))
                .split(Named.as("route-"))
                .branch((key, routed) -> routed.inPlace(), Branched.as("in-place"))
                .defaultBranch(Branched.as("moved"));
        KStream<String, LifecycleInput> moved = paths.get("route-moved")
                .mapValues(ComplaintRouter.Routed::input, Named.as("moved-input"))
                .repartition(Repartitioned.with(Serdes.String(), LifecycleCodecs.INPUT)
                        .withName(REPARTITION)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(new ComplaintPartitioner<>(partitions)));
        KStream<String, LifecycleInput> byComplaint = paths.get("route-in-place")
                .mapValues(ComplaintRouter.Routed::input, Named.as("in-place-input"))
                .merge(moved, Named.as("merge-in-place-and-moved"));
        KStream<String, LifecycleInput> ticks = builder.stream(topics.heartbeat(),
                        Consumed.with(Serdes.String(), Serdes.String()).withName("source-heartbeat"))
                .mapValues((readOnlyKey, appId) -> appId, Named.as("heartbeat-app"))
                .processValues(TickStamper::new, Named.as("heartbeat-as-tick"));

        // Survey feedback is never a complaint: it only goes into the figures outbox, in the task that read it.
        KStream<String, LifecycleInput> surveys = surveyFeedback.map((key, feedback) -> KeyValue.pair(
                feedback.landlordId(), LifecycleInput.survey(feedback)), Named.as("survey-as-input"));
        KStream<String, Object> tracked = byComplaint.merge(ticks, Named.as("merge-events-and-ticks"))
                .merge(surveys, Named.as("merge-survey-feedback"))
                .process(() -> new TrackingProcessor(rules, applicationId, STATE_STORE, SCHEDULE_STORE,
                        metrics, lateEventGrace, partitions, quietCommit), Named.as("track-complaints"), STATE_STORE,
                        SCHEDULE_STORE, OPEN_COUNTS_STORE, OPEN_ALERTS_STORE, FIGURES_OUTBOX_STORE);
        // The tracker sends two kinds of record: breach alerts, and changes to the figures.
        Map<String, KStream<String, Object>> out = tracked.split(Named.as("tracked-"))
                .branch((key, value) -> value instanceof Alert, Branched.as("alerts"))
                .defaultBranch(Branched.as("figures"));
        out.get("tracked-alerts")
                .mapValues(value -> toAvro((Alert) value), Named.as("alert-as-avro"))
                .to(topics.alerts(), Produced.with(Serdes.String(), alertSerde).withName("sink-alerts"));
        return out.get("tracked-figures").mapValues(value -> (FiguresInput) value, Named.as("figures-changes-typed"));
    }

    static BreachAlert toAvro(Alert alert) {
        return BreachAlert.newBuilder()
                .setAlertId(alert.alertId())
                .setKind(AlertKind.valueOf(alert.type().name()))
                .setComplaintRef(alert.complaintRef())
                .setLandlordId(alert.landlordId())
                .setStage(alert.stage())
                .setDueDate(alert.dueDate())
                .setRaisedAt(alert.raisedAt())
                .setCategory(alert.category())
                .setContractorId(alert.contractorId())
                .setHandlingTeam(alert.handlingTeam())
                .build();
    }

    /** A heartbeat's record timestamp is the instant it vouches for. */
    private static final class TickStamper
            extends org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor<String, String, LifecycleInput> {
        @Override
        public void process(org.apache.kafka.streams.processor.api.FixedKeyRecord<String, String> record) {
            context().forward(record.withValue(
                    LifecycleInput.tick(Instant.ofEpochMilli(record.timestamp()), record.value())));
        }
    }
}
