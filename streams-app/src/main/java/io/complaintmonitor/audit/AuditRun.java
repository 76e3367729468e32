package io.complaintmonitor.audit;

import io.complaintmonitor.cli.MonitorApp;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.TopicProvisioner;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.ComplianceSummary;
import io.complaintmonitor.domain.complaint.StageOutcome;
import io.complaintmonitor.embedded.EmbeddedKafkaBroker;
import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.ingest.DeadLetters;
import io.complaintmonitor.ingest.IngestTopology;
import io.complaintmonitor.ingest.json.EventJsonCodec;
import io.complaintmonitor.ingest.json.JsonlLine;
import io.complaintmonitor.ingest.json.JsonlReader;
import io.complaintmonitor.lifecycle.LifecycleTopology;
import io.complaintmonitor.lifecycle.TrackedComplaint;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.serde.TopicSerdes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit: a history file fed through the monitor's own topology on a private, temporary broker,
 * every clock judged at --as-of, and everything the monitor then knows collected.
 *
 * <p>The steps, and why in this order:
 * <ol>
 * <li>The events are sent before Kafka Streams starts, so it finds all three source topics full
 *     and merges them in event-time order, as a live monitor would have seen them; started first,
 *     it would race the feeder and could read one source far ahead of another.
 * <li>Wait until every record sent is accounted for by the topology's own counters: applied to a
 *     complaint, ignored as a duplicate, dead-lettered, or counted as survey feedback. The
 *     consumer lag is not enough: under exactly-once the repartitioned events sit in an open
 *     transaction, invisible, while the lag already reads zero.
 * <li>Send the --as-of tick to every heartbeat partition, and wait until the monitor's committed
 *     offset has passed it and no task has complaints due at it still to judge (a year of history
 *     is judged a few thousand complaints at a time, in several transactions). Then a second tick
 *     at the same instant, waited for the same way: the last go raises its alerts after the
 *     backlog reads empty, and they are committed only with what follows them.
 * <li>Read the alert and dead-letter topics to their end, once the last transaction's markers
 *     have reached them ({@link TopicReader}), and the complaint states through an interactive
 *     query.
 * </ol>
 * No wall-clock heartbeat runs: the --as-of ticks are the only clock.
 */
public final class AuditRun {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRun.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long the monitor may go without processing a record before the audit gives up. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TICK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    /** The order of alerts.jsonl: independent of the order the monitor happened to write them in. */
    static final Comparator<BreachAlert> ALERT_ORDER = Comparator.comparing(BreachAlert::getRaisedAt)
            .thenComparing(BreachAlert::getLandlordId)
            .thenComparing(BreachAlert::getComplaintRef)
            .thenComparingInt(BreachAlert::getStage)
            .thenComparing(alert -> alert.getKind().name())
            .thenComparing(BreachAlert::getDueDate)
            .thenComparing(BreachAlert::getAlertId);

    private AuditRun() {
    }

    /**
     * Audits {@code input} as of {@code asOf} with the monitor settings of {@code settings}; the
     * audit sets the cluster, registry, application id, state directory and partitions itself.
     * The input is opened and the settings checked before anything starts.
     *
     * @throws io.complaintmonitor.ingest.json.UnreadableInputException when the file cannot be read
     * @throws io.complaintmonitor.config.ConfigException or {@link IllegalArgumentException} for bad settings
     * @throws AuditException when the monitor fails or stalls
     */
    public static AuditResult run(Path input, Instant asOf, ConfigLoader settings)
            throws IOException, InterruptedException {
        try (Stream<JsonlLine> lines = new JsonlReader(new EventJsonCodec()).read(input)) {
            MonitorApp.calendarOf(settings.load());
            Path work = Files.createTempDirectory("complaint-monitor-audit-");
            try {
                return run(lines, asOf, settings, work);
            } finally {
                deleteRecursively(work);
            }
        }
    }

