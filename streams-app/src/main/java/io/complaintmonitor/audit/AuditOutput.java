package io.complaintmonitor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.complaint.StageCounts;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit's files and its short summary for a person. Dates are yyyy-MM-dd, instants ISO-8601
 * in UTC; unknown values are written as null, so every line of a file has the same fields. Nothing
 * that changes from run to run (paths, durations) goes into the files: a replay of the same input
 * gives the same bytes.
 */
public final class AuditOutput {

    public static final String ALERTS = "alerts.jsonl";
    public static final String COMPLAINTS = "complaints.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String REJECTED = "rejected.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSONL = new ObjectMapper();

    private AuditOutput() {
    }

    /** Writes the four files into {@code dir}, which must exist; earlier files of those names are replaced. */
    public static void write(Path dir, AuditResult result) throws IOException {
        writeLines(dir.resolve(ALERTS), result.alerts(), AuditOutput::alert);
        writeLines(dir.resolve(COMPLAINTS), result.complaints(), AuditOutput::complaint);
        writeLines(dir.resolve(REJECTED), result.rejections(), AuditOutput::rejection);
        Files.writeString(dir.resolve(SUMMARY), JSON.writeValueAsString(summary(result)) + "\n",
                StandardCharsets.UTF_8);
    }

    /** A few lines for the terminal. */
    public static String describe(AuditResult result, Path dir, Duration took) {
        InputCounts in = result.input();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.UK, "complaint-monitor audit as of %s, done in %.1f s%n", result.asOf(),
                took.toMillis() / 1000.0));
        text.append(String.format(Locale.UK, "  lines    %,d read, %,d sent, %,d rejected, %,d after --as-of (ignored), "
                + "%,d survey feedback%n", in.linesRead(), in.recordsSent(), in.rejectedLines(), in.ignoredAfterAsOf(),
                in.surveyFeedback()));
        for (int stage = 1; stage <= 2; stage++) {
            StageCounts counts = result.figures().stage(stage);
            text.append(String.format(Locale.UK, "  stage %d  %,d received, %,d acknowledged (%,d in time), "
                    + "%,d responded (%,d in time), %,d open%n", stage, counts.received(), counts.acknowledged(),
                    counts.acknowledgedWithinTimescale(), counts.responded(), counts.respondedWithinTimescale(),
                    counts.open()));
        }
        text.append(String.format(Locale.UK, "  alerts   %,d raised, %,d complaints tracked%n",
                result.alerts().size(), result.complaints().size()));
        text.append("  written  ").append(dir.resolve(SUMMARY)).append(", ").append(ALERTS).append(", ")
                .append(COMPLAINTS).append(", ").append(REJECTED).append(System.lineSeparator());
        return text.toString();
    }

    static ObjectNode summary(AuditResult result) {
        InputCounts in = result.input();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("asOf", result.asOf().toString());
        summary.put("linesRead", in.linesRead());
        summary.put("recordsSent", in.recordsSent());
        summary.put("rejectedLines", in.rejectedLines());
        summary.put("ignoredAfterAsOf", in.ignoredAfterAsOf());
        summary.put("surveyFeedback", in.surveyFeedback());
        summary.put("complaints", result.complaints().size());
        for (int stage = 1; stage <= 2; stage++) {
            StageCounts counts = result.figures().stage(stage);
            ObjectNode node = summary.putObject("stage" + stage);
            node.put("received", counts.received());
            node.put("acknowledged", counts.acknowledged());
            node.put("acknowledgedWithinTimescale", counts.acknowledgedWithinTimescale());
            node.put("responded", counts.responded());
            node.put("respondedWithinTimescale", counts.respondedWithinTimescale());
            node.put("open", counts.open());
        }
        summary.put("alerts", result.alerts().size());
        Map<AlertKind, Long> byKind = new EnumMap<>(AlertKind.class);
        result.alerts().forEach(alert -> byKind.merge(alert.getKind(), 1L, Long::sum));
        ObjectNode kinds = summary.putObject("alertsByKind");
        byKind.forEach((kind, count) -> kinds.put(kind.name(), count));
        return summary;
    }

    static ObjectNode alert(BreachAlert alert) {
        ObjectNode node = JSONL.createObjectNode();
        node.put("alertId", alert.getAlertId());
        node.put("kind", alert.getKind().name());
        node.put("complaintRef", alert.getComplaintRef());
        node.put("stage", alert.getStage());
        node.put("dueDate", text(alert.getDueDate()));
        node.put("raisedAt", text(alert.getRaisedAt()));
        node.put("category", alert.getCategory());
        node.put("contractorId", alert.getContractorId());
        node.put("handlingTeam", alert.getHandlingTeam());
        node.put("landlordId", alert.getLandlordId());
        return node;
    }

    static ObjectNode complaint(ComplaintReport report) {
        ObjectNode node = JSONL.createObjectNode();
        node.put("landlordId", report.landlordId());
        node.put("complaintRef", report.complaintRef());
        node.put("category", report.category());
        node.put("handlingTeam", report.handlingTeam());
        node.put("refusedOn", text(report.refusedOn()));
        node.put("withdrawnOn", text(report.withdrawnOn()));
        var stages = node.putArray("stages");
        for (ComplaintReport.Stage stage : report.stages()) {
            ObjectNode s = stages.addObject();
            s.put("stage", stage.stage());
            s.put("contractorId", stage.contractorId());
            s.put("receivedOn", text(stage.receivedOn()));
            s.put("acknowledgementDue", text(stage.acknowledgementDue()));
            s.put("acknowledgedOn", text(stage.acknowledgedOn()));
            s.put("acknowledgedWithinTimescale", stage.acknowledgedWithinTimescale());
            s.put("responseDue", text(stage.responseDue()));
            s.put("respondedOn", text(stage.respondedOn()));
            s.put("respondedWithinTimescale", stage.respondedWithinTimescale());
            s.put("open", stage.open());
        }
        return node;
    }

    static ObjectNode rejection(Rejection rejection) {
        ObjectNode node = JSONL.createObjectNode();
        node.put("line", rejection.line());
        node.put("reason", rejection.reason());
        return node;
    }

    private static <T> void writeLines(Path file, List<T> items, Function<T, ObjectNode> toJson) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T item : items) {
                out.write(JSONL.writeValueAsString(toJson.apply(item)));
                out.write('\n');
            }
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
