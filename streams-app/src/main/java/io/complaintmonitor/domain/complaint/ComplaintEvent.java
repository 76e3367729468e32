package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.LondonTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One lifecycle event from any source, in the monitor's own terms. References and categories
 * only: nothing here names or describes a person. Fields a source does not have are null.
 * Nothing is checked on construction: {@link ComplaintEventValidator} says what is wrong with a
 * record, so an adapter can route it to the dead-letter topic instead of throwing.
 *
 * @param stage 1 or 2 where the type needs one; RECEIVED is always stage 1 and
 *     ESCALATION_REQUESTED always stage 2, whatever this says
 * @param newDueDate on EXTENSION_AGREED: the new last day for the response, as told to the resident
 * @param updateIntervalWorkingDays on EXTENSION_AGREED: Code 5.9 interval for keeping the resident informed
 * @param contractorId the contractor that sent the event (contractor source only)
 * @param reasonableAdjustments whether adjustments are agreed (Code 5.10), never their details
 */
public record ComplaintEvent(
        Source source,
        String eventId,
        String landlordId,
        String complaintRef,
        EventType type,
        Integer stage,
        Instant occurredAt,
        String category,
        String channel,
        Boolean definitionRecorded,
        LocalDate newDueDate,
        String extensionReason,
        Integer updateIntervalWorkingDays,
        String outcome,
        Long remedyAmountPence,
        String refusalReason,
        String handlingTeam,
        String contractorId,
        Boolean reasonableAdjustments) {

    public ComplaintKey key() {
        return new ComplaintKey(landlordId, complaintRef);
    }

    /** The event's date: its occurredAt in Europe/London. */
    public LocalDate date() {
        return LondonTime.dateOf(occurredAt);
    }

    /** The stage the event belongs to, with RECEIVED read as 1 and ESCALATION_REQUESTED as 2. */
    public Integer effectiveStage() {
        if (type == null) {
            return stage;
        }
        return switch (type) {
            case RECEIVED -> 1;
            case ESCALATION_REQUESTED -> 2;
            default -> stage;
        };
    }

    /** Dedup key: ids are unique within a source, not across sources. */
    public String sourceEventId() {
        return source + ":" + eventId;
    }

    public static Builder builder(Source source, String eventId, EventType type) {
        return new Builder(source, eventId, type);
    }

    public Builder toBuilder() {
        Builder b = new Builder(source, eventId, type);
        b.landlordId = landlordId;
        b.complaintRef = complaintRef;
        b.stage = stage;
        b.occurredAt = occurredAt;
        b.category = category;
        b.channel = channel;
        b.definitionRecorded = definitionRecorded;
        b.newDueDate = newDueDate;
        b.extensionReason = extensionReason;
        b.updateIntervalWorkingDays = updateIntervalWorkingDays;
        b.outcome = outcome;
        b.remedyAmountPence = remedyAmountPence;
        b.refusalReason = refusalReason;
        b.handlingTeam = handlingTeam;
        b.contractorId = contractorId;
        b.reasonableAdjustments = reasonableAdjustments;
        return b;
    }

    /** For adapters mapping a wide source record, where a 19-argument constructor call hides mistakes. */
    public static final class Builder {
        private Source source;
        private String eventId;
        private EventType type;
        private String landlordId;
        private String complaintRef;
        private Integer stage;
        private Instant occurredAt;
        private String category;
        private String channel;
        private Boolean definitionRecorded;
        private LocalDate newDueDate;
        private String extensionReason;
        private Integer updateIntervalWorkingDays;
        private String outcome;
        private Long remedyAmountPence;
        private String refusalReason;
        private String handlingTeam;
        private String contractorId;
        private Boolean reasonableAdjustments;

        private Builder(Source source, String eventId, EventType type) {
            this.source = source;
            this.eventId = eventId;
            this.type = type;
        }

        public Builder source(Source value) {
            source = value;
            return this;
        }

        public Builder eventId(String value) {
            eventId = value;
            return this;
        }

        public Builder type(EventType value) {
            type = value;
            return this;
        }

        public Builder landlordId(String value) {
            landlordId = value;
            return this;
        }

        public Builder complaintRef(String value) {
            complaintRef = value;
            return this;
        }

        public Builder stage(Integer value) {
            stage = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder channel(String value) {
            channel = value;
            return this;
        }

        public Builder definitionRecorded(Boolean value) {
            definitionRecorded = value;
            return this;
        }

        public Builder newDueDate(LocalDate value) {
            newDueDate = value;
            return this;
        }

        public Builder extensionReason(String value) {
            extensionReason = value;
            return this;
        }

        public Builder updateIntervalWorkingDays(Integer value) {
            updateIntervalWorkingDays = value;
            return this;
        }

        public Builder outcome(String value) {
            outcome = value;
            return this;
        }

        public Builder remedyAmountPence(Long value) {
            remedyAmountPence = value;
            return this;
        }

        public Builder refusalReason(String value) {
            refusalReason = value;
            return this;
        }

        public Builder handlingTeam(String value) {
            handlingTeam = value;
            return this;
        }

        public Builder contractorId(String value) {
            contractorId = value;
            return this;
        }

        public Builder reasonableAdjustments(Boolean value) {
            reasonableAdjustments = value;
            return this;
        }

        public ComplaintEvent build() {
            return new ComplaintEvent(source, eventId, landlordId, complaintRef, type, stage, occurredAt, category,
                    channel, definitionRecorded, newDueDate, extensionReason, updateIntervalWorkingDays, outcome,
                    remedyAmountPence, refusalReason, handlingTeam, contractorId, reasonableAdjustments);
        }
    }
}
