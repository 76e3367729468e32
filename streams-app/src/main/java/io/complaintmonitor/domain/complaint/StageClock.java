package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The Code's timescales for one stage, worked out from the stage's facts.
 *
 * <p>Every judgement "at instant a" looks only at facts strictly before a: the due date in
 * force at a, whether the acknowledgement or response had happened, whether the clock had
 * stopped. That one convention gives the ordering rules (an event at exactly an alert's
 * instant does not prevent it; a due-soon instant before the event that set its due date raises
 * nothing; a replaced due date keeps the alerts it already raised) and makes the result the
 * same whatever order the events arrived in.
 */
final class StageClock {

    /** Code 6.2 (stage 1) and 6.11 (stage 2). */
    static final int ACKNOWLEDGEMENT_WORKING_DAYS = 5;
    /** A base date not worked out yet: a date no complaint has, compared by identity. */
    private static final LocalDate UNKNOWN = LocalDate.MIN;

    private final int stage;
    private final StageFacts facts;
    private final Instant stoppedAt;
    private final WorkingDayCalendar calendar;
    private final int dueSoonWorkingDays;
    /**
     * The three dates every other is counted from, each a function of the facts alone, worked out
     * at first use: the checks and the figures ask for them again for every instant they judge at
     * (responseDue(at) for each deadline of each date ever in force). {@link #UNKNOWN} until then.
     */
    private LocalDate fromTrigger = UNKNOWN;
    private LocalDate responseFromAcknowledgement = UNKNOWN;
    private LocalDate responseFromAcknowledgementDue = UNKNOWN;

