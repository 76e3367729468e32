package io.complaintmonitor.domain;

import java.time.LocalDate;

/** A working-day sum reached a year whose bank holidays the calendar does not know. */
public final class CalendarCoverageException extends IllegalArgumentException {

    private final LocalDate date;

    public CalendarCoverageException(LocalDate date, String division, int firstYear, int lastYear) {
        super("the working-day calendar (" + division + ") covers " + firstYear + " to " + lastYear
                + " but " + date + " is outside it: give a calendar that covers " + date.getYear()
                + " with --calendar FILE (gov.uk bank-holidays.json format)");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
