package io.complaintmonitor.domain.complaint;

import java.util.Locale;

/** Where a lifecycle event came from. Event ids are unique only within one source. */
public enum Source {
    CRM,
    CONTRACTOR,
    WEBFORM;

    /** Worked out once: every figure a complaint contributes is labelled with its source, and hashed by it. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** crm, contractor or webform: as in figures groups, metric tags and topic names. */
    public String label() {
        return label;
    }
}