    StageClock(int stage, StageFacts facts, Instant stoppedAt, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        this.stage = stage;
        this.facts = facts;
        this.stoppedAt = stoppedAt;
        this.calendar = calendar;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** Code 6.3: 10 working days at stage 1; Code 6.14: 20 at stage 2. */
    int responseWorkingDays() {
        return stage == 1 ? 10 : 20;
    }

    /** Code 6.4: an extension of at most 10 working days at stage 1; Code 6.15: 20 at stage 2. */
    int extensionLimitWorkingDays() {
        return stage == 1 ? 10 : 20;
    }

    /** Last day for the acknowledgement; null when the receipt or escalation request was never seen. */
    LocalDate acknowledgementDue() {
        return acknowledgementDue(null);
    }

    /** As known from the facts strictly before {@code at} (null: all facts). */
    private LocalDate acknowledgementDue(Instant at) {
        Instant trigger = facts.triggeredAt();
        if (trigger == null || (at != null && !trigger.isBefore(at))) {
            return null;
        }
        if (fromTrigger == UNKNOWN) {
            fromTrigger = calendar.addWorkingDays(date(trigger), ACKNOWLEDGEMENT_WORKING_DAYS);
        }
        return fromTrigger;
    }

    /**
     * The response due date in force at {@code at} (facts strictly before it; null: all facts),
     * as told to the resident; null when nothing it could be counted from is known.
     */
    LocalDate responseDue(Instant at) {
        LocalDate extended = extendedDue(at);
        return extended != null ? extended : dueWithoutExtension(at);
    }

    /**
     * The response due date for the within-timescale figures: as {@link #responseDue}, but an
     * extension counts only up to the Code's limit.
     */
    LocalDate responseDueForFigures(Instant at) {
        LocalDate extended = extendedDue(at);
        if (extended == null) {
            return dueWithoutExtension(at);
        }
        LocalDate reference = dueBeforeAnyExtension();
        if (reference != null && exceedsLimit(reference, extended)) {
            return calendar.addWorkingDays(reference, extensionLimitWorkingDays());
        }
        return extended;
    }

    /** The Code's timescale with no extension counted (facts strictly before {@code at}): CH02's strict reading. */
    LocalDate responseDueWithoutExtension(Instant at) {
        return dueWithoutExtension(at);
    }

    /** Every check of this stage that would raise an alert if nothing else happened. */
    void checks(Predicate<Deadline> isRaised, Instant horizon, List<Deadline> out) {
        acknowledgementChecks(out);
        responseChecks(out);
        definitionCheck(out);
        extensionChecks(out);
        residentUpdateChecks(isRaised, horizon, out);
    }

    private void acknowledgementChecks(List<Deadline> out) {
        LocalDate due = acknowledgementDue();
        if (due == null) {
            return;
        }
        Instant acknowledged = facts.effectiveAcknowledgedAt();
        for (Deadline d : timed(due, AlertType.ACKNOWLEDGEMENT_DUE_SOON, AlertType.ACKNOWLEDGEMENT_OVERDUE)) {
            boolean dueSetBefore = facts.triggeredAt().isBefore(d.at());
            if (dueSetBefore && !happenedBefore(acknowledged, d.at()) && !stoppedBefore(d.at())) {
                out.add(d);
            }
        }
    }

    private void responseChecks(List<Deadline> out) {
        // Every date that is ever in force is one of these; responseDue(at) says which one is at each instant.
        TreeSet<LocalDate> dues = new TreeSet<>();
        LocalDate acknowledgementDue = acknowledgementDue();
        if (acknowledgementDue != null) {
            dues.add(responseFromAcknowledgementDue(acknowledgementDue));
        }
        if (facts.acknowledgedAt() != null) {
            dues.add(responseFromAcknowledgement());
        }
        facts.extensions().forEach(e -> dues.add(e.newDueDate()));
        for (LocalDate due : dues) {
            for (Deadline d : timed(due, AlertType.RESPONSE_DUE_SOON, AlertType.RESPONSE_OVERDUE)) {
                if (due.equals(responseDue(d.at())) && !happenedBefore(facts.respondedAt(), d.at())
                        && !stoppedBefore(d.at())) {
                    out.add(d);
                }
            }
        }
    }

    private void definitionCheck(List<Deadline> out) {
        Instant acknowledged = facts.acknowledgedAt();
        if (acknowledged == null || facts.definitionRecorded() || stoppedBefore(acknowledged)) {
            return;
        }
        LocalDate due = acknowledgementDue(acknowledged);
        out.add(new Deadline(acknowledged, AlertType.DEFINITION_MISSING, stage, due != null ? due : date(acknowledged)));
    }

    private void extensionChecks(List<Deadline> out) {
        LocalDate reference = dueBeforeAnyExtension();
        if (reference == null) {
            return;
        }
        for (StageFacts.Extension e : facts.extensions()) {
            if (exceedsLimit(reference, e.newDueDate()) && !stoppedBefore(e.agreedAt())) {
                out.add(new Deadline(e.agreedAt(), AlertType.EXTENSION_EXCEEDS_LIMIT, stage, e.newDueDate()));
            }
        }
    }

    /**
     * Code 5.9: from the first extension stating an interval k, each contact restarts a k-day
     * window; a window that ends without contact is one alert, and the next window runs from its
     * last allowed day. Walks the windows in time order and stops at the first one not yet
     * raised that ends after {@code horizon}: later windows depend on contacts not yet known.
     */
    private void residentUpdateChecks(Predicate<Deadline> isRaised, Instant horizon, List<Deadline> out) {
        StageFacts.Extension first = facts.extensions().stream()
                .filter(e -> e.updateIntervalWorkingDays() != null)
                .findFirst()
                .orElse(null);
        if (first == null) {
            return;
        }
        int interval = first.updateIntervalWorkingDays();
        LocalDate lastContact = date(first.agreedAt());
        List<Instant> contacts = facts.contacts();
        int next = 0;
        while (next < contacts.size() && !contacts.get(next).isAfter(first.agreedAt())) {
            next++;
        }
        while (true) {
            LocalDate lastAllowed = calendar.addWorkingDays(lastContact, interval);
            Instant at = overdueAt(lastAllowed);
            if (next < contacts.size() && contacts.get(next).isBefore(at)) {
                Instant contact = contacts.get(next++);
                lastContact = date(contact);
                interval = intervalAgreedAt(contact, interval);
                continue;
            }
            if (happenedBefore(facts.respondedAt(), at) || stoppedBefore(at)) {
                return;
            }
            Deadline missed = new Deadline(at, AlertType.RESIDENT_UPDATE_OVERDUE, stage, lastAllowed);
            out.add(missed);
            if (at.isAfter(horizon) && !isRaised.test(missed)) {
                return;
            }
            lastContact = lastAllowed;
        }
    }

    /** A later extension may agree a new interval; it holds from that contact on. */
    private int intervalAgreedAt(Instant contact, int current) {
        int interval = current;
        for (StageFacts.Extension e : facts.extensions()) {
            if (e.agreedAt().equals(contact) && e.updateIntervalWorkingDays() != null) {
                interval = e.updateIntervalWorkingDays();
            }
        }
        return interval;
    }

    /**
     * The newDueDate of the last extension that moved the due date before {@code at}, or null.
     * An extension agreed after the due date in force had passed moves nothing: the Code expects
     * the extension to be set out within the timescale.
     */
    private LocalDate extendedDue(Instant at) {
        LocalDate extended = null;
        for (StageFacts.Extension e : facts.extensions()) {
            if (at != null && !e.agreedAt().isBefore(at)) {
                break;
            }
            LocalDate inForce = extended != null ? extended : dueWithoutExtension(e.agreedAt());
            if (inForce == null || !date(e.agreedAt()).isAfter(inForce)) {
                extended = e.newDueDate();
            }
        }
        return extended;
    }

    /** Counted from the acknowledgement, or while there is none, from the acknowledgement due date. */
    private LocalDate dueWithoutExtension(Instant at) {
        Instant acknowledged = facts.acknowledgedAt();
        if (acknowledged != null && (at == null || acknowledged.isBefore(at))) {
            return responseFromAcknowledgement();
        }
        LocalDate acknowledgementDue = acknowledgementDue(at);
        return acknowledgementDue == null ? null : responseFromAcknowledgementDue(acknowledgementDue);
    }

    /** The response timescale counted from the acknowledgement, which the facts have. */
    private LocalDate responseFromAcknowledgement() {
        if (responseFromAcknowledgement == UNKNOWN) {
            responseFromAcknowledgement = calendar.addWorkingDays(date(facts.acknowledgedAt()), responseWorkingDays());
        }
        return responseFromAcknowledgement;
    }

    /** The response timescale counted from {@code acknowledgementDue}, the only one this stage has. */
    private LocalDate responseFromAcknowledgementDue(LocalDate acknowledgementDue) {
        if (responseFromAcknowledgementDue == UNKNOWN) {
            responseFromAcknowledgementDue = calendar.addWorkingDays(acknowledgementDue, responseWorkingDays());
        }
        return responseFromAcknowledgementDue;
    }

    /** The limit is measured from the due date before the first extension, for every later one too. */
    LocalDate dueBeforeAnyExtension() {
        List<StageFacts.Extension> extensions = facts.extensions();
        return extensions.isEmpty() ? null : dueWithoutExtension(extensions.get(0).agreedAt());
    }

    private boolean exceedsLimit(LocalDate reference, LocalDate newDueDate) {
        return calendar.workingDaysBetween(reference, newDueDate) > extensionLimitWorkingDays();
    }

    /** The due-soon and overdue checks for {@code due}. */
    private List<Deadline> timed(LocalDate due, AlertType dueSoon, AlertType overdue) {
        Instant soonAt = dueSoonAt(due);
        Deadline late = new Deadline(overdueAt(due), overdue, stage, due);
        return soonAt == null ? List.of(late) : List.of(new Deadline(soonAt, dueSoon, stage, due), late);
    }

    /**
     * 00:00 London on the working day w with addWorkingDays(w, N) = due; none when due is not a
     * working day (an extension to a weekend date), since addWorkingDays only lands on working days.
     */
    private Instant dueSoonAt(LocalDate due) {
        if (!calendar.isWorkingDay(due)) {
            return null;
        }
        return LondonTime.startOf(calendar.minusWorkingDays(due, dueSoonWorkingDays));
    }

    /** 00:00 London on the day after the last allowed day. */
    static Instant overdueAt(LocalDate lastAllowedDay) {
        return LondonTime.startOf(lastAllowedDay.plusDays(1));
    }

    private boolean stoppedBefore(Instant at) {
        return happenedBefore(stoppedAt, at);
    }

    private static boolean happenedBefore(Instant event, Instant at) {
        return event != null && event.isBefore(at);
    }

    private static LocalDate date(Instant instant) {
        return LondonTime.dateOf(instant);
    }
}
