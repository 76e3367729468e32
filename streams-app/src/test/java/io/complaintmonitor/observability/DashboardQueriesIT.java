package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.Topics;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.ResponseOutcome;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.testing.MonitorRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every Grafana dashboard in {@code ../grafana/dashboards} answers, with data, from
 * a real Prometheus (Debian package {@code prometheus}) that scrapes the real monitor and
 * evaluates the project's recording rules. Grafana itself is not run: what it would send to
 * Prometheus is, with its interval variables replaced by {@code 1m} and its template variables by
 * "All" or their current value; each variable's own query must list values too.
 */
@Tag("e2e")
class DashboardQueriesIT {

    /** What Grafana would put for its interval variables. */
    private static final String INTERVAL = "1m";

    @TempDir
    Path dir;

    record PanelQuery(String dashboard, int panelId, String panel, String refId, String expr) {
        @Override
        public String toString() {
            return dashboard + " panel " + panelId + " \"" + panel + "\" query " + refId + ": " + expr;
        }
    }

    @Test
    void shouldAnswerEveryDashboardQueryWithDataFromARealPrometheusScrapingTheMonitor() throws Exception {
        Optional<String> prometheus = RealPrometheus.executable();
        assumeTrue(prometheus.isPresent(),
                "no prometheus binary on PATH: install the Debian package prometheus to run this test");
        List<PanelQuery> queries = dashboardQueries();
        List<JsonNode> variables = new ArrayList<>();
        for (Path file : DashboardJsonTest.dashboardFiles()) {
            variables.addAll(DashboardJsonTest.queryVariables(DashboardJsonTest.read(file)));
        }

        // Last year's quarter stays open to late events, so the complaint from a year ago counts in it.
        try (MonitorRig rig = MonitorRig.start(dir.resolve("state"), Clock.systemUTC(),
                loader -> loader.override(ConfigKey.STATS_GRACE, "P400D"))) {
            sendTrafficOnEverySource(rig);
            sendTrafficForTheQuarter(rig);
            await("the monitor counts an overdue and two on-time stages, three sources and a dead letter")
                    .atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        String open = rig.get("/metrics").body().lines()
                                .filter(line -> line.startsWith("complaint_open{")).toList().toString();
                        assertThat(rig.metric("complaint_open", "stage=\"1\",status=\"overdue\"")).as(open)
                                .isEqualTo(1.0);
                        assertThat(rig.metric("complaint_open", "stage=\"1\",status=\"on-time\"")).as(open)
                                .isEqualTo(2.0);
                        for (String source : List.of("crm", "contractor", "webform")) {
                            assertThat(rig.metric("complaint_events_received_total", "source=\"" + source + "\""))
                                    .as(source).isPositive();
                        }
                        assertThat(rig.metric("complaint_dlq_records_total", "source=\"webform\"")).isPositive();
                        assertThat(rig.metric("complaint_alerts_raised_total", "kind=\"ACKNOWLEDGEMENT_OVERDUE\""))
                                .isPositive();
                    });

