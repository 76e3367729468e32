package io.complaintmonitor.cli;

import io.complaintmonitor.MonitorTopology;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.StreamsProperties;
import io.complaintmonitor.config.RetiredTopics;
import io.complaintmonitor.config.TopicProvisioner;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.http.HealthHandler;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.http.LateHandler;
import io.complaintmonitor.http.LocalStore;
import io.complaintmonitor.http.MetricsHandler;
import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.ingest.IngestHttpHandler;
import io.complaintmonitor.ingest.SourceRecordSender;
import io.complaintmonitor.ingest.json.EventJsonCodec;
import io.complaintmonitor.ingest.json.IngestBodyParser;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.lifecycle.AlertsQueryHandler;
import io.complaintmonitor.lifecycle.ComplaintQueryHandler;
import io.complaintmonitor.lifecycle.ComplaintPartitioner;
import io.complaintmonitor.lifecycle.LifecycleTopology;
import io.complaintmonitor.lifecycle.OpenAlertGauges;
import io.complaintmonitor.stats.FiguresTopology;
import io.complaintmonitor.stats.TrendGauges;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import io.complaintmonitor.lifecycle.HeartbeatPublisher;
import io.complaintmonitor.lifecycle.InputLag;
import io.complaintmonitor.lifecycle.OpenCounts;
import io.complaintmonitor.metrics.MonitorMeters;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.serde.TopicSerdes;
import io.complaintmonitor.stats.FiguresGauges;
import io.complaintmonitor.stats.FiguresTopology;
import io.complaintmonitor.stats.StatsQueryHandler;
import io.complaintmonitor.stats.TsmQueryHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One running monitor: the HTTP server (health, metrics, and the embedded registry when there is
 * one), the topics, and the Kafka Streams client. Started by {@code run}, {@code demo} and
 * {@code audit}; closed in reverse order.
 */
public final class MonitorApp implements AutoCloseable {

    private final MonitorConfig config;
    private final MonitorMeters meters;
    private final MonitorHttpServer http;
    private final StreamsRunner streams;
    private final Optional<HeartbeatPublisher> heartbeat;
    private final SourceRecordSender sender;

    private MonitorApp(MonitorConfig config, MonitorMeters meters, MonitorHttpServer http, StreamsRunner streams,
            Optional<HeartbeatPublisher> heartbeat, SourceRecordSender sender) {
        this.config = config;
        this.meters = meters;
        this.http = http;
        this.streams = streams;
        this.heartbeat = heartbeat;
        this.sender = sender;
    }

