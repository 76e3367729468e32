package io.complaintmonitor.domain.trend;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The deterministic trendAlertId: a name-based (type 3) UUID, as for breach alerts, so a replay
 * yields the same ids. {@link TrendLatch} allows one RAISE and one RECOVER per (kind, dimension,
 * window), so these parts identify an alert.
 */
public final class TrendAlertId {

    private TrendAlertId() {
    }

    /**
     * @param decision RAISE for status RAISED, RECOVER for status RECOVERED
     */
    public static String of(String landlordId, TrendKind kind, String dimension, String dimensionValue,
            LocalDate windowStart, TrendLatch.Decision decision) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(windowStart, "windowStart");
        if (decision == null || decision == TrendLatch.Decision.NONE) {
            throw new IllegalArgumentException("only a RAISE or a RECOVER is an alert, was " + decision);
        }
        // Length-prefixed parts, so ("a|b", "c") and ("a", "b|c") cannot collide.
        String name = "complaint-monitor/trend-alert/v1|" + part(landlordId) + kind + "|" + part(dimension)
                + part(dimensionValue) + windowStart + "|" + decision;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String part(String value) {
        Objects.requireNonNull(value, "id part");
        return value.length() + ":" + value + "|";
    }
}
