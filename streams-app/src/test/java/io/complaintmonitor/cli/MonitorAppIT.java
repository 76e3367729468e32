package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.ingest.DeadLetters;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.serde.AvroSerdes;
import io.complaintmonitor.testing.KafkaTestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor as `run` and `demo` start it, on a real broker with the embedded registry. */
class MonitorAppIT {

    @TempDir
    static Path stateDir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaSchemaLog schemaLog;
    private static MonitorApp app;
    private static MonitorConfig config;

    @BeforeAll
    static void startMonitor() throws Exception {
        String bootstrap = KafkaTestCluster.bootstrapServers();
        schemaLog = KafkaSchemaLog.open(Map.of("bootstrap.servers", bootstrap),
                KafkaTestCluster.uniqueName("_schemas"), (short) 1, Duration.ofSeconds(30));
        ConfigLoader loader = new ConfigLoader()
                .override(ConfigKey.BOOTSTRAP_SERVERS, bootstrap)
                .override(ConfigKey.APPLICATION_ID, KafkaTestCluster.uniqueName("monitor"))
                .override(ConfigKey.HTTP_PORT, "0")
                .override(ConfigKey.HTTP_HOST, "127.0.0.1")
                .override(ConfigKey.STATE_DIR, stateDir.toString())
                .override(ConfigKey.TOPIC_PARTITIONS, "1");
        for (ConfigKey topic : List.of(ConfigKey.TOPIC_CRM, ConfigKey.TOPIC_CONTRACTOR, ConfigKey.TOPIC_WEBFORM,
                ConfigKey.TOPIC_ALERTS, ConfigKey.TOPIC_DLQ, ConfigKey.TOPIC_HEARTBEAT)) {
            loader.override(topic, KafkaTestCluster.uniqueName(topic.defaultValue()));
        }
        app = MonitorApp.start(loader.load(),
                Optional.of(new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog))));
        config = app.config();
        app.streams().awaitRunning(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopMonitor() {
        if (app != null) {
            app.close();
        }
        if (schemaLog != null) {
            schemaLog.close();
        }
    }

    @Test
    void shouldBeReadyAndExposeKafkaStreamsAndJvmMetrics() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("jvm_memory_used_bytes{")
                .contains("complaint_monitor_streams_state{application=\"complaint-monitor\",state=\"RUNNING\"} 1.0")
                .containsPattern("(?m)^kafka_stream_thread_\\w+\\{");
    }

    @Test
    void shouldDecodeEachSourceThroughTheRegistryAndCountIt() throws Exception {
        var registry = RestSchemaRegistryClient.forUrl(config.schemaRegistryUrl().toString());
        Instant at = Instant.parse("2025-12-19T10:15:00Z");
        send(config.topics().crm(), AvroSerdes.specificValue(registry, CrmCaseEvent.class).serializer(),
                CrmCaseEvent.newBuilder().setEventId("e-1").setComplaintRef("C-1").setType(CrmEventType.RECEIVED)
                        .setOccurredAt(at).setCategory("REPAIRS").setChannel(ContactChannel.PHONE).build());
        send(config.topics().contractor(),
                AvroSerdes.specificValue(registry, ContractorComplaintUpdate.class).serializer(),
                ContractorComplaintUpdate.newBuilder().setUpdateId("u-1").setContractorId("K-1")
                        .setComplaintRef("C-1").setType(ContractorUpdateType.ACKNOWLEDGED).setStage(1)
                        .setDefinitionRecorded(true).setOccurredAt(at.plusSeconds(86_400)).build());
        send(config.topics().webform(), AvroSerdes.specificValue(registry, WebFormSubmission.class).serializer(),
                WebFormSubmission.newBuilder().setSubmissionId("w-1").setSubmittedAt(at)
                        .setFormType(WebFormType.COMPLAINT).setComplaintRef("C-2").build());
        await("each source counted once").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get("/metrics").body();
            for (String source : List.of("crm", "contractor", "webform")) {
                assertThat(counter(metrics, "complaint_events_received_total", "source=\"" + source + "\""))
                        .as(source).isEqualTo(1.0);
            }
        });
        assertThat(registry.subjects()).contains(config.topics().crm() + "-value",
                config.topics().contractor() + "-value", config.topics().webform() + "-value");
    }

    @Test
    void shouldDeadLetterUndecodableBytesWithTheirLineageAndKeepGoing() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        send(config.topics().webform(), new ByteArraySerializer(), garbage);
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(config.topics().dlq(), 1);
        assertThat(dead).as("only the garbage is dead-lettered").hasSize(1);
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.HEADER_SOURCE_TOPIC))
                .isEqualTo(config.topics().webform());
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.HEADER_SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.HEADER_SOURCE_OFFSET)).matches("\\d+");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.HEADER_REASON)).isEqualTo("wrong-magic-byte");
        await("DLQ counter").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(counter(get("/metrics").body(),
                "complaint_dlq_records_total", "reason=\"wrong-magic-byte\",source=\"webform\"")).isEqualTo(1.0));
        assertThat(app.streams().isRunning()).isTrue();
    }

    private static <V> void send(String topic, Serializer<V> serializer, V value) throws Exception {
        try (KafkaProducer<byte[], V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                new ByteArraySerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaTestCluster.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // A little longer, so that a record that should not be there has the chance to show.
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    private static java.net.http.HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.httpPort() + path)).build(),
                BodyHandlers.ofString());
    }

    private static double counter(String metrics, String name, String labels) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\} (\\S+)$")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }
}
