package io.complaintmonitor.domain.complaint;

/** The kinds of breach alert, named as in the BreachAlert schema's AlertKind. */
public enum AlertType {
    /** Code 6.2 / 6.11: the acknowledgement is due in {@code dueSoonWorkingDays} working days. */
    ACKNOWLEDGEMENT_DUE_SOON,
    /** Code 6.3 / 6.14: the response is due in {@code dueSoonWorkingDays} working days. */
    RESPONSE_DUE_SOON,
    /** Code 6.2 / 6.11: the last day for the acknowledgement ended without one. */
    ACKNOWLEDGEMENT_OVERDUE,
    /** Code 6.3 / 6.14, or the extended date of 6.4 / 6.15: the last day for the response ended without one. */
    RESPONSE_OVERDUE,
    /** Code 5.9: the agreed interval for keeping the resident informed ended without contact. */
    RESIDENT_UPDATE_OVERDUE,
    /** Code 6.4 / 6.15: an extension goes beyond 10 (stage 1) or 20 (stage 2) working days. */
    EXTENSION_EXCEEDS_LIMIT,
    /** Code 5.6: an acknowledgement without the complaint definition and outcome sought. */
    DEFINITION_MISSING;

    /** Raised by the event that causes it, not by the passing of time. */
    public boolean isImmediate() {
        return this == EXTENSION_EXCEEDS_LIMIT || this == DEFINITION_MISSING;
    }
}
