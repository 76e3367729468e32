package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;

/**
 * Keys of the figures stores and of {@code complaints.stats.v1}. Parts are joined with '|',
 * which no part may contain ({@link DimensionKey} refuses it), and ordered so that a prefix
 * range scan finds what the query API asks for.
 */
public final class FiguresKeys {

    private FiguresKeys() {
    }

    /** step|dimension=value|kind|label: one stage-duration aggregate, and the stats topic's key. */
    public static String stat(Step step, String dimensionKey, ReportingWindow window) {
        return step.label() + "|" + dimensionKey + "|" + window.kind().label() + "|" + window.label();
    }

    /** step|dimension=value|kind|: every window of one kind for one step and group. */
    public static String statPrefix(Step step, String dimensionKey, String kind) {
        return step.label() + "|" + dimensionKey + "|" + kind + "|";
    }

    /** step|dimension=value: one group's overdue ledger and pending mark. */
    public static String group(Step step, String dimensionKey) {
        return step.label() + "|" + dimensionKey;
    }

    /** dimension=value|kind|label|measure: one headline count. */
    public static String count(String dimensionKey, ReportingWindow window, String measure) {
        return countPrefix(dimensionKey, window) + measure;
    }

    /** dimension=value|kind|label|: every measure of one group in one window. */
    public static String countPrefix(String dimensionKey, ReportingWindow window) {
        return dimensionKey + "|" + window.kind().label() + "|" + window.label() + "|";
    }

    /** The smallest string greater than every key starting with {@code prefix}, for range scans. */
    public static String upperBound(String prefix) {
        return prefix + Character.MAX_VALUE;
    }
}
