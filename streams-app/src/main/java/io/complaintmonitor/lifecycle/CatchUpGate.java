package io.complaintmonitor.lifecycle;

/**
 * Opens only after the inputs have read as caught up at {@code required} heartbeats in a row.
 * Under exactly-once an event can sit in an open transaction on a repartition topic while every
 * lag already reads zero; one heartbeat interval per repartition hop (each at least a commit
 * interval) lets such events become visible, and be read, before the clock moves past them. In
 * quiet live running the gate is already open, so it adds nothing to an alert's latency.
 */
final class CatchUpGate {

    private final int required;
    private int inARow;

    CatchUpGate(int required) {
        if (required < 1) {
            throw new IllegalArgumentException("required must be at least 1: " + required);
        }
        this.required = required;
    }

    /** Records one observation; true when the last {@code required} observations were all caught up. */
    boolean observe(boolean caughtUp) {
        inARow = caughtUp ? Math.min(inARow + 1, required) : 0;
        return inARow >= required;
    }
}
