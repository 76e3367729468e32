package io.complaintmonitor.domain.trend;

import java.util.Objects;

/**
 * A trend test that holds: what was seen, what it was compared with, and the line it crossed.
 *
 * @param observed the value judged (a count, or a share or rate as a fraction 0..1)
 * @param baseline what it was compared with (an average, a target or last quarter's share)
 * @param threshold the line the observed value crossed; on the line is not an alert
 * @param explanation one or two plain-English sentences for a housing manager, built only from
 *     the labels and numbers the caller gave, so it holds no personal data unless a label does
 */
public record TrendFinding(TrendKind kind, double observed, double baseline, double threshold, String explanation) {

    public TrendFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        if (explanation.isBlank()) {
            throw new IllegalArgumentException("explanation must not be blank");
        }
        finite("observed", observed);
        finite("baseline", baseline);
        finite("threshold", threshold);
    }

    private static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }
}
