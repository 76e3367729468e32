package io.complaintmonitor.domain.trend;

import java.util.Objects;
import java.util.Optional;

/**
 * Raise once per window, recover when it clears: the state a caller keeps per (kind, dimension),
 * for example under the key "COMPLIANCE_DROP|category|DAMP_MOULD", starting from {@link #CLEAR}.
 * Only a boolean and a string, so a plain JSON serde stores it.
 *
 * <p>For each judgement of a window, in window order, the caller passes the window's label and
 * the detector's answer to {@link #decide} and stores the returned latch:
 * <ul>
 *   <li>a finding in a window with no decision yet raises, whether or not the alert is already
 *       active: a trend that lasts three weeks is raised in each of the three weeks;</li>
 *   <li>a finding in the window already decided raises nothing more (once per window);</li>
 *   <li>no finding while active recovers;</li>
 *   <li>no finding while not active does nothing.</li>
 * </ul>
 * A window in which the alert recovered counts as decided, so a finding that comes back later in
 * that same window waits for the next window. So each (kind, dimension, window) sees at most one
 * RAISE and one RECOVER, which is what makes {@link TrendAlertId} unique. A caller that judges
 * only closed windows sees neither case; one that judges a window as it fills may.
 *
 * <p>"No finding" includes "too little data to judge": a dimension whose volume falls below a
 * test's minimum recovers.
 *
 * @param active whether an alert is raised and not yet recovered
 * @param lastWindow the window of the last RAISE or RECOVER, "" before the first
 */
public record TrendLatch(boolean active, String lastWindow) {

    public static final TrendLatch CLEAR = new TrendLatch(false, "");

    public enum Decision { RAISE, RECOVER, NONE }

    /** What to emit now, and the latch to store in place of this one. */
    public record Step(Decision decision, TrendLatch next) {
    }

    public TrendLatch {
        Objects.requireNonNull(lastWindow, "lastWindow");
    }

    public Step decide(String windowLabel, Optional<TrendFinding> now) {
        Objects.requireNonNull(windowLabel, "windowLabel");
        Objects.requireNonNull(now, "now");
        if (windowLabel.isBlank()) {
            throw new IllegalArgumentException("windowLabel must not be blank");
        }
        if (now.isPresent()) {
            return windowLabel.equals(lastWindow)
                    ? new Step(Decision.NONE, this)
                    : new Step(Decision.RAISE, new TrendLatch(true, windowLabel));
        }
        return active
                ? new Step(Decision.RECOVER, new TrendLatch(false, windowLabel))
                : new Step(Decision.NONE, this);
    }
}
