package io.complaintmonitor.domain.trend;

/** What a trend alert is about; see docs/trends.md for the exact test behind each. */
public enum TrendKind {
    /** Far more complaints in a week than in the weeks before. */
    VOLUME_SPIKE,
    /** The share answered within timescale fell below target, or well below last quarter. */
    COMPLIANCE_DROP,
    /** A contractor's recent steps were too often late. */
    CONTRACTOR_UNDERPERFORMING,
    /** More stage 1 responses than usual were escalated to stage 2. */
    ESCALATION_RISE
}
