package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import java.util.List;

/** The stored value per complaint: its state, and the deadlines scheduled for it in the schedule store. */
public record TrackedComplaint(ComplaintState state, List<Deadline> scheduled) {

    public TrackedComplaint {
        scheduled = List.copyOf(scheduled);
    }
}
