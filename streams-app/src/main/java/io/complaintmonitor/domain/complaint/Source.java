package io.complaintmonitor.domain.complaint;

/** Where a lifecycle event came from. Event ids are unique only within one source. */
public enum Source {
    CRM,
    CONTRACTOR,
    WEBFORM
}
