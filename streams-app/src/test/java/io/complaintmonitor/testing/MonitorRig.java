package io.complaintmonitor.testing;

import static org.awaitility.Awaitility.await;

import io.complaintmonitor.cli.MonitorApp;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.serde.TopicSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A running monitor for integration tests: the shared broker, an embedded registry on a topic of
 * its own, topics and application id unique to the test, HTTP on a free port.
 */
public final class MonitorRig implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KafkaSchemaLog schemaLog;
    private final MonitorApp app;
    private final TopicSerdes serdes;
    private final Consumer<ConfigLoader> sameMonitor;
    private final Clock clock;

    private MonitorRig(KafkaSchemaLog schemaLog, MonitorApp app, Consumer<ConfigLoader> sameMonitor, Clock clock) {
        this.schemaLog = schemaLog;
        this.app = app;
        this.sameMonitor = sameMonitor;
        this.clock = clock;
        this.serdes = TopicSerdes.using(RestSchemaRegistryClient.forUrl(app.config().schemaRegistryUrl().toString()));
    }

    public static MonitorRig start(Path stateDir, Clock clock, Consumer<ConfigLoader> settings) throws Exception {
        String bootstrap = KafkaTestCluster.bootstrapServers();
        KafkaSchemaLog schemaLog = KafkaSchemaLog.open(Map.of("bootstrap.servers", bootstrap),
                KafkaTestCluster.uniqueName("_schemas"), (short) 1, Duration.ofSeconds(30));
        Map<ConfigKey, String> names = new java.util.EnumMap<>(ConfigKey.class);
        names.put(ConfigKey.APPLICATION_ID, KafkaTestCluster.uniqueName("monitor"));
        for (ConfigKey topic : List.of(ConfigKey.TOPIC_CRM, ConfigKey.TOPIC_CONTRACTOR, ConfigKey.TOPIC_WEBFORM,
                ConfigKey.TOPIC_ALERTS, ConfigKey.TOPIC_STATS, ConfigKey.TOPIC_TRENDS, ConfigKey.TOPIC_DLQ,
                ConfigKey.TOPIC_HEARTBEAT)) {
            names.put(topic, KafkaTestCluster.uniqueName(topic.defaultValue()));
        }
        // What every instance of this monitor shares: cluster, application id, topics, the test's settings.
        Consumer<ConfigLoader> sameMonitor = loader -> {
            loader.override(ConfigKey.BOOTSTRAP_SERVERS, bootstrap)
                    .override(ConfigKey.HTTP_PORT, "0")
                    .override(ConfigKey.HTTP_HOST, "127.0.0.1")
                    .override(ConfigKey.HTTP_ADVERTISED_HOST, "127.0.0.1")
                    .override(ConfigKey.TOPIC_PARTITIONS, "1");
            names.forEach(loader::override);
            settings.accept(loader);
        };
        ConfigLoader loader = new ConfigLoader();
        sameMonitor.accept(loader);
        loader.override(ConfigKey.STATE_DIR, stateDir.toString());
        MonitorApp app = MonitorApp.start(loader.load(),
                Optional.of(new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog))), Optional.of(clock));
        app.streams().awaitRunning(Duration.ofSeconds(60));
        return new MonitorRig(schemaLog, app, sameMonitor, clock);
    }

    /**
     * Another instance of the same monitor (application id, topics, settings; the first instance's
     * registry), sharing the work with it; the caller closes it.
     */
    public MonitorApp startAnotherInstance(Path stateDir) throws Exception {
        ConfigLoader loader = new ConfigLoader();
        sameMonitor.accept(loader);
        loader.override(ConfigKey.STATE_DIR, stateDir.toString())
                .override(ConfigKey.SCHEMA_REGISTRY_URL, config().schemaRegistryUrl().toString());
        return MonitorApp.start(loader.load(), Optional.empty(), Optional.of(clock));
    }

    public MonitorApp app() {
        return app;
    }

    public MonitorConfig config() {
        return app.config();
    }

    public TopicSerdes serdes() {
        return serdes;
    }

    public <V> void send(String topic, Serializer<V> serializer, V value) throws Exception {
        try (KafkaProducer<byte[], V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config().bootstrapServers()),
                new ByteArraySerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    /** A committed reader of {@code topic} from the start; close it when done. */
    public <V> KafkaConsumer<String, V> reader(String topic, Deserializer<V> values) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaTestCluster.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** At least {@code expected} records of {@code topic}, plus any that follow within two seconds. */
    public <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values, int expected) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = reader(topic, values)) {
            await("records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().httpPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a Prometheus sample whose labels include {@code labels}, or 0. */
    public double metric(String name, String labels) throws Exception {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\} (\\S+)$")
                .matcher(get("/metrics").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

    @Override
    public void close() {
        app.close();
        schemaLog.close();
    }
}