    /**
     * Starts the monitor against {@code config}'s cluster. With an embedded registry, it is served
     * on the monitor's own HTTP port and the monitor's serdes use it there, over the same REST API
     * any other client would.
     */
    /** A key-value store of this instance's tasks, for the query API; throws while not queryable. */
    private static <V> ReadOnlyKeyValueStore<String, V> localStore(StreamsRunner runner, String name) {
        if (runner == null) {
            throw new InvalidStateStoreException("the monitor is starting");
        }
        return runner.streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    public static MonitorApp start(MonitorConfig config, Optional<RegistryHttpApi> embeddedRegistry)
            throws IOException {
        return start(config, embeddedRegistry, Optional.of(Clock.systemUTC()));
    }

    /**
     * As {@link #start(MonitorConfig, Optional)}, with the wall clock whose heartbeats move the
     * monitor's clock; empty for a caller that sends its own ticks (the audit judges at --as-of).
     */
    public static MonitorApp start(MonitorConfig config, Optional<RegistryHttpApi> embeddedRegistry,
            Optional<Clock> wallClock) throws IOException {
        Clock clock = wallClock.orElse(Clock.systemUTC());
        // Loaded before anything starts, so a bad calendar stops the monitor with its message at once.
        WorkingDayCalendar calendar = calendarOf(config);
        MonitorMeters meters = new MonitorMeters();
        AtomicReference<StreamsRunner> runner = new AtomicReference<>();
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("/health", new HealthHandler(() -> runner.get() == null ? "NOT_STARTED" : runner.get().state().name()));
        routes.put("/metrics", new MetricsHandler(meters::scrape));
        embeddedRegistry.ifPresent(api -> routes.putAll(api.routes()));
        AtomicReference<HttpHandler> ingest = new AtomicReference<>();
        routes.put(IngestHttpHandler.PREFIX, request -> ingest.get() == null
                ? io.complaintmonitor.http.HttpResponse.json(503, "{\"error\":\"starting\"}")
                : ingest.get().handle(request));
        // The query API needs this instance's advertised port, known once the server listens.
        LateHandler complaints = new LateHandler();
        LateHandler tsm = new LateHandler();
        LateHandler stats = new LateHandler();
        routes.put(ComplaintQueryHandler.PREFIX, complaints);
        routes.put(TsmQueryHandler.PATH, tsm);
        routes.put(StatsQueryHandler.PATH, stats);
        LateHandler alerts = new LateHandler();
        routes.put(AlertsQueryHandler.PREFIX, alerts);
        MonitorHttpServer http = MonitorHttpServer.start(config.httpHost(), config.httpPort(), routes);
        try {
            MonitorConfig effective = embeddedRegistry.isPresent()
                    ? config.withCluster(config.bootstrapServers(), localUri(http)).withHttpPort(http.port())
                    : config.withHttpPort(http.port());
            Supplier<KafkaStreams> live = () -> runner.get() == null ? null : runner.get().streams();
            InstanceRouter router = new InstanceRouter(new HostInfo(effective.httpAdvertisedHost(), effective.httpPort()),
                    InstanceRouter.Placement.of(live, Map.of(LifecycleTopology.STATE_STORE,
                            new ComplaintPartitioner<>(effective.topicPartitions()))),
                    InstanceRouter.DEFAULT_TIMEOUT);
            complaints.set(new ComplaintQueryHandler(ComplaintQueryHandler.store(live), router,
                    new ComplaintRules(calendar, config.dueSoonWorkingDays()), config.defaultLandlordId()));
            LocalStore<Long> counts = LocalStore.of(live, FiguresTopology.COUNTS_STORE);
            LocalStore<DurationAggregate> durations = LocalStore.of(live, FiguresTopology.STATS_STORE);
            tsm.set(new TsmQueryHandler(counts, router, effective.landlordHomes(), effective.defaultLandlordId(), clock));
            stats.set(new StatsQueryHandler(durations, router));
            alerts.set(new AlertsQueryHandler(() -> localStore(runner.get(), LifecycleTopology.OPEN_ALERTS_STORE),
                    router));
            if (effective.createTopics()) {
                TopicProvisioner.ensureTopics(effective);
            }
            RetiredTopics.ensureNothingUnread(effective);
            RestSchemaRegistryClient registry = RestSchemaRegistryClient.forUrl(
                    effective.schemaRegistryUrl().toString());
            TopicSerdes serdes = TopicSerdes.using(registry);
            Topology topology = MonitorTopology.build(effective, calendar, serdes, meters.registry(), clock);
            SourceRecordSender sender = new SourceRecordSender(producer(effective, "ingest",
                    new ByteArraySerializer()), effective.topics(), serdes);
            ingest.set(new IngestHttpHandler(new IngestBodyParser(new EventJsonCodec()), sender));
            Properties props = StreamsProperties.of(effective, meters.registry());
            StreamsRunner streams = new StreamsRunner(topology, props, meters);
            runner.set(streams);
            OpenCounts.register(meters.registry(), streams::streams);
            OpenAlertGauges.register(meters.registry(), () -> localStore(streams, LifecycleTopology.OPEN_ALERTS_STORE));
            TrendGauges.register(meters.registry(), () -> localStore(streams, FiguresTopology.TRENDS_STORE));
            FiguresGauges gauges = new FiguresGauges(counts, durations, router, streams::isRunning,
                    effective.landlordHomes(), effective.defaultLandlordId(), clock).register(meters.registry());
            meters.beforeEachScrape(gauges::refresh);
            streams.start();
            Optional<HeartbeatPublisher> heartbeat = wallClock.map(ticking -> new HeartbeatPublisher(
                    producer(effective, "heartbeat", new StringSerializer()), effective.topics().heartbeat(),
                    effective.topicPartitions(), effective.applicationId(), ticking,
                    () -> InputLag.caughtUp(streams.streams())));
            heartbeat.ifPresent(publisher -> publisher.start(effective.heartbeatInterval()));
            return new MonitorApp(effective, meters, http, streams, heartbeat, sender);
        } catch (RuntimeException e) {
            http.close();
            meters.close();
            throw e;
        }
    }

    /** The working-day calendar {@code config} names: its file, or the bundled one, for its division. */
    public static WorkingDayCalendar calendarOf(MonitorConfig config) {
        return config.calendarFile()
                .map(file -> BankHolidayCalendars.fromFile(file, config.calendarDivision()))
                .orElseGet(() -> BankHolidayCalendars.bundled(config.calendarDivision()));
    }

    private static <T> KafkaProducer<T, T> producer(MonitorConfig config, String role, Serializer<T> serializer) {
        Map<String, Object> props = config.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + role);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, serializer, serializer);
    }

    private static URI localUri(MonitorHttpServer http) {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    public MonitorConfig config() {
        return config;
    }

    public URI httpUri() {
        return URI.create("http://localhost:" + http.port());
    }

    public StreamsRunner streams() {
        return streams;
    }

    /** The monitor's meters, as served on /metrics: the audit reads its progress from them. */
    public MeterRegistry meterRegistry() {
        return meters.registry();
    }

    @Override
    public void close() {
        http.close();
        sender.close();
        heartbeat.ifPresent(HeartbeatPublisher::close);
        streams.close();
        meters.close();
    }
}
