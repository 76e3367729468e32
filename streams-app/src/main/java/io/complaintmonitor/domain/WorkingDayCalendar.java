package io.complaintmonitor.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Working days as the Complaint Handling Code counts them: Monday to Friday, except the bank
 * holidays of one gov.uk division. Arithmetic is O(1): weekdays are counted by formula and
 * holidays read from a table of the covered years by day (by binary search outside it, or for a
 * calendar of more than {@value #MAX_TABLED_YEARS} years), never by walking day by day.
 *
 * <p>The calendar knows which years its holiday list covers and refuses to answer outside them,
 * because silently assuming "no holidays" would move due dates without anyone noticing.
 */
public final class WorkingDayCalendar {

    /** Monday 5 January 1970: weekday numbering starts here. */
    private static final long MONDAY_EPOCH_DAY = LocalDate.of(1970, 1, 5).toEpochDay();

    /** Most years a calendar keeps a table of holidays by day for (see {@link #holidaysUpTo}). */
    static final int MAX_TABLED_YEARS = 400;
    /** Days of the table either side of the covered years: the working-day guesses step a little past them. */
    private static final int TABLE_MARGIN_DAYS = 31;

    private final String division;
    private final long[] weekdayHolidays;
    private final int firstYear;
    private final int lastYear;
    /** Weekday holidays on or before each day from {@link #tableFirstDay}; empty past MAX_TABLED_YEARS. */
    private final int[] holidaysByDay;
    private final long tableFirstDay;

    private WorkingDayCalendar(String division, long[] weekdayHolidays, int firstYear, int lastYear) {
        this.division = division;
        this.weekdayHolidays = weekdayHolidays;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        boolean tabled = (long) lastYear - firstYear < MAX_TABLED_YEARS;
        this.tableFirstDay = tabled ? LocalDate.of(firstYear, 1, 1).toEpochDay() - TABLE_MARGIN_DAYS : 0;
        this.holidaysByDay = tabled
                ? new int[(int) (LocalDate.of(lastYear, 12, 31).toEpochDay() + TABLE_MARGIN_DAYS - tableFirstDay + 1)]
                : new int[0];
        for (int d = 0; d < holidaysByDay.length; d++) {
            holidaysByDay[d] = (int) searchHolidaysUpTo(tableFirstDay + d);
        }
    }

    /**
     * A calendar for {@code division} with these bank holidays, answering for dates in
     * {@code firstYear}..{@code lastYear} inclusive.
     */
    public static WorkingDayCalendar of(String division, Collection<LocalDate> bankHolidays, int firstYear,
            int lastYear) {
        Objects.requireNonNull(division, "division");
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("calendar years are reversed: " + firstYear + " > " + lastYear);
        }
        long[] days = bankHolidays.stream()
                .filter(d -> !isWeekend(d))
                .mapToLong(LocalDate::toEpochDay)
                .distinct()
                .sorted()
                .toArray();
        return new WorkingDayCalendar(division, days, firstYear, lastYear);
    }

    public String division() {
        return division;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        long day = date.toEpochDay();
        return !isWeekend(date) && holidaysUpTo(day) == holidaysUpTo(day - 1);
    }

    /**
     * The n-th working day strictly after {@code date} (the trigger date is day 0): received on
     * Friday 19 December 2025, five working days later is Tuesday 30 December 2025. With n = 0 the
     * date itself.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + n);
        }
        requireCovered(date);
        if (n == 0) {
            return date;
        }
        LocalDate result = dateAtWorkingIndex(workingIndex(date) + n);
        requireCovered(result);
        return result;
    }

    /**
     * The n-th working day strictly before {@code date}; for a working day d,
     * {@code addWorkingDays(minusWorkingDays(d, n), n) == d}.
     */
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to subtract must not be negative: " + n);
        }
        requireCovered(date);
        if (n == 0) {
            return date;
        }
        long index = workingIndex(date) - n;
        if (!isWorkingDay(date)) {
            // A non-working day shares its index with the working day before it.
            index += 1;
        }
        LocalDate result = dateAtWorkingIndex(index);
        requireCovered(result);
        return result;
    }

    /**
     * The number of working days in (a, b]; negative when b is before a. A complaint acknowledged
     * on the fifth working day after receipt took {@code workingDaysBetween(received, ack) == 5}.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        requireCovered(a);
        requireCovered(b);
        return Math.toIntExact(workingIndex(b) - workingIndex(a));
    }

    /** Working days from the epoch up to and including {@code date}. */
    private long workingIndex(LocalDate date) {
        long day = date.toEpochDay();
        return weekdaysUpTo(day) - holidaysUpTo(day);
    }

    /** The working day whose working index is {@code index}. */
    private LocalDate dateAtWorkingIndex(long index) {
        // Guess ignoring holidays, then push forward by the holidays the guess stepped over;
        // converges in a few rounds because each round only adds the holidays newly covered.
        long holidays = 0;
        while (true) {
            long day = dayOfWeekdayIndex(index + holidays);
            long covered = holidaysUpTo(day);
            if (covered == holidays) {
                return LocalDate.ofEpochDay(day);
            }
            holidays = covered;
        }
    }

    private static long weekdaysUpTo(long epochDay) {
        long sinceMonday = epochDay - MONDAY_EPOCH_DAY;
        long weeks = Math.floorDiv(sinceMonday, 7);
        long dayOfWeek = Math.floorMod(sinceMonday, 7);
        return weeks * 5 + Math.min(dayOfWeek + 1, 5);
    }

    /** The weekday with {@code weekdaysUpTo(day) == index}. */
    private static long dayOfWeekdayIndex(long index) {
        long zeroBased = index - 1;
        return MONDAY_EPOCH_DAY + Math.floorDiv(zeroBased, 5) * 7 + Math.floorMod(zeroBased, 5);
    }

    /**
     * Weekday holidays on or before {@code epochDay}: read from the table (every date the clocks
     * ask about is in it, and they ask dozens of times per event), searched for outside it.
     */
    private long holidaysUpTo(long epochDay) {
        long d = epochDay - tableFirstDay;
        return d >= 0 && d < holidaysByDay.length ? holidaysByDay[(int) d] : searchHolidaysUpTo(epochDay);
    }

    private long searchHolidaysUpTo(long epochDay) {
        int at = Arrays.binarySearch(weekdayHolidays, epochDay);
        return at >= 0 ? at + 1 : -(at + 1);
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new CalendarCoverageException(date, division, firstYear, lastYear);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
