package io.complaintmonitor.domain.complaint;

/**
 * Why a record breaks the input contract: a low-cardinality {@link Reason} for the dead-letter
 * counter's tag, the field at fault, and a sentence for the dead-letter header and the audit's
 * rejected file.
 */
public record ContractViolation(Reason reason, String field, String message) {

    public enum Reason {
        MISSING_FIELD,
        TYPE_NOT_SENT_BY_SOURCE,
        STAGE_REQUIRED,
        STAGE_OUT_OF_RANGE,
        DUE_DATE_BEFORE_EVENT,
        INTERVAL_NOT_POSITIVE,
        NEGATIVE_AMOUNT,
        OUTSIDE_CALENDAR
    }

    @Override
    public String toString() {
        return reason + " " + field + ": " + message;
    }
}
