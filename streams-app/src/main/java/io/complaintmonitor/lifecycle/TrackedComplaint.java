package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import java.time.Instant;
import java.util.List;

/**
 * The stored value per complaint: its state, its pending deadlines, the clock its open standing was
 * counted at in the open-complaints counts (so it can be taken out exactly as it went in), and the
 * instant of its entry in the schedule store.
 *
 * @param countedAt the task's clock when the complaint was last counted; {@link #NO_CLOCK} when it
 *     was counted before the task's first tick; null in values stored before this was kept, which
 *     were always counted at the task's clock
 * @param wakeAt the instant of the complaint's one schedule entry, at or before its earliest
 *     pending deadline (an entry is not moved later until it is judged); {@link #NO_WAKE} when it
 *     has none; null in values stored before, which had an entry per deadline in {@code scheduled}
 */
public record TrackedComplaint(ComplaintState state, List<Deadline> scheduled, Instant countedAt, Instant wakeAt) {

    /** Counted before the clock started: judged against no instant. */
    public static final Instant NO_CLOCK = Instant.EPOCH;
    /** No schedule entry: nothing pending. */
    public static final Instant NO_WAKE = Instant.EPOCH;

    public TrackedComplaint {
        scheduled = List.copyOf(scheduled);
    }

    /** The clock its standing was counted at: null for none, and {@code clock} for a value from before this was kept. */
    Instant countedAtOr(Instant clock) {
        if (countedAt == null) {
            return clock;
        }
        return countedAt.equals(NO_CLOCK) ? null : countedAt;
    }
}
