package io.complaintmonitor.domain.complaint;

import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The input contract of issue 3, checked on the monitor's own event type so that all three
 * sources and both encodings (Avro, JSON) are judged by one implementation. An event with
 * violations must not reach {@link ComplaintRules#apply}: the adapter sends it to the dead-letter
 * topic with the reasons instead.
 */
public final class ComplaintEventValidator {

    private ComplaintEventValidator() {
    }

    /** Every way {@code event} breaks the contract; empty when it is fine. */
    public static List<ContractViolation> validate(ComplaintEvent event) {
        List<ContractViolation> found = new ArrayList<>();
        Source source = event.source();
        if (source == null) {
            found.add(missing("source"));
        }
        if (isBlank(event.eventId())) {
            found.add(missing(idField(source)));
        }
        if (isBlank(event.landlordId())) {
            // The adapter puts the configured default landlord in before validating.
            found.add(missing("landlordId"));
        }
        if (isBlank(event.complaintRef())) {
            found.add(missing("complaintRef"));
        }
        if (event.occurredAt() == null) {
            found.add(missing(source == Source.WEBFORM ? "submittedAt" : "occurredAt"));
        }
        if (source == Source.CONTRACTOR && isBlank(event.contractorId())) {
            found.add(missing("contractorId"));
        }
        Integer stage = event.stage();
        if (stage != null && stage != 1 && stage != 2) {
            found.add(new ContractViolation(ContractViolation.Reason.STAGE_OUT_OF_RANGE, "stage",
                    "stage must be 1 or 2, was " + stage));
        }
        EventType type = event.type();
        if (type == null) {
            found.add(missing(source == Source.WEBFORM ? "formType" : "type"));
            return found;
        }
        if (source != null && !type.isSentBy(source)) {
            found.add(new ContractViolation(ContractViolation.Reason.TYPE_NOT_SENT_BY_SOURCE, "type",
                    type + " is not an event the " + source + " source sends"));
        }
        if (type.requiresStage() && stage == null) {
            found.add(new ContractViolation(ContractViolation.Reason.STAGE_REQUIRED, "stage",
                    "stage (1 or 2) is required on " + type));
        }
        if (type == EventType.EXTENSION_AGREED) {
            checkExtension(event, found);
        }
        Integer interval = event.updateIntervalWorkingDays();
        if (interval != null && interval < 1) {
            found.add(new ContractViolation(ContractViolation.Reason.INTERVAL_NOT_POSITIVE,
                    "updateIntervalWorkingDays", "the update interval must be at least 1 working day, was " + interval));
        }
        Long remedy = event.remedyAmountPence();
        if (remedy != null && remedy < 0) {
            found.add(new ContractViolation(ContractViolation.Reason.NEGATIVE_AMOUNT, "remedyAmountPence",
                    "a remedy cannot be negative, was " + remedy + " pence"));
        }
        return found;
    }

    /**
     * The contract plus what the rules need of the calendar: the event's date and any new due date
     * must lie in the years whose bank holidays it knows.
     */
    public static List<ContractViolation> validate(ComplaintEvent event, WorkingDayCalendar calendar) {
        List<ContractViolation> found = validate(event);
        if (event.occurredAt() != null && !calendar.covers(event.date())) {
            found.add(outsideCalendar("occurredAt", event.date(), calendar));
        }
        if (event.type() == EventType.EXTENSION_AGREED && event.newDueDate() != null
                && !calendar.covers(event.newDueDate())) {
            found.add(outsideCalendar("newDueDate", event.newDueDate(), calendar));
        }
        if (found.isEmpty() && event.occurredAt() != null && startsClocks(event.type())
                && !calendar.covers(event.date().plusDays(CLOCK_HORIZON_DAYS))) {
            // The clocks this event starts (up to 5 + 20 working days, plus an extension) would run
            // into a year whose bank holidays are unknown: refuse now, with the fix, not mid-stream.
            found.add(new ContractViolation(ContractViolation.Reason.OUTSIDE_CALENDAR, "occurredAt",
                    "the clocks started on " + event.date() + " run into " + event.date().plusDays(CLOCK_HORIZON_DAYS)
                            .getYear() + ", beyond the working-day calendar (" + calendar.division() + ", "
                            + calendar.firstYear() + " to " + calendar.lastYear()
                            + "): give a calendar that covers it with --calendar FILE"));
        }
        return found;
    }

    /** Calendar days that cover the longest clock an event starts: 45 working days and their holidays. */
    static final int CLOCK_HORIZON_DAYS = 75;

    private static boolean startsClocks(EventType type) {
        return type == EventType.RECEIVED || type == EventType.ESCALATION_REQUESTED || type == EventType.ACKNOWLEDGED
                || type == EventType.EXTENSION_AGREED || type == EventType.RESIDENT_UPDATED;
    }

    private static void checkExtension(ComplaintEvent event, List<ContractViolation> found) {
        LocalDate newDueDate = event.newDueDate();
        if (newDueDate == null) {
            found.add(missing("newDueDate"));
        } else if (event.occurredAt() != null && newDueDate.isBefore(event.date())) {
            found.add(new ContractViolation(ContractViolation.Reason.DUE_DATE_BEFORE_EVENT, "newDueDate",
                    "newDueDate " + newDueDate + " is before the extension's own date " + event.date()
                            + " (Europe/London)"));
        }
    }

    private static ContractViolation outsideCalendar(String field, LocalDate date, WorkingDayCalendar calendar) {
        return new ContractViolation(ContractViolation.Reason.OUTSIDE_CALENDAR, field,
                date + " is outside the working-day calendar (" + calendar.division() + ", " + calendar.firstYear()
                        + " to " + calendar.lastYear() + ")");
    }

    private static String idField(Source source) {
        if (source == null) {
            return "eventId";
        }
        return switch (source) {
            case CRM -> "eventId";
            case CONTRACTOR -> "updateId";
            case WEBFORM -> "submissionId";
        };
    }

    private static ContractViolation missing(String field) {
        return new ContractViolation(ContractViolation.Reason.MISSING_FIELD, field, field + " is required");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
