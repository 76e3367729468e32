package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.simulate.Incident;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import io.complaintmonitor.testing.MonitorRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oversight stack on simulated traffic, as the demo and docker-compose run it: a year of a
 * simulated landlord (the simulator's own records, on its default incidents and bad records)
 * through the monitor on the embedded broker, a real Prometheus with the project's rules
 * scraping it; every Grafana panel's query answers with data, and the overdue alert fires on the
 * complaints the simulation left overdue.
 */
@Tag("e2e")
class SimulatedStackIT {

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryPanelAndFireTheOverdueAlertOnAYearOfSimulatedTraffic() throws Exception {
        Optional<String> prometheus = RealPrometheus.executable();
        assumeTrue(prometheus.isPresent(),
                "no prometheus binary on PATH: install the Debian package prometheus to run this test");
        List<DashboardQueriesIT.PanelQuery> queries = DashboardQueriesIT.dashboardQueries();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // A year to today, the incidents in it; events after now are not sent (a live source sends them later).
        SimulationSettings settings = SimulationSettings.builder().seed(11).homes(20_000)
                .from(today.minusMonths(12)).to(today.plusDays(1))
                .incidents(List.of(
                        new Incident.Spike("ASB", WindowKind.MONTH.windowOf(today.minusMonths(4)), 5.0),
                        new Incident.Collapse("CON-3", WindowKind.QUARTER.windowOf(today).previous().previous(), 0.4)))
                .badRatio(0.005)
                .build();
        Instant now = Instant.now();

        try (MonitorRig rig = MonitorRig.start(dir.resolve("state"), Clock.systemUTC(),
                loader -> loader.override(ConfigKey.STATS_GRACE, "P400D"))) {
            long sent = 0;
            try (KafkaEventSink sink = KafkaEventSink.forConfig(rig.config())) {
                for (SimEvent event : (Iterable<SimEvent>) Simulation.events(settings)
                        .filter(e -> e.at().isBefore(now))::iterator) {
                    sink.write(event);
                    sent++;
                }
            }
            assertThat(sent).as("records simulated").isGreaterThan(4_000);
            await("the simulated year tracked, some stages left overdue").atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> {
                        assertThat(rig.metric("complaint_open", "stage=\"1\",status=\"overdue\"")).isPositive();
                        assertThat(rig.metric("complaint_dlq_records_total", "")).isPositive();
                    });

            try (RealPrometheus server = RealPrometheus.scraping(prometheus.get(), rig.config().httpPort(),
                    dir.resolve("prometheus"), PrometheusScrapeIT.rulesWithShortFor(dir))) {
                await("Prometheus up and scraping the monitor").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(server::hasScrapedTheMonitor);
                List<String> empty = new ArrayList<>();
                await("every dashboard query returns data").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                            empty.clear();
                            for (DashboardQueriesIT.PanelQuery query : queries) {
                                var answer = server.query(query.expr());
                                assertThat(answer.path("status").asText()).as(query + " answered " + answer)
                                        .isEqualTo("success");
                                if (answer.path("data").path("result").isEmpty()) {
                                    empty.add(query.toString());
                                }
                            }
                            assertThat(empty).as("queries returning no data").isEmpty();
                        });
                await("ComplaintStagesOverdue firing").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                            var alerts = server.alerts();
                            assertThat(alerts.findParents("alertname")).anySatisfy(labels ->
                                    assertThat(labels.path("alertname").asText()).isEqualTo("ComplaintStagesOverdue"));
                            assertThat(alerts.toString()).contains("\"state\":\"firing\"");
                        });
            }
        }
    }
}
