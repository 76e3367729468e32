package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@link ComplaintRules} the way the processor will: before each event, time advances
 * to the event's instant; then the event is applied. Times are written as London wall-clock
 * ("2025-12-19 10:00"), so tests read like the dates a housing officer would see.
 */
final class Scenario {

    static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    static final String LANDLORD = "landlord-1";
    static final String REF = "CMP-1";

    final ComplaintRules rules;
    ComplaintState state;
    final List<Alert> alerts = new ArrayList<>();
    List<Deadline> deadlines = List.of();
    private int nextId = 1;

    Scenario() {
        this(ComplaintRules.DEFAULT_DUE_SOON_WORKING_DAYS);
    }

    Scenario(int dueSoonWorkingDays) {
        rules = new ComplaintRules(CALENDAR, dueSoonWorkingDays);
    }

    /** A London wall-clock time, "yyyy-MM-dd HH:mm". */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(LondonTime.ZONE).toInstant();
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** Advances to the event's instant, then applies it. */
    Scenario on(ComplaintEvent event) {
        if (state != null) {
            advanceTo(event.occurredAt());
        }
        Transition t = rules.apply(state, event);
        state = t.state();
        alerts.addAll(t.alerts());
        deadlines = t.deadlines();
        return this;
    }

    Scenario advanceTo(Instant now) {
        Transition t = rules.advanceTo(state, now);
        state = t.state();
        alerts.addAll(t.alerts());
        deadlines = t.deadlines();
        return this;
    }

    Scenario advanceTo(String londonTime) {
        return advanceTo(london(londonTime));
    }

    List<Alert> alerts(AlertType type) {
        return alerts.stream().filter(a -> a.type() == type).toList();
    }

    List<Alert> alerts(AlertType type, int stage) {
        return alerts.stream().filter(a -> a.type() == type && a.stage() == stage).toList();
    }

    StageOutcome outcome(int stage) {
        return rules.outcomesOf(state).stream().filter(o -> o.stage() == stage).findFirst().orElseThrow();
    }

    // Event shorthands; each gets a fresh CRM eventId unless built by hand.

    ComplaintEvent.Builder crm(EventType type, String at) {
        return event(Source.CRM, type, at);
    }

    ComplaintEvent.Builder event(Source source, EventType type, String at) {
        return ComplaintEvent.builder(source, "e" + nextId++, type)
                .landlordId(LANDLORD)
                .complaintRef(REF)
                .occurredAt(london(at));
    }

    Scenario received(String at) {
        return on(crm(EventType.RECEIVED, at).category("REPAIRS").handlingTeam("housing-north").build());
    }

    Scenario escalated(String at) {
        return on(crm(EventType.ESCALATION_REQUESTED, at).build());
    }

    Scenario acknowledged(int stage, String at) {
        return on(crm(EventType.ACKNOWLEDGED, at).stage(stage).definitionRecorded(true).build());
    }

    Scenario responded(int stage, String at) {
        return on(crm(EventType.RESPONSE_ISSUED, at).stage(stage).outcome("UPHELD").build());
    }

    Scenario extended(int stage, String at, String newDueDate) {
        return extended(stage, at, newDueDate, null);
    }

    Scenario extended(int stage, String at, String newDueDate, Integer updateIntervalWorkingDays) {
        return on(crm(EventType.EXTENSION_AGREED, at).stage(stage).newDueDate(date(newDueDate))
                .extensionReason("AWAITING_SURVEY").updateIntervalWorkingDays(updateIntervalWorkingDays).build());
    }

    Scenario updated(int stage, String at) {
        return on(crm(EventType.RESIDENT_UPDATED, at).stage(stage).build());
    }

    Scenario refused(String at) {
        return on(crm(EventType.REFUSED, at).refusalReason("OUT_OF_TIME").build());
    }

    Scenario withdrawn(String at) {
        return on(crm(EventType.WITHDRAWN, at).build());
    }

    Scenario closed(String at) {
        return on(crm(EventType.CLOSED, at).build());
    }
}
