package io.complaintmonitor.audit;

import java.util.Comparator;

/**
 * A line of the input that is not a valid event: refused by the JSON layer, or by the topology's
 * contract checks (a dead letter, traced back to its line).
 *
 * @param line the line number, counting from 1 and counting blank lines, as an editor does
 * @param reason every problem, field by field
 */
public record Rejection(long line, String reason) {

    public static final Comparator<Rejection> BY_LINE = Comparator.comparingLong(Rejection::line);
}
