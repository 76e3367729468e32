package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the monitor keeps about one complaint: immutable, and made only of strings,
 * numbers, instants, dates and lists of records, so a plain JSON or Avro serde can store it.
 * It holds facts with their event times, the alerts already raised, and the ids of the events
 * applied; due dates are derived from the facts by {@link ComplaintRules}, never stored.
 *
 * @param firstSeenAt earliest event time seen for the complaint
 * @param category of the earliest event that gave one (RECEIVED usually does)
 * @param categoryAt when that event happened, so a late-arriving earlier one can take its place
 * @param reasonableAdjustments whether any event said adjustments are agreed (Code 5.10)
 * @param handlingTeams team owning the complaint from each instant on
 * @param refusedAt earliest REFUSED: every clock stops for good (Code 8.1)
 * @param refusalReason the Code 8.1 reason code of that refusal, where given
 * @param withdrawnAt earliest WITHDRAWN: every clock stops for good
 * @param closures every CLOSED, in time order
 * @param raised alerts already raised, so each is raised once
 * @param seenEventIds "SOURCE:eventId" of the events applied, oldest first, at most
 *     {@link #MAX_SEEN_EVENT_IDS}
 */
public record ComplaintState(
        String landlordId,
        String complaintRef,
        Instant firstSeenAt,
        String category,
        Instant categoryAt,
        boolean reasonableAdjustments,
        List<TimedValue> handlingTeams,
        StageFacts stage1,
        StageFacts stage2,
        Instant refusedAt,
        String refusalReason,
        Instant withdrawnAt,
        List<Closure> closures,
        Instant ombudsmanReferredAt,
        Instant ombudsmanDeterminedAt,
        List<RaisedAlert> raised,
        List<String> seenEventIds) {

    /**
     * Bound on remembered event ids per complaint. A complaint sees tens of events in its life;
     * the bound only guards the store against a runaway source. Forgetting an old id is safe
     * because applying the same event twice records the same facts (see {@link FactRecorder}).
     */
    public static final int MAX_SEEN_EVENT_IDS = 512;

    public ComplaintState {
        Objects.requireNonNull(landlordId, "landlordId");
        Objects.requireNonNull(complaintRef, "complaintRef");
        Objects.requireNonNull(stage1, "stage1");
        Objects.requireNonNull(stage2, "stage2");
        handlingTeams = List.copyOf(handlingTeams);
        closures = List.copyOf(closures);
        raised = List.copyOf(raised);
        seenEventIds = List.copyOf(seenEventIds);
    }

    /** A complaint about which nothing is known yet. */
    public static ComplaintState empty(ComplaintKey key) {
        return new ComplaintState(key.landlordId(), key.complaintRef(), null, null, null, false, List.of(),
                StageFacts.NONE, StageFacts.NONE, null, null, null, List.of(), null, null, List.of(), List.of());
    }

    public ComplaintKey key() {
        return new ComplaintKey(landlordId, complaintRef);
    }

    public StageFacts stage(int stage) {
        return switch (stage) {
            case 1 -> stage1;
            case 2 -> stage2;
            default -> throw new IllegalArgumentException("stage must be 1 or 2: " + stage);
        };
    }

    /** The team owning the complaint at {@code at} (by events before it, or at it when {@code inclusive}). */
    public String handlingTeamAt(Instant at, boolean inclusive) {
        return TimedValue.valueAt(handlingTeams, at, inclusive);
    }

    /** The category as known at {@code at} (by events before it, or at it when {@code inclusive}). */
    public String categoryKnownAt(Instant at, boolean inclusive) {
        if (categoryAt == null || (inclusive ? categoryAt.isAfter(at) : !categoryAt.isBefore(at))) {
            return null;
        }
        return category;
    }

    /** The team that owns the complaint now. */
    public String latestHandlingTeam() {
        return handlingTeams.isEmpty() ? null : handlingTeams.get(handlingTeams.size() - 1).value();
    }

    public boolean hasSeen(String sourceEventId) {
        return seenEventIds.contains(sourceEventId);
    }

    public boolean hasRaised(RaisedAlert alert) {
        return raised.contains(alert);
    }

    /**
     * A CLOSED event.
     *
     * @param stage the stage the CRM said it closed, or null for the whole complaint
     */
    public record Closure(Instant at, Integer stage) {
    }

    /** An alert already raised, by the parts its id is made of (landlord and reference are the state's). */
    public record RaisedAlert(int stage, AlertType type, LocalDate dueDate) {

        /** Written out, as {@link Deadline#equals}: every event looks its checks up among these. */
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof RaisedAlert r && stage == r.stage && type == r.type
                    && Objects.equals(dueDate, r.dueDate);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * stage + Objects.hashCode(type)) + Objects.hashCode(dueDate);
        }
    }
}
