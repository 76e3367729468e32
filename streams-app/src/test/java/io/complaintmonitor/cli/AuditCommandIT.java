package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The audit command end to end, as a landlord runs it: a year of generated history, 10,000
 * complaints, through the monitor's own topology on a real (private) broker. The figures are
 * checked against the generator's own count, never against the monitor's rules.
 *
 * <p>Tagged e2e: two audits of 10,000 complaints took 41 s on an idle 2-core machine and up to
 * 105 s while other builds shared the cores ({@code -DexcludedGroups=e2e} leaves them out).
 */
@Tag("e2e")
class AuditCommandIT {

    private static final long SEED = 20_250_101L;
    private static final int COMPLAINTS = 10_000;
    /** Midnight in London (GMT in January), so an alert can fall exactly on it. */
    private static final Instant AS_OF = Instant.parse("2026-01-06T00:00:00Z");
    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static GeneratedHistory history;
    private static Path input;
    private static Audit first;

    /** One run of the command: its exit code, what it printed, and where it wrote. */
    private record Audit(int exitCode, String out, String err, Path dir) {

        JsonNode summary() {
            try {
                return JSON.readTree(dir.resolve("summary.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<JsonNode> lines(String file) {
            try {
                List<JsonNode> nodes = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(file))) {
                    nodes.add(JSON.readTree(line));
                }
                return nodes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<JsonNode> alertsOf(String complaintRef) {
            return lines("alerts.jsonl").stream()
                    .filter(alert -> alert.get("complaintRef").asText().equals(complaintRef))
                    .toList();
        }

        byte[] bytes(String file) throws IOException {
            return Files.readAllBytes(dir.resolve(file));
        }
    }

    @BeforeAll
    static void auditAYearOfHistory() throws IOException {
        history = GeneratedHistory.generate(SEED, COMPLAINTS, CALENDAR, AS_OF);
        input = dir.resolve("events.jsonl");
        Files.write(input, history.lines);
        first = audit("first");
    }

    private static Audit audit(String name) {
        Path out = dir.resolve(name);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        int exitCode = commandLine.execute("audit", "--input", input.toString(), "--out", out.toString(),
                "--as-of", AS_OF.toString());
        return new Audit(exitCode, stdout.toString(), stderr.toString(), out);
    }

    @Test
    void shouldFinishAndPrintAShortSummary() {
        assertThat(first.err()).isEmpty();
        assertThat(first.exitCode()).isZero();
        assertThat(first.out())
                .contains("complaint-monitor audit as of 2026-01-06T00:00:00Z")
                .contains("stage 1  10,000 received")
                .contains(first.dir().resolve("summary.json").toString());
    }

    @Test
    void shouldCountEachStageAsTheGeneratorPlannedIt() {
        JsonNode summary = first.summary();
        assertStage(summary.get("stage1"), history.stage1);
        assertStage(summary.get("stage2"), history.stage2);
        // The history exercises both sides of every figure, or the comparison proves little.
        for (GeneratedHistory.Tally tally : List.of(history.stage1, history.stage2)) {
            assertThat(tally.acknowledgedWithinTimescale).isPositive().isLessThan(tally.acknowledged);
            assertThat(tally.respondedWithinTimescale).isPositive().isLessThan(tally.responded);
            assertThat(tally.open).isPositive();
        }
    }

    private static void assertStage(JsonNode stage, GeneratedHistory.Tally expected) {
        assertThat(Map.of(
                "received", stage.get("received").asLong(),
                "acknowledged", stage.get("acknowledged").asLong(),
                "acknowledgedWithinTimescale", stage.get("acknowledgedWithinTimescale").asLong(),
                "responded", stage.get("responded").asLong(),
                "respondedWithinTimescale", stage.get("respondedWithinTimescale").asLong(),
                "open", stage.get("open").asLong()))
                .isEqualTo(Map.of(
                        "received", expected.received,
                        "acknowledged", expected.acknowledged,
                        "acknowledgedWithinTimescale", expected.acknowledgedWithinTimescale,
                        "responded", expected.responded,
                        "respondedWithinTimescale", expected.respondedWithinTimescale,
                        "open", expected.open));
    }

    @Test
    void shouldCountTheLinesReadSentRejectedAndIgnoredAndTheSurveyFeedback() {
        JsonNode summary = first.summary();
        assertThat(summary.get("asOf").asText()).isEqualTo("2026-01-06T00:00:00Z");
        assertThat(summary.get("linesRead").asLong()).isEqualTo(history.linesRead());
        assertThat(summary.get("recordsSent").asLong()).isEqualTo(history.recordsSent());
        assertThat(summary.get("rejectedLines").asLong()).isEqualTo(history.badLines.size()).isEqualTo(10);
        assertThat(summary.get("ignoredAfterAsOf").asLong()).isEqualTo(history.ignoredAfterAsOf).isPositive();
        assertThat(summary.get("surveyFeedback").asLong()).isEqualTo(history.surveyFeedback).isEqualTo(8);
        assertThat(summary.get("complaints").asLong()).isEqualTo(COMPLAINTS);
        assertThat(summary.get("alerts").asLong()).isEqualTo(first.lines("alerts.jsonl").size());
    }

    @Test
    void shouldReportEveryRejectedLineWithItsNumberAndReason() {
        List<JsonNode> rejected = first.lines("rejected.jsonl");
        assertThat(rejected).extracting(line -> line.get("line").asLong())
                .containsExactlyElementsOf(history.badLines.keySet());
        for (JsonNode line : rejected) {
            GeneratedHistory.BadLine bad = history.badLines.get(line.get("line").asLong());
            assertThat(line.get("reason").asText()).as("line %s", line.get("line")).contains(bad.reasonContains());
        }
    }

    @Test
    void shouldRaiseBothAcknowledgementAlertsForAComplaintNeverAcknowledgedOnceTheFifthWorkingDayHasEnded() {
        GeneratedHistory.Plan plan = history.plan(3); // received Monday 10 March 2025
        LocalDate acknowledgementDue = CALENDAR.addWorkingDays(plan.received, 5);
        LocalDate responseDue = CALENDAR.addWorkingDays(acknowledgementDue, 10);
        assertThat(acknowledgementDue).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(withoutIds(first.alertsOf(plan.ref))).containsExactly(
                expected("ACKNOWLEDGEMENT_DUE_SOON", plan, 1, acknowledgementDue, dueSoonAt(acknowledgementDue), null),
                expected("ACKNOWLEDGEMENT_OVERDUE", plan, 1, acknowledgementDue, overdueAt(acknowledgementDue), null),
                expected("RESPONSE_DUE_SOON", plan, 1, responseDue, dueSoonAt(responseDue), null),
                expected("RESPONSE_OVERDUE", plan, 1, responseDue, overdueAt(responseDue), null));
    }

    @Test
    void shouldJudgeClocksUpToAndIncludingAsOfAndNoFurther() {
        // Received Wednesday 24 December 2025: due Monday 5 January 2026, overdue at exactly --as-of.
        GeneratedHistory.Plan atAsOf = history.plan(1);
        LocalDate due = CALENDAR.addWorkingDays(atAsOf.received, 5);
        assertThat(overdueAt(due)).isEqualTo(AS_OF);
        assertThat(withoutIds(first.alertsOf(atAsOf.ref))).containsExactly(
                expected("ACKNOWLEDGEMENT_DUE_SOON", atAsOf, 1, due, dueSoonAt(due), null),
                expected("ACKNOWLEDGEMENT_OVERDUE", atAsOf, 1, due, AS_OF, null));
        // Received Monday 29 December 2025: due soon has come, overdue (7 January) has not.
        GeneratedHistory.Plan beforeAsOf = history.plan(2);
        LocalDate laterDue = CALENDAR.addWorkingDays(beforeAsOf.received, 5);
        assertThat(withoutIds(first.alertsOf(beforeAsOf.ref))).containsExactly(
                expected("ACKNOWLEDGEMENT_DUE_SOON", beforeAsOf, 1, laterDue, dueSoonAt(laterDue), null));
        assertThat(first.lines("alerts.jsonl")).allSatisfy(alert ->
                assertThat(Instant.parse(alert.get("raisedAt").asText())).isBeforeOrEqualTo(AS_OF));
    }

    @Test
    void shouldRaiseDefinitionMissingAtTheAcknowledgementAndNothingElseWhenAnsweredInTime() {
        GeneratedHistory.Plan plan = history.plan(4);
        LocalDate acknowledgementDue = CALENDAR.addWorkingDays(plan.received, 5);
        assertThat(withoutIds(first.alertsOf(plan.ref))).containsExactly(
                expected("DEFINITION_MISSING", plan, 1, acknowledgementDue, plan.ackAt, null));
    }

    @Test
    void shouldNameTheContractorOnTheResponseAlertsOfAStageItAcknowledged() {
        GeneratedHistory.Plan plan = history.plan(5);
        LocalDate responseDue = CALENDAR.addWorkingDays(CALENDAR.addWorkingDays(plan.received, 2), 10);
        assertThat(withoutIds(first.alertsOf(plan.ref))).containsExactly(
                expected("RESPONSE_DUE_SOON", plan, 1, responseDue, dueSoonAt(responseDue), "CON-FIXED"),
                expected("RESPONSE_OVERDUE", plan, 1, responseDue, overdueAt(responseDue), "CON-FIXED"));
    }

    @Test
    void shouldRaiseNothingForAComplaintWithdrawnBeforeAnyDeadline() {
        assertThat(first.alertsOf(history.plan(6).ref)).isEmpty();
    }

    @Test
    void shouldRaiseTheStageTwoAcknowledgementAndResponseAlertsOfAnEscalationNeverAcknowledged() {
        GeneratedHistory.Plan plan = history.plan(7);
        LocalDate answered = CALENDAR.addWorkingDays(CALENDAR.addWorkingDays(plan.received, 1), 2);
        LocalDate escalated = CALENDAR.addWorkingDays(answered, 5);
        LocalDate acknowledgementDue = CALENDAR.addWorkingDays(escalated, 5);
        LocalDate responseDue = CALENDAR.addWorkingDays(acknowledgementDue, 20);
        assertThat(withoutIds(first.alertsOf(plan.ref))).containsExactly(
                expected("ACKNOWLEDGEMENT_DUE_SOON", plan, 2, acknowledgementDue, dueSoonAt(acknowledgementDue), null),
                expected("ACKNOWLEDGEMENT_OVERDUE", plan, 2, acknowledgementDue, overdueAt(acknowledgementDue), null),
                expected("RESPONSE_DUE_SOON", plan, 2, responseDue, dueSoonAt(responseDue), null),
                expected("RESPONSE_OVERDUE", plan, 2, responseDue, overdueAt(responseDue), null));
    }

    @Test
    void shouldWriteTheFinalStateOfEveryComplaint() {
        List<JsonNode> complaints = first.lines("complaints.jsonl");
        assertThat(complaints).hasSize(COMPLAINTS);
        assertThat(complaints).extracting(c -> c.get("complaintRef").asText()).doesNotHaveDuplicates();
        GeneratedHistory.Plan plan = history.plan(4);
        LocalDate acknowledged = CALENDAR.addWorkingDays(plan.received, 2);
        JsonNode complaint = complaints.stream()
                .filter(c -> c.get("complaintRef").asText().equals(plan.ref)).findFirst().orElseThrow();
        assertThat(complaint.get("category").asText()).isEqualTo("REPAIRS");
        assertThat(complaint.get("handlingTeam").asText()).isEqualTo("team-fixed");
        JsonNode stage = complaint.get("stages").get(0);
        assertThat(stage.get("receivedOn").asText()).isEqualTo(plan.received.toString());
        assertThat(stage.get("acknowledgementDue").asText())
                .isEqualTo(CALENDAR.addWorkingDays(plan.received, 5).toString());
        assertThat(stage.get("acknowledgedOn").asText()).isEqualTo(acknowledged.toString());
        assertThat(stage.get("responseDue").asText()).isEqualTo(CALENDAR.addWorkingDays(acknowledged, 10).toString());
        assertThat(stage.get("respondedOn").asText()).isEqualTo(CALENDAR.addWorkingDays(acknowledged, 5).toString());
        assertThat(stage.get("acknowledgedWithinTimescale").asBoolean()).isTrue();
        assertThat(stage.get("respondedWithinTimescale").asBoolean()).isTrue();
        assertThat(stage.get("open").asBoolean()).isFalse();
        assertThat(complaint.get("stages")).hasSize(1);
    }

    @Test
    void shouldGiveByteIdenticalAlertsAndSummaryWhenTheSameFileIsAuditedAgain() throws IOException {
        Audit second = audit("second");
        assertThat(second.exitCode()).isZero();
        assertThat(second.bytes("alerts.jsonl")).isEqualTo(first.bytes("alerts.jsonl"));
        assertThat(second.bytes("summary.json")).isEqualTo(first.bytes("summary.json"));
        assertThat(second.bytes("complaints.jsonl")).isEqualTo(first.bytes("complaints.jsonl"));
        assertThat(second.bytes("rejected.jsonl")).isEqualTo(first.bytes("rejected.jsonl"));
        assertThat(first.lines("alerts.jsonl")).extracting(alert -> alert.get("alertId").asText())
                .doesNotHaveDuplicates();
    }

    private static ObjectNode expected(String kind, GeneratedHistory.Plan plan, int stage, LocalDate dueDate,
            Instant raisedAt, String contractorId) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("kind", kind);
        alert.put("complaintRef", plan.ref);
        alert.put("stage", stage);
        alert.put("dueDate", dueDate.toString());
        alert.put("raisedAt", raisedAt.toString());
        alert.put("category", plan.category);
        alert.put("contractorId", contractorId);
        alert.put("handlingTeam", plan.team);
        alert.put("landlordId", "default");
        return alert;
    }

    private static List<JsonNode> withoutIds(List<JsonNode> alerts) {
        return alerts.stream().map(alert -> {
            ObjectNode copy = alert.deepCopy();
            assertThat(copy.remove("alertId").asText()).isNotBlank();
            return (JsonNode) copy;
        }).toList();
    }

    /** 00:00 London on the working day two working days before {@code due}. */
    private static Instant dueSoonAt(LocalDate due) {
        return CALENDAR.minusWorkingDays(due, 2).atStartOfDay(GeneratedHistory.LONDON).toInstant();
    }

    /** 00:00 London at the start of the day after {@code due}. */
    private static Instant overdueAt(LocalDate due) {
        return due.plusDays(1).atStartOfDay(GeneratedHistory.LONDON).toInstant();
    }
}
