package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import java.time.Instant;
import java.util.List;

/**
 * The stored value per complaint: its state, the deadlines scheduled for it in the schedule store,
 * and the clock its open standing was counted at in the open-complaints counts, so it can be taken
 * out exactly as it went in.
 *
 * @param countedAt the task's clock when the complaint was last counted; {@link #NO_CLOCK} when it
 *     was counted before the task's first tick; null in values stored before this was kept, which
 *     were always counted at the task's clock
 */
public record TrackedComplaint(ComplaintState state, List<Deadline> scheduled, Instant countedAt) {

    /** Counted before the clock started: judged against no instant. */
    public static final Instant NO_CLOCK = Instant.EPOCH;

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
