package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.CalendarCoverageException;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Complaint Handling Code's rules as two pure operations on a complaint's state:
 * {@link #apply} records an event, {@link #advanceTo} lets time pass. A processor keeps one
 * {@link ComplaintState} per complaint and a schedule of each complaint's {@link Deadline}s, and
 * forwards the {@link Alert}s these return.
 *
 * <p><b>Order of operations.</b> For an event at t the issue asks for advanceTo(t) first, then
 * apply. {@code apply} does not advance time itself, and need not be preceded by advanceTo: every
 * timed check is judged on the facts strictly before its own instant, so an event at t can never
 * prevent an alert due at or before t, and advanceTo(t) then apply gives the same alerts as apply
 * then advanceTo(t). So a processor can hold judgement back by a grace period for late events:
 * it applies each event as it comes and advances to stream time minus the grace; timed alerts
 * then come out as if the events had arrived in order.
 *
 * <p><b>Immediate alerts</b> (DEFINITION_MISSING, EXTENSION_EXCEEDS_LIMIT) come out of the
 * {@code apply} of the event that causes them, judged on the facts known then. An earlier
 * event that arrives after it can still make one judgeable (it is raised then), but cannot
 * change one already raised.
 *
 * <p><b>Raised once, never withdrawn.</b> The state records each alert raised. An event that
 * arrives after the processor has judged past its occurredAt cannot undo what was raised, though
 * it counts for everything not yet judged.
 *
 * <p><b>Duplicates.</b> The state remembers the ids of the events it applied (bounded, see
 * {@link ComplaintState#MAX_SEEN_EVENT_IDS}), so a redelivered event is ignored here. An id seen
 * before under another complaintRef lands on another complaint's state and is applied there
 * (rule 19: a redelivery repeats the reference too).
 *
 * <p>The calendar refuses years it does not cover, so both operations throw
 * {@link CalendarCoverageException} when a due date falls outside it; the remedy is a calendar
 * that covers the year (gov.uk publishes bank holidays well ahead).
 */
public final class ComplaintRules {

    public static final int DEFAULT_DUE_SOON_WORKING_DAYS = 2;

    /** By instant, stage, type and due date; written out rather than chained, as it sorts every event's checks. */
    private static final Comparator<Deadline> ORDER = (a, b) -> {
        int order = a.at().compareTo(b.at());
        if (order == 0) {
            order = Integer.compare(a.stage(), b.stage());
        }
        if (order == 0) {
            order = a.type().compareTo(b.type());
        }
        return order != 0 ? order : a.dueDate().compareTo(b.dueDate());
    };

    private final WorkingDayCalendar calendar;
    private final int dueSoonWorkingDays;

    public ComplaintRules(WorkingDayCalendar calendar) {
        this(calendar, DEFAULT_DUE_SOON_WORKING_DAYS);
    }

    public ComplaintRules(WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (dueSoonWorkingDays < 0) {
            throw new IllegalArgumentException("dueSoonWorkingDays must not be negative: " + dueSoonWorkingDays);
        }
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** The input contract and calendar coverage: what must be empty before {@link #apply}. */
    public List<ContractViolation> violations(ComplaintEvent event) {
        return ComplaintEventValidator.validate(event, calendar);
    }

    /**
     * Records {@code event} in the complaint's state (null: a complaint not seen before, which
     * starts tracking here). Raises the alerts an event causes by itself (DEFINITION_MISSING,
     * EXTENSION_EXCEEDS_LIMIT, at the event's occurredAt) and returns every timed check now
     * pending. An event whose source and id this complaint has already applied changes nothing.
     *
     * @throws IllegalArgumentException if the event breaks the contract (check {@link #violations}
     *     first) or belongs to another complaint
     */
    public Transition apply(ComplaintState stateOrNull, ComplaintEvent event) {
        List<ContractViolation> violations = violations(event);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("event " + event.sourceEventId() + " breaks the contract: " + violations);
        }
        ComplaintState state = stateOrNull == null ? ComplaintState.empty(event.key()) : stateOrNull;
        if (!state.key().equals(event.key())) {
            throw new IllegalArgumentException("event " + event.sourceEventId() + " is for " + event.key()
                    + ", not " + state.key());
        }
        if (state.hasSeen(event.sourceEventId())) {
            return new Transition(state, List.of(), pending(state, Instant.MIN), true);
        }
        ComplaintState recorded = FactRecorder.record(state, event);
        // Immediate alerts are re-derived from all facts, so one that only a late fact makes
        // judgeable (an earlier receipt fixing the extension limit's reference) is raised now.
        List<Deadline> checks = checks(recorded, Instant.MIN);
        List<Deadline> immediate = unraised(recorded, checks, d -> d.type().isImmediate());
        ComplaintState raised = withRaised(recorded, immediate);
        return new Transition(raised, alertsFor(raised, immediate), pendingAfter(raised, checks, immediate, Instant.MIN),
                false);
    }

    /**
     * Lets event time pass up to and including {@code now}: raises every pending check with
     * at &lt;= now that still holds (requirement not met before its instant, clock not stopped,
     * not raised already) and returns the checks still pending after now.
     */
    public Transition advanceTo(ComplaintState state, Instant now) {
        List<Deadline> checks = checks(state, now);
        List<Deadline> due = unraised(state, checks, d -> !d.at().isAfter(now));
        ComplaintState raised = withRaised(state, due);
        return new Transition(raised, alertsFor(raised, due), pendingAfter(raised, checks, due, now), false);
    }

    /** What the complaint's state counts for in the figures, one entry per stage started. */
    public List<StageOutcome> outcomesOf(ComplaintState state) {
        List<StageOutcome> outcomes = new ArrayList<>(2);
        for (int stage = 1; stage <= 2; stage++) {
            StageFacts facts = state.stage(stage);
            if (facts.started()) {
                outcomes.add(StageOutcome.of(state, stage, clock(state, stage)));
            }
        }
        return outcomes;
    }

    /**
     * The open stages of a complaint and where each stands at {@code now}: overdue from 00:00 on
     * the day after the due date of the step it waits for, due soon from 00:00 on the working day
     * {@code dueSoonWorkingDays} before it (never when the due date is not a working day), on time
     * before that. Changes only at the instants the rules schedule as deadlines, or at events.
     */
    public List<OpenStage> openStages(ComplaintState state, Instant now) {
        List<OpenStage> open = new ArrayList<>(2);
        for (StageOutcome outcome : outcomesOf(state)) {
            if (outcome.open()) {
                LocalDate due = outcome.acknowledged() ? outcome.responseDue() : outcome.acknowledgementDue();
                open.add(new OpenStage(outcome.stage(), statusAt(due, now)));
            }
        }
        return open;
    }

    private OpenStatus statusAt(LocalDate due, Instant now) {
        if (due == null || now == null) {
            return OpenStatus.ON_TIME;
        }
        if (!now.isBefore(LondonTime.startOf(due.plusDays(1)))) {
            return OpenStatus.OVERDUE;
        }
        if (calendar.covers(due) && calendar.isWorkingDay(due)
                && !now.isBefore(LondonTime.startOf(calendar.minusWorkingDays(due, dueSoonWorkingDays)))) {
            return OpenStatus.DUE_SOON;
        }
        return OpenStatus.ON_TIME;
    }

    /** What the complaint contributes to the stage-duration statistics and headline measures. */
    public io.complaintmonitor.domain.stats.ComplaintFigures figuresOf(ComplaintState state) {
        return FiguresOf.of(this, state);
    }

    /**
     * Whether what an alert of {@code type} warned about still stands: an acknowledgement alert
     * until the stage is acknowledged (or answered), any other until the stage is answered; every
     * alert ends when the stage's clock stops (closure, refusal, withdrawal).
     */
    public boolean stillOpen(ComplaintState state, int stage, AlertType type) {
        StageFacts facts = state.stage(stage);
        if (stoppedAt(state, stage) != null) {
            return false;
        }
        boolean acknowledgement = type == AlertType.ACKNOWLEDGEMENT_DUE_SOON || type == AlertType.ACKNOWLEDGEMENT_OVERDUE;
        return acknowledgement ? facts.effectiveAcknowledgedAt() == null : facts.respondedAt() == null;
    }

    /** The audit's per-stage counts for one complaint; add them up with {@link ComplianceSummary#plus}. */
    public ComplianceSummary summaryOf(ComplaintState state) {
        return ComplianceSummary.EMPTY.plus(outcomesOf(state));
    }

    /**
     * The instant from which a stage's clocks are stopped, or null: REFUSED and WITHDRAWN stop every
     * clock for good; CLOSED stops the clocks of the stages running at that instant (only the
     * named stage when the closure names one), but not a stage that starts after it.
     */
    static Instant stoppedAt(ComplaintState state, int stage) {
        Instant stop = TimedValue.earliest(state.refusedAt(), state.withdrawnAt());
        StageFacts facts = state.stage(stage);
        if (!facts.started()) {
            return stop;
        }
        for (ComplaintState.Closure closure : state.closures()) {
            boolean closesStage = closure.stage() == null || closure.stage() == stage;
            if (closesStage && !closure.at().isBefore(facts.startedAt())) {
                return TimedValue.earliest(stop, closure.at());
            }
        }
        return stop;
    }

    StageClock clock(ComplaintState state, int stage) {
        return new StageClock(stage, state.stage(stage), stoppedAt(state, stage), calendar, dueSoonWorkingDays);
    }

    private List<Deadline> checks(ComplaintState state, Instant horizon) {
        List<Deadline> out = new ArrayList<>();
        Predicate<Deadline> raised = d -> isRaised(state, d);
        for (int stage = 1; stage <= 2; stage++) {
            if (state.stage(stage).started()) {
                clock(state, stage).checks(raised, horizon, out);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * What is pending once {@code newlyRaised} are raised: from the checks already worked out when
     * none was (most events and judgings), since then the state they came from is unchanged.
     */
    private List<Deadline> pendingAfter(ComplaintState raised, List<Deadline> checks, List<Deadline> newlyRaised,
            Instant horizon) {
        return newlyRaised.isEmpty() ? pendingOf(raised, checks) : pending(raised, horizon);
    }

    /** Timed checks not yet raised; immediate ones are raised by apply, never scheduled. */
    private List<Deadline> pending(ComplaintState state, Instant horizon) {
        return pendingOf(state, checks(state, horizon));
    }

    private static List<Deadline> pendingOf(ComplaintState state, List<Deadline> checks) {
        List<Deadline> pending = new ArrayList<>(checks.size());
        for (Deadline d : checks) {
            // A handful of checks: a list's contains keeps them distinct, in order, without a set.
            if (!d.type().isImmediate() && !isRaised(state, d) && !pending.contains(d)) {
                pending.add(d);
            }
        }
        return Collections.unmodifiableList(pending);
    }

    /** The checks {@code which} selects that are not raised yet, in order; most events select none. */
    private static List<Deadline> unraised(ComplaintState state, List<Deadline> checks, Predicate<Deadline> which) {
        List<Deadline> out = null;
        for (Deadline d : checks) {
            if (which.test(d) && !isRaised(state, d)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(d);
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    private static boolean isRaised(ComplaintState state, Deadline d) {
        if (d.type() == AlertType.DEFINITION_MISSING) {
            // Once per stage: a receipt arriving late changes this alert's due date, not the fact.
            return state.raised().stream().anyMatch(r -> r.stage() == d.stage() && r.type() == d.type());
        }
        return state.hasRaised(new ComplaintState.RaisedAlert(d.stage(), d.type(), d.dueDate()));
    }

    private static ComplaintState withRaised(ComplaintState state, List<Deadline> deadlines) {
        if (deadlines.isEmpty()) {
            return state;
        }
        List<ComplaintState.RaisedAlert> raised = new ArrayList<>(state.raised());
        for (Deadline d : deadlines) {
            ComplaintState.RaisedAlert r = new ComplaintState.RaisedAlert(d.stage(), d.type(), d.dueDate());
            if (!raised.contains(r)) {
                raised.add(r);
            }
        }
        return new ComplaintState(state.landlordId(), state.complaintRef(), state.firstSeenAt(), state.category(),
                state.categoryAt(), state.reasonableAdjustments(), state.handlingTeams(), state.stage1(),
                state.stage2(), state.refusedAt(), state.refusalReason(), state.withdrawnAt(), state.closures(),
                state.ombudsmanReferredAt(), state.ombudsmanDeterminedAt(), raised, state.seenEventIds());
    }

    /**
     * Labels are those known at the alert's instant, so a replay labels alerts as live running
     * did: a timed alert sees the events before its instant (as its judgement does), an immediate
     * one also the event that caused it.
     */
    private static List<Alert> alertsFor(ComplaintState state, List<Deadline> deadlines) {
        return deadlines.stream()
                .distinct()
                .map(d -> alertFor(state, d, d.type().isImmediate()))
                .toList();
    }

    private static Alert alertFor(ComplaintState state, Deadline d, boolean inclusive) {
        return new Alert(
                Alert.idOf(state.landlordId(), state.complaintRef(), d.stage(), d.type(), d.dueDate()),
                d.type(),
                state.landlordId(),
                state.complaintRef(),
                d.stage(),
                d.dueDate(),
                d.at(),
                state.categoryKnownAt(d.at(), inclusive),
                state.stage(d.stage()).contractorAt(d.at(), inclusive),
                state.handlingTeamAt(d.at(), inclusive));
    }
}
