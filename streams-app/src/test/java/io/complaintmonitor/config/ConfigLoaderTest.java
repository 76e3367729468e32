package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldUseDocumentedDefaultsWhenNothingIsGiven() {
        MonitorConfig config = new ConfigLoader().load();
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.topics()).isEqualTo(Topics.defaults());
        assertThat(config.dueSoonWorkingDays()).isEqualTo(2);
        assertThat(config.lateEventGrace()).isEqualTo(Duration.ofHours(1));
        assertThat(config.calendarFile()).isEmpty();
        assertThat(config.kafkaOverrides()).isEmpty();
    }

    @Test
    void shouldAdvertiseThisMachinesNameWhenNoHostIsGivenAndTheGivenHostOtherwise() throws IOException {
        MonitorConfig defaults = new ConfigLoader().load();
        assertThat(defaults.httpAdvertisedHost()).isNotBlank().doesNotContain(":");
        assertThat(defaults.advertisedEndpoint()).isEqualTo(defaults.httpAdvertisedHost() + ":8080");
        MonitorConfig given = new ConfigLoader().environment(Map.of("MONITOR_HTTP_ADVERTISED_HOST", "monitor-2.internal"))
                .load();
        assertThat(given.advertisedEndpoint()).isEqualTo("monitor-2.internal:8080");
        assertThat(StreamsProperties.of(given, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .get("application.server")).isEqualTo("monitor-2.internal:8080");
        assertThatThrownBy(() -> new ConfigLoader().override(ConfigKey.HTTP_ADVERTISED_HOST, "http://m:8080").load())
                .hasMessageContaining("http.advertised.host").hasMessageContaining("without port or scheme");
    }

    @Test
    void shouldLayerFileThenEnvironmentThenCommandLine() throws IOException {
        Path file = write("monitor.properties", """
                bootstrap.servers=file:9092
                http.port=9000
                due.soon.working.days=3
                kafka.security.protocol=SSL
                """);
        MonitorConfig config = new ConfigLoader()
                .file(file)
                .environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "MONITOR_DUE_SOON_WORKING_DAYS", "4",
                        "KAFKA_SASL_MECHANISM", "PLAIN", "PATH", "/usr/bin"))
                .override(ConfigKey.DUE_SOON_WORKING_DAYS, "5")
                .load();
        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.dueSoonWorkingDays()).isEqualTo(5);
        assertThat(config.kafkaOverrides())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKey("bootstrap.servers");
        // What every Kafka client starts from: the overrides and the bootstrap servers, a map of its own.
        Map<String, Object> client = config.clientProperties();
        assertThat(client).containsEntry("security.protocol", "SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("bootstrap.servers", "env:9092").hasSize(3);
        client.put("client.id", "x");
        assertThat(config.clientProperties()).doesNotContainKey("client.id");
    }

    @Test
    void shouldNameTheUnknownKeyAndTheFileWhenAKeyIsMisspelt() throws IOException {
        Path file = write("typo.properties", "htpp.port=9000\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'htpp.port'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("http.port");
    }

    @Test
    void shouldSayWhereABadNumberCameFromAndWhatIsAccepted() {
        assertThatThrownBy(() -> new ConfigLoader().environment(Map.of("MONITOR_HTTP_PORT", "eighty")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("http.port (from environment variable MONITOR_HTTP_PORT) must be a whole number"
                        + " from 0 to 65535, got 'eighty'");
    }

    @Test
    void shouldRejectAnUnknownProcessingGuarantee() {
        assertThatThrownBy(() -> new ConfigLoader().override(ConfigKey.PROCESSING_GUARANTEE, "exactly_once").load())
                .hasMessageContaining("processing.guarantee (from command line) must be one of");
    }

    @Test
    void shouldRejectADurationThatIsNotIso8601() {
        assertThatThrownBy(() -> new ConfigLoader().override(ConfigKey.LATE_EVENT_GRACE, "1h").load())
                .hasMessageContaining("late.event.grace")
                .hasMessageContaining("PT1H");
    }

    @Test
    void shouldRejectARegistryUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new ConfigLoader().environment(Map.of("SCHEMA_REGISTRY_URL", "localhost:8081")).load())
                .hasMessageContaining("schema.registry.url (from environment variable SCHEMA_REGISTRY_URL)")
                .hasMessageContaining("http://localhost:8081");
    }

    @Test
    void shouldRejectACalendarFileThatDoesNotExist() {
        assertThatThrownBy(() -> new ConfigLoader().override(ConfigKey.CALENDAR_FILE, "/nope/holidays.json").load())
                .hasMessageContaining("calendar.file (from command line) names /nope/holidays.json");
    }

    @Test
    void shouldRejectTwoRolesOnOneTopic() {
        assertThatThrownBy(() -> new ConfigLoader().override(ConfigKey.TOPIC_DLQ, "complaints.crm.v1").load())
                .hasMessageContaining("topic names must all differ");
    }

    @Test
    void shouldExplainAMissingConfigurationFile() {
        assertThatThrownBy(() -> new ConfigLoader().file(dir.resolve("absent.properties")))
                .hasMessageContaining("cannot read configuration file");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
