package io.complaintmonitor.domain.complaint;

import java.util.List;
import java.util.Objects;

/**
 * The audit summary's per-stage figures, as an immutable accumulator: the audit adds every
 * complaint's {@link StageOutcome}s, statistics add those of one group. One implementation of
 * the definitions, so the two cannot drift apart.
 */
public record ComplianceSummary(StageCounts stage1, StageCounts stage2) {

    public static final ComplianceSummary EMPTY = new ComplianceSummary(StageCounts.ZERO, StageCounts.ZERO);

    public ComplianceSummary {
        Objects.requireNonNull(stage1, "stage1");
        Objects.requireNonNull(stage2, "stage2");
    }

    public StageCounts stage(int stage) {
        return switch (stage) {
            case 1 -> stage1;
            case 2 -> stage2;
            default -> throw new IllegalArgumentException("stage must be 1 or 2: " + stage);
        };
    }

    public ComplianceSummary plus(StageOutcome outcome) {
        return outcome.stage() == 1
                ? new ComplianceSummary(stage1.plus(outcome), stage2)
                : new ComplianceSummary(stage1, stage2.plus(outcome));
    }

    public ComplianceSummary plus(List<StageOutcome> outcomes) {
        ComplianceSummary sum = this;
        for (StageOutcome o : outcomes) {
            sum = sum.plus(o);
        }
        return sum;
    }

    public ComplianceSummary plus(ComplianceSummary other) {
        return new ComplianceSummary(stage1.plus(other.stage1), stage2.plus(other.stage2));
    }
}
