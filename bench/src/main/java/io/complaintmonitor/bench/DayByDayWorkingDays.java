package io.complaintmonitor.bench;

import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The obvious working-day arithmetic, walking one day at a time and looking each weekday up in
 * a set of bank holidays. A baseline for {@link WorkingDayBenchmark} only: it shows what
 * {@link WorkingDayCalendar}'s formula-and-binary-search saves. Same answers, same holidays,
 * no coverage checks.
 */
final class DayByDayWorkingDays {

    private final Set<LocalDate> holidays;

    private DayByDayWorkingDays(Set<LocalDate> holidays) {
        this.holidays = holidays;
    }

    /** The weekday bank holidays that {@code calendar} knows, read back through its public API. */
    static DayByDayWorkingDays sameHolidaysAs(WorkingDayCalendar calendar) {
        Set<LocalDate> holidays = new HashSet<>();
        LocalDate end = LocalDate.of(calendar.lastYear() + 1, 1, 1);
        for (LocalDate d = LocalDate.of(calendar.firstYear(), 1, 1); d.isBefore(end); d = d.plusDays(1)) {
            if (!isWeekend(d) && !calendar.isWorkingDay(d)) {
                holidays.add(d);
            }
        }
        return new DayByDayWorkingDays(Set.copyOf(holidays));
    }

    int holidayCount() {
        return holidays.size();
    }

    /** As {@link WorkingDayCalendar#addWorkingDays}: the n-th working day strictly after {@code date}. */
    LocalDate addWorkingDays(LocalDate date, int n) {
        LocalDate d = date;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** As {@link WorkingDayCalendar#workingDaysBetween}: working days in (a, b], negative when b is before a. */
    int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        int counted = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return counted;
    }

    private boolean isWorkingDay(LocalDate date) {
        return !isWeekend(date) && !holidays.contains(date);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
