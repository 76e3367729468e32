package io.complaintmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.serde.AvroSerdes;
import io.complaintmonitor.serde.SpecificAvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry's storage on a real one-node KRaft broker: ids must survive a restart. */
class KafkaSchemaLogIT {

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build())
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldKeepIdsSubjectsAndVersionsWhenRegistryRestartsOnSameTopic() throws Exception {
        StoredSchema v1;
        StoredSchema v2;
        StoredSchema alert;
        StoredSchema sharedV1;
        byte[] recordWrittenBeforeRestart;
        try (KafkaSchemaLog log = open(KafkaSchemaLog.DEFAULT_TOPIC)) {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(log);
            v1 = registry.register("cases-value", EmbeddedSchemaRegistryTest.V1);
            v2 = registry.register("cases-value", EmbeddedSchemaRegistryTest.V2_OPTIONAL_FIELD);
            alert = registry.register("alerts-value", EmbeddedSchemaRegistryTest.OTHER);
            sharedV1 = registry.register("audit-value", EmbeddedSchemaRegistryTest.V1);
            try (MonitorHttpServer server = serve(registry)) {
                recordWrittenBeforeRestart = serde(server).serializer().serialize("complaints.crm.v1", event());
            }
        }

        try (KafkaSchemaLog log = open(KafkaSchemaLog.DEFAULT_TOPIC)) {
            EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(log);

            assertThat(restarted.subjects())
                    .containsExactly("alerts-value", "audit-value", "cases-value", "complaints.crm.v1-value");
            assertThat(restarted.version("cases-value", 1)).isEqualTo(v1);
            assertThat(restarted.latest("cases-value")).isEqualTo(v2);
            assertThat(restarted.latest("alerts-value")).isEqualTo(alert);
            assertThat(restarted.latest("audit-value").id()).isEqualTo(v1.id()).isEqualTo(sharedV1.id());
            try (MonitorHttpServer server = serve(restarted)) {
                assertThat(serde(server).deserializer().deserialize("complaints.crm.v1", recordWrittenBeforeRestart))
                        .as("a record written before the restart").isEqualTo(event());
            }
            StoredSchema afterRestart = restarted.register("fresh-value",
                    EmbeddedSchemaRegistryTest.V1.replace("\"Case\"", "\"Fresh\""));
            assertThat(afterRestart.id()).as("ids continue after the highest stored one").isEqualTo(5);
        }
    }

    @Test
    void shouldCreateCompactedSinglePartitionTopicWhenAbsent() throws Exception {
        String topic = "_schemas_created_by_test";
        try (KafkaSchemaLog log = open(topic); Admin admin = cluster.admin()) {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(log.replay()).isEmpty();
        }
    }

    /** The full path a restart must keep working: serde, REST client, HTTP API, registry. */
    private static MonitorHttpServer serve(EmbeddedSchemaRegistry registry) throws Exception {
        return MonitorHttpServer.start("127.0.0.1", 0, new RegistryHttpApi(registry).routes());
    }

    private static SpecificAvroSerde<CrmCaseEvent> serde(MonitorHttpServer server) {
        return AvroSerdes.specific(RestSchemaRegistryClient.forUrl(server.baseUri().toString()),
                CrmCaseEvent.class, false);
    }

    private static CrmCaseEvent event() {
        return CrmCaseEvent.newBuilder()
                .setEventId("evt-restart")
                .setComplaintRef("CMP-1")
                .setType(CrmEventType.RECEIVED)
                .setOccurredAt(Instant.parse("2025-01-02T03:04:05.678Z"))
                .setChannel(ContactChannel.PHONE)
                .build();
    }

    private static KafkaSchemaLog open(String topic) {
        return KafkaSchemaLog.open(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                topic, (short) 1, Duration.ofSeconds(30));
    }
}
