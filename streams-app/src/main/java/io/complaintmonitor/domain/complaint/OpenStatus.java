package io.complaintmonitor.domain.complaint;

/**
 * Where an open stage stands against the step it is waiting for (acknowledgement, then response):
 * the manager's "on time / due soon / overdue". A stage whose due date is unknown (its receipt was
 * never seen) counts as on time: nothing can be judged late.
 */
public enum OpenStatus {
    ON_TIME,
    DUE_SOON,
    OVERDUE
}
