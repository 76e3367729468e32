package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds one event's facts to a complaint's state. Every fact is kept with its event time and
 * merged so that order does not matter: "earliest" facts take the minimum, lists are kept sorted
 * and free of repeats. So the same events in any arrival order give the same facts, and
 * applying an event twice records nothing new.
 */
final class FactRecorder {

    private static final Comparator<StageFacts.Extension> EXTENSION_ORDER =
            Comparator.comparing(StageFacts.Extension::agreedAt)
                    .thenComparing(StageFacts.Extension::newDueDate)
                    .thenComparing(e -> e.updateIntervalWorkingDays() == null ? 0 : e.updateIntervalWorkingDays());
    private static final Comparator<ComplaintState.Closure> CLOSURE_ORDER =
            Comparator.comparing(ComplaintState.Closure::at)
                    .thenComparing(c -> c.stage() == null ? 0 : c.stage());

    private FactRecorder() {
    }

    static ComplaintState record(ComplaintState s, ComplaintEvent e) {
        Instant at = e.occurredAt();
        EventType type = e.type();
        boolean earliestRefusal = type == EventType.REFUSED && (s.refusedAt() == null || at.isBefore(s.refusedAt())
                || (at.equals(s.refusedAt()) && before(e.refusalReason(), s.refusalReason())));
        boolean earliestCategory = e.category() != null && (s.categoryAt() == null || at.isBefore(s.categoryAt())
                || (at.equals(s.categoryAt()) && before(e.category(), s.category())));
        List<TimedValue> teams = e.handlingTeam() == null
                ? s.handlingTeams()
                : TimedValue.with(s.handlingTeams(), new TimedValue(at, e.handlingTeam()));
        StageFacts stage1 = s.stage1();
        StageFacts stage2 = s.stage2();
        Integer stage = e.effectiveStage();
        if (isStageEvent(type) && stage != null) {
            if (stage == 1) {
                stage1 = recordStage(stage1, e);
            } else {
                stage2 = recordStage(stage2, e);
            }
        }
        List<ComplaintState.Closure> closures = type == EventType.CLOSED
                ? sortedWith(s.closures(), new ComplaintState.Closure(at, e.stage()), CLOSURE_ORDER)
                : s.closures();
        return new ComplaintState(
                s.landlordId(),
                s.complaintRef(),
                TimedValue.earliest(s.firstSeenAt(), at),
                earliestCategory ? e.category() : s.category(),
                earliestCategory ? at : s.categoryAt(),
                s.reasonableAdjustments() || Boolean.TRUE.equals(e.reasonableAdjustments()),
                teams,
                stage1,
                stage2,
                earliestRefusal ? at : s.refusedAt(),
                earliestRefusal ? e.refusalReason() : s.refusalReason(),
                type == EventType.WITHDRAWN ? TimedValue.earliest(s.withdrawnAt(), at) : s.withdrawnAt(),
                closures,
                type == EventType.OMBUDSMAN_REFERRED
                        ? TimedValue.earliest(s.ombudsmanReferredAt(), at) : s.ombudsmanReferredAt(),
                type == EventType.OMBUDSMAN_DETERMINED
                        ? TimedValue.earliest(s.ombudsmanDeterminedAt(), at) : s.ombudsmanDeterminedAt(),
                s.raised(),
                remember(s.seenEventIds(), e.sourceEventId()));
    }

    /** A total order on optional reason codes for ties on the instant: null last. */
    private static boolean before(String a, String b) {
        return a != null && (b == null || a.compareTo(b) < 0);
    }

    private static boolean isStageEvent(EventType type) {
        return switch (type) {
            case RECEIVED, ESCALATION_REQUESTED, ACKNOWLEDGED, EXTENSION_AGREED, RESPONSE_ISSUED,
                    RESIDENT_UPDATED -> true;
            default -> false;
        };
    }

    private static StageFacts recordStage(StageFacts f, ComplaintEvent e) {
        Instant at = e.occurredAt();
        Instant triggeredAt = f.triggeredAt();
        Source triggerSource = f.triggerSource();
        Instant acknowledgedAt = f.acknowledgedAt();
        boolean definitionRecorded = f.definitionRecorded();
        Instant respondedAt = f.respondedAt();
        String outcome = f.outcome();
        Long remedy = f.remedyAmountPence();
        List<StageFacts.Extension> extensions = f.extensions();
        List<Instant> contacts = f.contacts();
        switch (e.type()) {
            case RECEIVED, ESCALATION_REQUESTED -> {
                // Ties on the instant go to the first source in enum order, so arrival order cannot matter.
                if (triggeredAt == null || at.isBefore(triggeredAt)
                        || (at.equals(triggeredAt) && (triggerSource == null || e.source().compareTo(triggerSource) < 0))) {
                    triggeredAt = at;
                    triggerSource = e.source();
                }
            }
            case ACKNOWLEDGED -> {
                boolean recorded = Boolean.TRUE.equals(e.definitionRecorded());
                if (acknowledgedAt == null || at.isBefore(acknowledgedAt)) {
                    acknowledgedAt = at;
                    definitionRecorded = recorded;
                } else if (at.equals(acknowledgedAt)) {
                    // Two acknowledgements at one instant: either one setting the definition out will do.
                    definitionRecorded = definitionRecorded || recorded;
                }
                contacts = sortedWith(contacts, at, Comparator.naturalOrder());
            }
            case EXTENSION_AGREED -> {
                extensions = sortedWith(extensions,
                        new StageFacts.Extension(at, e.newDueDate(), e.updateIntervalWorkingDays()), EXTENSION_ORDER);
                contacts = sortedWith(contacts, at, Comparator.naturalOrder());
            }
            case RESPONSE_ISSUED -> {
                // Two responses at one instant: the smaller (outcome, remedy) wins, whatever arrived first.
                if (respondedAt == null || at.isBefore(respondedAt) || (at.equals(respondedAt)
                        && (before(e.outcome(), outcome) || (java.util.Objects.equals(e.outcome(), outcome)
                        && e.remedyAmountPence() != null && (remedy == null || e.remedyAmountPence() < remedy))))) {
                    respondedAt = at;
                    outcome = e.outcome();
                    remedy = e.remedyAmountPence();
                }
                contacts = sortedWith(contacts, at, Comparator.naturalOrder());
            }
            case RESIDENT_UPDATED -> contacts = sortedWith(contacts, at, Comparator.naturalOrder());
            default -> throw new IllegalStateException("not a stage event: " + e.type());
        }
        List<TimedValue> contractors = e.source() == Source.CONTRACTOR && e.contractorId() != null
                ? TimedValue.with(f.contractors(), new TimedValue(at, e.contractorId()))
                : f.contractors();
        return new StageFacts(TimedValue.earliest(f.startedAt(), at), triggeredAt, triggerSource, acknowledgedAt, definitionRecorded,
                respondedAt, outcome, remedy, extensions, contacts, contractors);
    }

    private static <T> List<T> sortedWith(List<T> list, T added, Comparator<? super T> order) {
        if (list.contains(added)) {
            return list;
        }
        List<T> result = new ArrayList<>(list);
        result.add(added);
        result.sort(order);
        return result;
    }

    private static List<String> remember(List<String> seen, String id) {
        List<String> result = new ArrayList<>(seen);
        result.add(id);
        int excess = result.size() - ComplaintState.MAX_SEEN_EVENT_IDS;
        return excess > 0 ? result.subList(excess, result.size()) : result;
    }
}
