package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.testing.MonitorRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    @TempDir
    Path dir;

    @Test
    void shouldFireComplaintStagesOverdueInARealPrometheusScrapingTheMonitor() throws Exception {
        Optional<String> prometheus = RealPrometheus.executable();
        assumeTrue(prometheus.isPresent(),
                "no prometheus binary on PATH: install the Debian package prometheus to run this test");
        try (MonitorRig rig = MonitorRig.start(dir.resolve("state"), Clock.systemUTC(), loader -> { })) {
            rig.send(rig.config().topics().crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder()
                    .setEventId("p-1").setComplaintRef("PROM-1").setType(CrmEventType.RECEIVED)
                    .setCategory("REPAIRS").setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
            await("the monitor counts the complaint overdue").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rig.metric("complaint_open", "stage=\"1\",status=\"overdue\"")).isEqualTo(1.0));

            try (RealPrometheus server = RealPrometheus.scraping(prometheus.get(), rig.config().httpPort(),
                    dir.resolve("prometheus"), rulesWithShortFor())) {
                await("ComplaintStagesOverdue firing for stage 1").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                            var alerts = server.alerts();
                            assertThat(alerts.findParents("alertname")).anySatisfy(labels -> {
                                assertThat(labels.path("alertname").asText()).isEqualTo("ComplaintStagesOverdue");
                                assertThat(labels.path("stage").asText()).isEqualTo("1");
                            });
                            assertThat(alerts.toString()).contains("\"state\":\"firing\"");
                        });
                var recorded = server.query("stage_status:complaint_open:sum{stage=\"1\",status=\"overdue\"}");
                assertThat(recorded.path("data").path("result").get(0).path("value").get(1).asText()).isEqualTo("1");
            }
        }
    }

    private Path rulesWithShortFor() throws IOException {
        return rulesWithShortFor(dir);
    }

    /** The project's rules with every {@code for:} cut to 1 s, so a test sees alerts fire at once. */
    static Path rulesWithShortFor(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(RealPrometheus.PROJECT_RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String text = Files.readString(file).replaceAll("(?m)^(\\s+)for: \\d+[smh]$", "$1for: 1s");
                Files.writeString(rules.resolve(file.getFileName()), text);
            }
        }
        return rules;
    }
}
