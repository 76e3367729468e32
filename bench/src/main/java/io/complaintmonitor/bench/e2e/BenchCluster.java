package io.complaintmonitor.bench.e2e;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.TopicProvisioner;
import io.complaintmonitor.embedded.EmbeddedKafkaBroker;
import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One in-process broker on a fresh data directory and a schema registry served over HTTP from this
 * process, shared by every phase. Each phase names its own application id and topics (a prefix),
 * so phases never read each other's output or share a consumer group.
 */
final class BenchCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final int partitions;
    private final int streamThreads;
    private final EmbeddedKafkaBroker broker;
    private final KafkaSchemaLog schemaLog;
    private final MonitorHttpServer registryHttp;
    private final Admin admin;

    private BenchCluster(Path workDir, int partitions, int streamThreads, EmbeddedKafkaBroker broker,
            KafkaSchemaLog schemaLog, MonitorHttpServer registryHttp) {
        this.workDir = workDir;
        this.partitions = partitions;
        this.streamThreads = streamThreads;
        this.broker = broker;
        this.schemaLog = schemaLog;
        this.registryHttp = registryHttp;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    static BenchCluster start(Path workDir, int partitions, int streamThreads) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(workDir.resolve("kafka"), 0).start();
        try {
            broker.awaitReady(READY_TIMEOUT);
            KafkaSchemaLog schemaLog = KafkaSchemaLog.open(broker.bootstrapServers());
            RegistryHttpApi api = new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog));
            MonitorHttpServer http = MonitorHttpServer.start("127.0.0.1", 0, new LinkedHashMap<>(api.routes()));
            return new BenchCluster(workDir, partitions, streamThreads, broker, schemaLog, http);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryHttp.port();
    }

    Admin admin() {
        return admin;
    }

    /**
     * The settings of a monitor (or the simulator) for phase {@code phase}: application id
     * {@code bench-<phase>}, state under the work directory, every output topic prefixed with the
     * phase, and the source topics of {@code sourcePrefix} (phases may share their inputs).
     */
    Map<ConfigKey, String> settings(String phase, String sourcePrefix) {
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.BOOTSTRAP_SERVERS, bootstrapServers());
        s.put(ConfigKey.SCHEMA_REGISTRY_URL, registryUrl());
        s.put(ConfigKey.APPLICATION_ID, "bench-" + phase);
        s.put(ConfigKey.STATE_DIR, workDir.resolve("state-" + phase).toString());
        s.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        s.put(ConfigKey.HTTP_ADVERTISED_HOST, "127.0.0.1");
        s.put(ConfigKey.HTTP_PORT, "0");
        s.put(ConfigKey.TOPIC_PARTITIONS, String.valueOf(partitions));
        s.put(ConfigKey.STREAM_THREADS, String.valueOf(streamThreads));
        s.put(ConfigKey.TOPIC_CRM, sourcePrefix + ".crm");
        s.put(ConfigKey.TOPIC_CONTRACTOR, sourcePrefix + ".contractor");
        s.put(ConfigKey.TOPIC_WEBFORM, sourcePrefix + ".webform");
        for (ConfigKey out : List.of(ConfigKey.TOPIC_ALERTS, ConfigKey.TOPIC_STATS, ConfigKey.TOPIC_TRENDS,
                ConfigKey.TOPIC_DLQ, ConfigKey.TOPIC_HEARTBEAT)) {
            s.put(out, phase + "." + out.key().substring("topic.".length()));
        }
        return s;
    }

    /** {@link #settings} loaded as the monitor would, topics created. */
    MonitorConfig config(Map<ConfigKey, String> settings) {
        ConfigLoader loader = new ConfigLoader();
        loader.environment(kafkaEnvironment());
        settings.forEach(loader::override);
        MonitorConfig config = loader.load();
        TopicProvisioner.ensureTopics(config);
        return config;
    }

    /**
     * The {@code KAFKA_*} variables of this process's environment, which every phase's settings
     * take as the monitor's do ({@code KAFKA_COMMIT_INTERVAL_MS=5000} is {@code commit.interval.ms}),
     * so a setting can be measured without a rebuild. The child monitor of phase 5 reads them itself.
     */
    static Map<String, String> kafkaEnvironment() {
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith(ConfigKey.KAFKA_ENV_PREFIX)) {
                env.put(name, value);
            }
        });
        return env;
    }

    @Override
    public void close() {
        admin.close();
        registryHttp.close();
        schemaLog.close();
        broker.close();
    }
}