            try (RealPrometheus server = RealPrometheus.scraping(prometheus.get(), rig.config().httpPort(),
                    dir.resolve("prometheus"))) {
                await("Prometheus up and scraping the monitor").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(server::hasScrapedTheMonitor);

                for (PanelQuery query : queries) {
                    JsonNode answer = server.query(query.expr());
                    assertThat(answer.path("status").asText()).as(query + " answered " + answer)
                            .isEqualTo("success");
                }
                // increase(...[1h]) and rate(...[5m]) behind the recording rules need two samples.
                List<String> empty = new ArrayList<>();
                await("every dashboard query returns data").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                            empty.clear();
                            for (PanelQuery query : queries) {
                                if (server.query(query.expr()).path("data").path("result").isEmpty()) {
                                    empty.add(query.toString());
                                }
                            }
                            assertThat(empty).as("queries returning no data").isEmpty();
                        });

                for (JsonNode variable : variables) {
                    Matcher query = DashboardJsonTest.LABEL_VALUES.matcher(DashboardJsonTest.variableQuery(variable));
                    assertThat(query.matches()).isTrue();
                    List<String> values = new ArrayList<>();
                    server.query("group by (" + query.group(2) + ") (" + query.group(1) + ")").path("data")
                            .path("result").forEach(r -> values.add(r.path("metric").path(query.group(2)).asText()));
                    assertThat(values).as("values of variable " + variable.path("name")).isNotEmpty();
                    if (!variable.path("includeAll").asBoolean()) {
                        assertThat(values).as("values of variable " + variable.path("name"))
                                .contains(variable.path("current").path("value").asText());
                    }
                }

                assertThat(value(server, queries, "Overdue now")).as("Overdue now").isEqualTo("1");
                assertThat(value(server, queries, "Kafka Streams RUNNING")).as("Kafka Streams RUNNING")
                        .isEqualTo("1");
                assertThat(scalar(server, "complaint_quarter_category_received{category=\"REPAIRS\","
                        + "period=\"same-quarter-last-year\"}")).as("last year's overdue complaint").isEqualTo("1");
                assertThat(scalar(server, "complaint_quarter_category_received{category=\"REPAIRS\","
                        + "period=\"quarter-to-date\"}")).isEqualTo("2");
                assertThat(scalar(server, "complaint_quarter_contractor_within_timescale_ratio{contractor=\"K-1\","
                        + "period=\"quarter-to-date\"}")).isEqualTo("1");
                assertThat(scalar(server, "complaint_quarter_escalation_rate{period=\"quarter-to-date\"}"))
                        .as("one escalation over two stage 1 responses").isEqualTo("0.5");
            }
        }
    }

    /**
     * An overdue complaint (CRM, received a year ago), an acknowledged one (contractor), a new one
     * (web form) and bytes that are not Avro at all for the dead-letter topic.
     */
    private static void sendTrafficOnEverySource(MonitorRig rig) throws Exception {
        Topics topics = rig.config().topics();
        Instant now = Instant.now();
        rig.send(topics.crm(), rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder()
                .setEventId("dq-crm-1").setComplaintRef("DASH-OVERDUE").setType(CrmEventType.RECEIVED)
                .setCategory("REPAIRS").setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build());
        rig.send(topics.contractor(), rig.serdes().contractor().serializer(), ContractorComplaintUpdate.newBuilder()
                .setUpdateId("dq-ctr-1").setContractorId("K-1").setComplaintRef("DASH-ACKNOWLEDGED")
                .setType(ContractorUpdateType.RECEIVED).setOccurredAt(now.minusSeconds(60)).build());
        rig.send(topics.contractor(), rig.serdes().contractor().serializer(), ContractorComplaintUpdate.newBuilder()
                .setUpdateId("dq-ctr-2").setContractorId("K-1").setComplaintRef("DASH-ACKNOWLEDGED")
                .setType(ContractorUpdateType.ACKNOWLEDGED).setStage(1).setDefinitionRecorded(true)
                .setOccurredAt(now.minusSeconds(30)).build());
        rig.send(topics.webform(), rig.serdes().webform().serializer(), WebFormSubmission.newBuilder()
                .setSubmissionId("dq-web-1").setFormType(WebFormType.COMPLAINT).setComplaintRef("DASH-NEW")
                .setSubmittedAt(now.minusSeconds(30)).build());
        rig.send(topics.webform(), new ByteArraySerializer(), "not avro".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For the MRC's quarter, this financial quarter (the overdue complaint above is in the same
     * quarter last year): one answered by contractor K-1 on time, partly upheld, then escalated; one
     * answered by the CRM with a remedy, then referred to the Ombudsman; one refused; one survey
     * feedback. None leaves a stage 1 open.
     */
    private static void sendTrafficForTheQuarter(MonitorRig rig) throws Exception {
        Topics topics = rig.config().topics();
        Instant now = Instant.now();
        var crm = rig.serdes().crm().serializer();
        rig.send(topics.crm(), crm, crm("dq-mrc-1", "DASH-ANSWERED", CrmEventType.RECEIVED, now.minusSeconds(300))
                .setCategory("DAMP_MOULD").build());
        rig.send(topics.crm(), crm, crm("dq-mrc-2", "DASH-ANSWERED", CrmEventType.ACKNOWLEDGED, now.minusSeconds(290))
                .setStage(1).setDefinitionRecorded(true).build());
        rig.send(topics.contractor(), rig.serdes().contractor().serializer(), ContractorComplaintUpdate.newBuilder()
                .setUpdateId("dq-mrc-3").setContractorId("K-1").setComplaintRef("DASH-ANSWERED")
                .setType(ContractorUpdateType.RESPONSE_ISSUED).setStage(1).setOutcome(ResponseOutcome.PARTLY_UPHELD)
                .setOccurredAt(now.minusSeconds(280)).build());
        rig.send(topics.crm(), crm, crm("dq-mrc-4", "DASH-ANSWERED", CrmEventType.ESCALATION_REQUESTED,
                now.minusSeconds(270)).build());
        rig.send(topics.crm(), crm, crm("dq-mrc-5", "DASH-REMEDY", CrmEventType.RECEIVED, now.minusSeconds(260))
                .setCategory("REPAIRS").build());
        rig.send(topics.crm(), crm, crm("dq-mrc-6", "DASH-REMEDY", CrmEventType.RESPONSE_ISSUED, now.minusSeconds(250))
                .setStage(1).setOutcome(ResponseOutcome.UPHELD).setRemedyAmountPence(5_000L).build());
        rig.send(topics.crm(), crm, crm("dq-mrc-7", "DASH-REMEDY", CrmEventType.OMBUDSMAN_REFERRED,
                now.minusSeconds(240)).build());
        rig.send(topics.crm(), crm, crm("dq-mrc-8", "DASH-REFUSED", CrmEventType.RECEIVED, now.minusSeconds(230))
                .setCategory("REPAIRS").build());
        rig.send(topics.crm(), crm, crm("dq-mrc-9", "DASH-REFUSED", CrmEventType.REFUSED, now.minusSeconds(220))
                .setRefusalReason("OUT_OF_TIME").build());
        rig.send(topics.webform(), rig.serdes().webform().serializer(), WebFormSubmission.newBuilder()
                .setSubmissionId("dq-web-2").setFormType(WebFormType.SURVEY_FEEDBACK)
                .setSubmittedAt(now.minusSeconds(210)).build());
    }

    private static CrmCaseEvent.Builder crm(String id, String ref, CrmEventType type, Instant at) {
        return CrmCaseEvent.newBuilder().setEventId(id).setComplaintRef(ref).setType(type).setOccurredAt(at);
    }

    /**
     * Every target of every panel of every dashboard, with Grafana's interval variables replaced
     * and each template variable by what Grafana would put: "All" ({@code allValue}) where offered,
     * else the variable's current value.
     */
    static List<PanelQuery> dashboardQueries() throws Exception {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : DashboardJsonTest.dashboardFiles()) {
            JsonNode dashboard = DashboardJsonTest.read(file);
            for (JsonNode panel : DashboardJsonTest.panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText()
                            .replace("${__rate_interval}", INTERVAL).replace("$__rate_interval", INTERVAL)
                            .replace("${__interval}", INTERVAL).replace("$__interval", INTERVAL);
                    for (JsonNode variable : DashboardJsonTest.queryVariables(dashboard)) {
                        String name = variable.path("name").asText();
                        String value = variable.path("includeAll").asBoolean() ? variable.path("allValue").asText()
                                : variable.path("current").path("value").asText();
                        expr = expr.replace("${" + name + "}", value).replace("$" + name, value);
                    }
                    assertThat(expr).as(file + " " + panel.path("title")).doesNotContain("$");
                    queries.add(new PanelQuery(dashboard.path("uid").asText(), panel.path("id").asInt(),
                            panel.path("title").asText(), target.path("refId").asText(), expr));
                }
            }
        }
        assertThat(queries).as("dashboard queries").hasSizeGreaterThanOrEqualTo(10);
        return queries;
    }

    private static String scalar(RealPrometheus server, String expr) throws Exception {
        JsonNode result = server.query(expr).path("data").path("result");
        assertThat(result).as(expr).hasSize(1);
        return result.get(0).path("value").get(1).asText();
    }

    private static String value(RealPrometheus server, List<PanelQuery> queries, String panel) throws Exception {
        PanelQuery query = queries.stream().filter(q -> q.panel().equals(panel)).findFirst().orElseThrow();
        JsonNode result = server.query(query.expr()).path("data").path("result");
        assertThat(result).as(query.toString()).hasSize(1);
        return result.get(0).path("value").get(1).asText();
    }
}
