package io.complaintmonitor.audit;

import io.complaintmonitor.domain.complaint.ComplianceSummary;
import io.complaintmonitor.schema.BreachAlert;
import java.time.Instant;
import java.util.List;

/**
 * Everything an audit found, in a stable order so a replay of the same file gives the same files.
 *
 * @param alerts every alert raised up to --as-of, by raisedAt, then complaint, stage, kind and due date
 * @param complaints every complaint tracked, in the state store's key order
 * @param figures the per-stage counts over all complaints
 * @param rejections every rejected line, by line number
 */
public record AuditResult(Instant asOf, InputCounts input, ComplianceSummary figures, List<BreachAlert> alerts,
        List<ComplaintReport> complaints, List<Rejection> rejections) {

    public AuditResult {
        alerts = List.copyOf(alerts);
        complaints = List.copyOf(complaints);
        rejections = List.copyOf(rejections);
    }
}
