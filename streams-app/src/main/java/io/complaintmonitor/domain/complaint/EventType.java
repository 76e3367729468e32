package io.complaintmonitor.domain.complaint;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to a complaint, in the monitor's own words. The CRM's types, of which the
 * contractor's are a subset; a web form COMPLAINT is a {@link #RECEIVED} and a web form
 * ESCALATION an {@link #ESCALATION_REQUESTED} (see {@link #forWebForm}).
 */
public enum EventType {
    /** Stage 1 receipt, whatever stage the record claims. */
    RECEIVED,
    ACKNOWLEDGED,
    EXTENSION_AGREED,
    RESPONSE_ISSUED,
    /** The resident asked for stage 2. */
    ESCALATION_REQUESTED,
    RESIDENT_UPDATED,
    REFUSED,
    WITHDRAWN,
    CLOSED,
    OMBUDSMAN_REFERRED,
    OMBUDSMAN_DETERMINED;

    private static final Set<EventType> CONTRACTOR_TYPES =
            EnumSet.of(RECEIVED, ACKNOWLEDGED, EXTENSION_AGREED, RESPONSE_ISSUED, RESIDENT_UPDATED);
    private static final Set<EventType> WEBFORM_TYPES = EnumSet.of(RECEIVED, ESCALATION_REQUESTED);
    private static final Set<EventType> STAGE_REQUIRED =
            EnumSet.of(ACKNOWLEDGED, EXTENSION_AGREED, RESPONSE_ISSUED, RESIDENT_UPDATED);

    /** Whether the event only makes sense with a stage 1 or 2 attached. */
    public boolean requiresStage() {
        return STAGE_REQUIRED.contains(this);
    }

    /** Whether {@code source} can send this type at all (its schema's enum). */
    public boolean isSentBy(Source source) {
        return switch (source) {
            case CRM -> true;
            case CONTRACTOR -> CONTRACTOR_TYPES.contains(this);
            case WEBFORM -> WEBFORM_TYPES.contains(this);
        };
    }

    /**
     * The event a web form of this {@code formType} stands for; empty for SURVEY_FEEDBACK (never a
     * complaint, Code 1.6) and for form types the monitor does not know.
     */
    public static Optional<EventType> forWebForm(String formType) {
        return switch (formType == null ? "" : formType) {
            case "COMPLAINT" -> Optional.of(RECEIVED);
            case "ESCALATION" -> Optional.of(ESCALATION_REQUESTED);
            default -> Optional.empty();
        };
    }
}
