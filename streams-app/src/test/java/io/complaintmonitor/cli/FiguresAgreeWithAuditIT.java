package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.testing.MonitorRig;
import io.complaintmonitor.testing.SettableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The live monitor and the audit agree: the same generated history goes through {@code audit}
 * (summary.json, complaints.jsonl) and, over {@code POST /ingest}, through a running monitor on
 * the embedded broker; the monitor's {@code /metrics} and query API must give the audit's figures.
 * The monitor's clock is held before the history while it is fed (so no event is late) and then
 * set to the audit's --as-of, so both judge every deadline up to the same instant.
 */
@Tag("e2e")
class FiguresAgreeWithAuditIT {

    private static final long SEED = 20_251_123L;
    private static final int COMPLAINTS = 1_500;
    private static final Instant AS_OF = Instant.parse("2026-01-06T00:00:00Z");
    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static JsonNode summary;
    private static Map<String, JsonNode> auditComplaints;
    private static MonitorRig rig;

    @BeforeAll
    static void auditAndFeedTheSameHistory() throws Exception {
        GeneratedHistory history = GeneratedHistory.generate(SEED, COMPLAINTS, CALENDAR, AS_OF);
        Path input = dir.resolve("events.jsonl");
        Files.write(input, history.lines);
        StringWriter err = new StringWriter();
        CommandLine audit = Main.commandLine();
        audit.setErr(new PrintWriter(err, true));
        audit.setOut(new PrintWriter(new StringWriter(), true));
        int exit = audit.execute("audit", "--input", input.toString(), "--out", dir.resolve("audit").toString(),
                "--as-of", AS_OF.toString());
        assertThat(exit).as(err.toString()).isZero();
        summary = JSON.readTree(dir.resolve("audit/summary.json").toFile());
        auditComplaints = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("audit/complaints.jsonl"))) {
            JsonNode complaint = JSON.readTree(line);
            auditComplaints.put(complaint.get("complaintRef").asText(), complaint);
        }

        SettableClock clock = new SettableClock(Instant.parse("2024-01-01T00:00:00Z"));
        rig = MonitorRig.start(dir.resolve("state"), clock, loader -> { });
        long accepted = feed(history.lines);
        // Everything tracked, dropped as a repeat or counted as survey feedback; then time moves on.
        await("every accepted event tracked, dropped as a repeat, counted as survey feedback or dead-lettered")
                .atMost(Duration.ofSeconds(120))
                .until(() -> total("complaint_events_tracked_total") + total("complaint_events_duplicate_total")
                        + total("complaint_survey_feedback_total") + total("complaint_dlq_records_total") >= accepted);
        clock.set(AS_OF);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Posts the good lines of the history up to --as-of, per source, in order; returns how many were accepted. */
    private static long feed(List<String> lines) throws Exception {
        long accepted = 0;
        for (String source : List.of("crm", "contractor", "webform")) {
            List<String> batch = new ArrayList<>();
            for (String line : lines) {
                JsonNode node = parse(line);
                if (node != null && source.equals(node.path("source").asText()) && !afterAsOf(node)) {
                    batch.add(line);
                }
            }
            for (int from = 0; from < batch.size(); from += 200) {
                List<String> part = batch.subList(from, Math.min(batch.size(), from + 200));
                if (rig.post("/ingest/" + source, "[" + String.join(",", part) + "]").statusCode() == 202) {
                    accepted += part.size();
                } else {
                    // A bad line refuses its whole batch: send one by one, and leave the bad ones out.
                    for (String line : part) {
                        if (rig.post("/ingest/" + source, line).statusCode() == 202) {
                            accepted++;
                        }
                    }
                }
            }
        }
        return accepted;
    }

    private static JsonNode parse(String line) {
        try {
            return line.isBlank() ? null : JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean afterAsOf(JsonNode node) {
        String at = node.has("occurredAt") ? node.get("occurredAt").asText() : node.path("submittedAt").asText();
        try {
            return java.time.OffsetDateTime.parse(at).toInstant().isAfter(AS_OF);
        } catch (RuntimeException e) {
            return false; // a bad line: the monitor refuses it, as the audit does
        }
    }

    /** The sum of every sample of {@code metric}, whatever its labels. */
    private static double total(String metric) throws Exception {
        double total = 0;
        for (String line : rig.get("/metrics").body().split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void shouldCountOpenStagesAsTheAuditDoes() {
        await("complaint_open agrees with summary.json").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int stage = 1; stage <= 2; stage++) {
                double open = 0;
                for (String status : List.of("on-time", "due-soon", "overdue")) {
                    open += rig.metric("complaint_open", "stage=\"" + stage + "\",status=\"" + status + "\"");
                }
                assertThat(open).as("stage %d open", stage)
                        .isEqualTo(summary.get("stage" + stage).get("open").asDouble());
            }
        });
        assertThat(summary.get("stage1").get("open").asLong()).as("the history has open complaints").isPositive();
    }

    @Test
    void shouldRaiseTheAuditsAlertsOfEveryKind() {
        await("complaint_alerts_raised_total agrees with summary.json").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    var kinds = summary.get("alertsByKind").fields();
                    while (kinds.hasNext()) {
                        var kind = kinds.next();
                        double raised = 0;
                        for (String stage : List.of("1", "2")) {
                            raised += rig.metric("complaint_alerts_raised_total",
                                    "kind=\"" + kind.getKey() + "\",stage=\"" + stage + "\"");
                        }
                        assertThat(raised).as(kind.getKey()).isEqualTo(kind.getValue().asDouble());
                    }
                });
    }

    @Test
    void shouldCountReceiptsAndResponsesPerFinancialYearAsTheAuditDoesInTotal() {
        // The history runs from early 2025 to --as-of (6 January 2026): financial years 2024 and 2025.
        await("/api/tsm agrees with summary.json").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int stage = 1; stage <= 2; stage++) {
                long received = 0;
                long responded = 0;
                long within = 0;
                for (String year : List.of("2024", "2025")) {
                    var response = rig.get("/api/tsm?year=" + year);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode figures = JSON.readTree(response.body()).get("yearToDate").get("stage" + stage);
                    received += figures.get("received").asLong();
                    responded += figures.get("responded").asLong();
                    within += figures.get("respondedWithin").asLong();
                }
                JsonNode audited = summary.get("stage" + stage);
                if (stage == 1) {
                    long survey = 0;
                    for (String year : List.of("2024", "2025")) {
                        survey += JSON.readTree(rig.get("/api/tsm?year=" + year).body()).get("yearToDate")
                                .get("surveyFeedback").asLong();
                    }
                    assertThat(survey).as("survey feedback").isEqualTo(summary.get("surveyFeedback").asLong());
                }
                assertThat(received).as("stage %d received", stage).isEqualTo(audited.get("received").asLong());
                assertThat(responded).as("stage %d responded", stage).isEqualTo(audited.get("responded").asLong());
                assertThat(within).as("stage %d responded within timescale", stage)
                        .isEqualTo(audited.get("respondedWithinTimescale").asLong());
            }
        });
    }

    @Test
    void shouldDescribeEachComplaintAsTheAuditDoes() throws Exception {
        List<String> all = new ArrayList<>(auditComplaints.keySet());
        Random random = new Random(SEED);
        // Every complaint with an open stage, and 40 others at random.
        List<String> refs = new ArrayList<>(all.stream()
                .filter(ref -> auditComplaints.get(ref).get("stages").findValues("open").stream()
                        .anyMatch(JsonNode::asBoolean))
                .toList());
        for (int i = 0; i < 40; i++) {
            refs.add(all.get(random.nextInt(all.size())));
        }
        for (String ref : refs) {
            JsonNode audited = auditComplaints.get(ref);
            var response = rig.get("/api/complaints/" + ref + "?landlord=" + audited.get("landlordId").asText());
            assertThat(response.statusCode()).as(ref).isEqualTo(200);
            JsonNode live = JSON.readTree(response.body());
            for (JsonNode stage : audited.get("stages")) {
                JsonNode liveStage = null;
                for (JsonNode s : live.get("stages")) {
                    if (s.get("stage").asInt() == stage.get("stage").asInt()) {
                        liveStage = s;
                    }
                }
                assertThat(liveStage).as("%s stage %s", ref, stage.get("stage")).isNotNull();
                for (String field : List.of("acknowledgementDue", "responseDue", "acknowledgedWithinTimescale",
                        "respondedWithinTimescale", "open")) {
                    assertThat(liveStage.get(field).asText()).as("%s stage %s %s", ref, stage.get("stage"), field)
                            .isEqualTo(stage.get(field).asText());
                }
            }
        }
    }
}