    private static AuditResult run(Stream<JsonlLine> lines, Instant asOf, ConfigLoader settings, Path work)
            throws IOException, InterruptedException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(work.resolve("kafka"), 0).start()) {
            broker.awaitReady(START_TIMEOUT);
            try (KafkaSchemaLog schemaLog = KafkaSchemaLog.open(broker.bootstrapServers());
                    MonitorHttpServer registry = MonitorHttpServer.start("127.0.0.1", 0,
                            new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog)).routes())) {
                MonitorConfig config = settings
                        .override(ConfigKey.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                        .override(ConfigKey.SCHEMA_REGISTRY_URL, registry.baseUri().toString())
                        .override(ConfigKey.APPLICATION_ID, "complaint-monitor-audit-" + UUID.randomUUID())
                        .override(ConfigKey.STATE_DIR, work.resolve("streams").toString())
                        .override(ConfigKey.TOPIC_PARTITIONS, "1")
                        .override(ConfigKey.HTTP_HOST, "127.0.0.1")
                        .override(ConfigKey.CREATE_TOPICS, "true")
                        // The audit judges a finished history at once: no window of it is ever closed to its events.
                        .override(ConfigKey.STATS_GRACE, "P3650D")
                        .load();
                TopicProvisioner.ensureTopics(config);
                keepEverything(config);
                // New partitions take a moment to get a leader; a producer that starts sending before
                // may wedge in sequence-number retries (see KAFKA-NOTES).
                broker.awaitReady(START_TIMEOUT);
                TopicSerdes serdes = TopicSerdes.using(
                        RestSchemaRegistryClient.forUrl(config.schemaRegistryUrl().toString()));
                long started = System.nanoTime();
                EventFeeder.Fed fed = new EventFeeder(config, serdes).feed(lines, asOf);
                LOG.info("sent {} of {} lines in {} ms ({} after --as-of, {} rejected as JSON)", fed.sent(),
                        fed.linesRead(), millisSince(started), fed.ignoredAfterAsOf(), fed.rejected().size());
                try (MonitorApp app = MonitorApp.start(config, Optional.empty(), Optional.empty())) {
                    app.streams().awaitRunning(START_TIMEOUT);
                    awaitProcessed(app, fed.sent());
                    LOG.info("the monitor processed {} records in {} ms", fed.sent(), millisSince(started));
                    awaitJudged(app, tick(config, asOf));
                    // The backlog reads empty as its last go starts, before that go raises its alerts,
                    // and those stay in an open transaction until the next commit: a second tick at the
                    // same instant judges nothing, and once the monitor has committed past it, all it
                    // did before is committed too. Without it, a loaded machine could miss the last
                    // go's alerts (AuditCommandIT saw two audits of one file differ).
                    awaitJudged(app, tick(config, asOf));
                    return collect(app, asOf, fed, serdes);
                }
            }
        }
    }

    /**
     * Turns time-based retention off on the audit's topics. Their records carry the events' own,
     * old timestamps (dead letters and the --as-of tick too), so the dead-letter topic's 30 days
     * and the heartbeat topic's hour would let the broker's retention check, 30 s after it
     * starts, delete them before they are read: one run lost a dead letter this way. The broker
     * is private and deleted afterwards.
     */
    private static void keepEverything(MonitorConfig config) throws InterruptedException {
        Map<String, Object> props = config.clientProperties();
        Map<ConfigResource, Collection<AlterConfigOp>> keep = new HashMap<>();
        for (String topic : config.topics().all()) {
            keep.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET)));
        }
        try (Admin admin = Admin.create(props)) {
            admin.incrementalAlterConfigs(keep).all().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditException("cannot turn retention off on the audit's topics: " + messageOf(e), e);
        }
    }

    /** Waits until the topology's counters account for every record sent. */
    private static void awaitProcessed(MonitorApp app, long sent) throws InterruptedException {
        long done = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            failIfStopped(app);
            long now = processed(app.meterRegistry());
            if (now >= sent) {
                return;
            }
            if (now != done) {
                done = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new AuditException("the monitor made no progress for " + STALL_TIMEOUT.toSeconds() + " s, with "
                        + done + " of " + sent + " records processed (Kafka Streams " + app.streams().state() + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Each record sent ends as exactly one of these. */
    private static long processed(MeterRegistry meters) {
        return count(meters, LifecycleTopology.TRACKED_METRIC) + count(meters, LifecycleTopology.DUPLICATE_METRIC)
                + count(meters, DeadLetters.METRIC) + count(meters, IngestTopology.SURVEY_METRIC);
    }

    private static long count(MeterRegistry meters, String name) {
        return Math.round(meters.find(name).counters().stream().mapToDouble(Counter::count).sum());
    }

    private static double judgingBacklog(MeterRegistry meters) {
        return meters.find(LifecycleTopology.JUDGING_BACKLOG_METRIC).gauges().stream()
                .mapToDouble(Gauge::value).sum();
    }

    /** Sends the --as-of tick to every partition of the heartbeat topic; returns the offset of each. */
    private static Map<TopicPartition, Long> tick(MonitorConfig config, Instant asOf) throws InterruptedException {
        Map<String, Object> props = config.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-as-of");
        String topic = config.topics().heartbeat();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (PartitionInfo partition : producer.partitionsFor(topic)) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, partition.partition(),
                        asOf.toEpochMilli(), null, config.applicationId())).get(TICK_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
                offsets.put(new TopicPartition(topic, partition.partition()), sent.offset());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditException("could not send the --as-of tick to " + topic + ": " + messageOf(e), e);
        }
        return offsets;
    }

    /** Waits until the monitor has committed its progress past every tick, and so the alerts they raised. */
    private static void awaitJudged(MonitorApp app, Map<TopicPartition, Long> ticks) throws InterruptedException {
        String group = app.config().applicationId();
        Map<String, Object> props = app.config().clientProperties();
        long deadline = System.nanoTime() + TICK_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                failIfStopped(app);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TICK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                // Past the tick, and every complaint it found due judged (a big history is judged in goes).
                if (ticks.entrySet().stream().allMatch(tick -> committed.get(tick.getKey()) != null
                        && committed.get(tick.getKey()).offset() > tick.getValue())
                        && judgingBacklog(app.meterRegistry()) == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AuditException("the monitor did not judge the --as-of tick within "
                            + TICK_TIMEOUT.toSeconds() + " s (Kafka Streams " + app.streams().state() + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditException("cannot read the monitor's committed offsets: " + messageOf(e), e);
        }
    }

    private static AuditResult collect(MonitorApp app, Instant asOf, EventFeeder.Fed fed, TopicSerdes serdes)
            throws InterruptedException {
        MonitorConfig config = app.config();
        List<BreachAlert> alerts = TopicReader.readToEnd(config, config.topics().alerts(),
                        serdes.alerts().deserializer(), READ_TIMEOUT).stream()
                .map(ConsumerRecord::value)
                .sorted(ALERT_ORDER)
                .toList();
        List<Rejection> rejections = new ArrayList<>(fed.rejected());
        for (ConsumerRecord<byte[], byte[]> dead : TopicReader.readToEnd(config, config.topics().dlq(),
                new ByteArrayDeserializer(), READ_TIMEOUT)) {
            rejections.add(traced(dead.headers(), fed.sourceLines()));
        }
        rejections.sort(Rejection.BY_LINE);

        ComplaintRules rules = new ComplaintRules(MonitorApp.calendarOf(config), config.dueSoonWorkingDays());
        ComplianceSummary figures = ComplianceSummary.EMPTY;
        List<ComplaintReport> complaints = new ArrayList<>();
        try (KeyValueIterator<String, TrackedComplaint> it = stateStore(app.streams().streams()).all()) {
            while (it.hasNext()) {
                ComplaintState state = it.next().value.state();
                List<StageOutcome> outcomes = rules.outcomesOf(state);
                figures = figures.plus(outcomes);
                complaints.add(ComplaintReport.of(state, outcomes));
            }
        }
        InputCounts input = new InputCounts(fed.linesRead(), fed.sent(), rejections.size(), fed.ignoredAfterAsOf(),
                fed.surveyFeedback());
        return new AuditResult(asOf, input, figures, alerts, complaints, rejections);
    }

    /** A dead letter as the line it came from, by its lineage headers. */
    private static Rejection traced(Headers headers, SourceLines sourceLines) {
        String topic = DeadLetters.header(headers, DeadLetters.HEADER_SOURCE_TOPIC);
        String partition = DeadLetters.header(headers, DeadLetters.HEADER_SOURCE_PARTITION);
        String offset = DeadLetters.header(headers, DeadLetters.HEADER_SOURCE_OFFSET);
        String reason = DeadLetters.header(headers, DeadLetters.HEADER_DETAIL);
        OptionalLong line = topic == null || partition == null || offset == null ? OptionalLong.empty()
                : sourceLines.lineOf(topic, Integer.parseInt(partition), Long.parseLong(offset));
        if (line.isEmpty()) {
            // Only the audit writes to its private broker: this would be a bug, not bad input.
            throw new AuditException("a dead letter from " + topic + "-" + partition + "@" + offset
                    + " matches no line of the input (" + reason + ")");
        }
        return new Rejection(line.getAsLong(), reason == null ? "rejected" : reason);
    }

    private static ReadOnlyKeyValueStore<String, TrackedComplaint> stateStore(KafkaStreams streams)
            throws InterruptedException {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (true) {
            try {
                return streams.store(StoreQueryParameters.fromNameAndType(LifecycleTopology.STATE_STORE,
                        QueryableStoreTypes.keyValueStore()));
            } catch (InvalidStateStoreException e) {
                if (System.nanoTime() > deadline) {
                    throw new AuditException("the complaint state store is not queryable: " + e.getMessage(), e);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static void failIfStopped(MonitorApp app) {
        if (app.streams().failure().isDone()) {
            Throwable cause = app.streams().failure().join();
            throw new AuditException("the monitor stopped: " + messageOf(cause), cause);
        }
    }

    /** The innermost message: Kafka Streams wraps the exception that says what went wrong. */
    private static String messageOf(Throwable error) {
        String message = error.toString();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the audit's working directory {}: {}", dir, e.getMessage());
        }
    }
}
