package io.complaintmonitor.domain.complaint;

import java.util.List;

/**
 * What one step of the rules produced.
 *
 * @param state the complaint's new state, to store
 * @param alerts alerts raised by this step, oldest raisedAt first; each alert is raised once
 *     over the life of the complaint
 * @param deadlines every timed check the complaint now has pending, earliest first: the
 *     processor replaces its scheduled entries for the complaint with these. A check may lie in
 *     the past (after a late event); it then fires at the next {@link ComplaintRules#advanceTo}.
 * @param duplicate the event's id had been applied already, so nothing changed
 */
public record Transition(ComplaintState state, List<Alert> alerts, List<Deadline> deadlines, boolean duplicate) {

    public Transition {
        alerts = List.copyOf(alerts);
        deadlines = List.copyOf(deadlines);
    }
}
