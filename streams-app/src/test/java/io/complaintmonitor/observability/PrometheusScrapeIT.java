package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.testing.MonitorRig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian package {@code prometheus}) scrapes the real monitor with the
 * project's rules: an overdue complaint makes {@code ComplaintStagesOverdue} fire and the
 * recording rule the dashboards use carries the figure. The rules' {@code for:} durations are
 * shortened to one second in the copy Prometheus loads; promtool's tests cover the durations.
 */
@Tag("e2e")
class PrometheusScrapeIT {

    private static final Path PROJECT_RULES = Path.of("..", "prometheus", "rules");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldFireComplaintStagesOverdueInARealPrometheusScrapingTheMonitor() throws Exception {
        String prometheus = executable("prometheus");
        assumeTrue(prometheus != null,
                "no prometheus binary on PATH: install the Debian package prometheus to run this test");
        try (MonitorRig rig = MonitorRig.start(dir.resolve("state"), Clock.systemUTC(), loader -> { })) {
            rig.send(rig.config().topics().crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder()
                    .setEventId("p-1").setComplaintRef("PROM-1").setType(CrmEventType.RECEIVED)
                    .setCategory("REPAIRS").setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
            await("the monitor counts the complaint overdue").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rig.metric("complaint_open", "stage=\"1\",status=\"overdue\"")).isEqualTo(1.0));

            int port = freePort();
            Path config = writeConfig(rig.config().httpPort());
            Process process = new ProcessBuilder(prometheus, "--config.file=" + config,
                    "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + dir.resolve("tsdb"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
                await("ComplaintStagesOverdue firing for stage 1").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                            JsonNode alerts = get(api.resolve("alerts")).path("data").path("alerts");
                            assertThat(alerts.findParents("alertname")).anySatisfy(labels -> {
                                assertThat(labels.path("alertname").asText()).isEqualTo("ComplaintStagesOverdue");
                                assertThat(labels.path("stage").asText()).isEqualTo("1");
                            });
                            assertThat(alerts.toString()).contains("\"state\":\"firing\"");
                        });
                JsonNode recorded = get(api.resolve("query?query=" + URLEncoder.encode(
                        "stage_status:complaint_open:sum{stage=\"1\",status=\"overdue\"}", StandardCharsets.UTF_8)));
                assertThat(recorded.path("data").path("result").get(0).path("value").get(1).asText()).isEqualTo("1");
            } finally {
                process.destroy();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private Path writeConfig(int monitorPort) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(PROJECT_RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String text = Files.readString(file).replaceAll("(?m)^(\\s+)for: \\d+[smh]$", "$1for: 1s");
                Files.writeString(rules.resolve(file.getFileName()), text);
            }
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", List.of(
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules.resolve("*.yml"),
                "scrape_configs:",
                "  - job_name: complaint-monitor",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + monitorPort + "']",
                "")));
        return config;
    }

    private static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String executable(String name) {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dirName, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
