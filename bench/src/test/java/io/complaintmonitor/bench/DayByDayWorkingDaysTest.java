package io.complaintmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The baseline is only a fair comparison if it gives the calendar's answers. */
class DayByDayWorkingDaysTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayBenchmark.CALENDAR;
    private static final DayByDayWorkingDays DAY_BY_DAY = DayByDayWorkingDays.sameHolidaysAs(CALENDAR);

    @Test
    void shouldKnowEveryWeekdayBankHolidayOfTheBundledCalendarWhenReadThroughItsPublicApi() {
        // 8 a year for 2018 to 2027 (one on a weekend is moved to a weekday), plus 2022's
        // Platinum Jubilee and state funeral and 2023's coronation.
        assertThat(DAY_BY_DAY.holidayCount()).isEqualTo(10 * 8 + 3);
    }

    @Test
    void shouldAddWorkingDaysAsTheCalendarDoesFromEveryStartTheBenchmarkUses() {
        for (LocalDate start : WorkingDayBenchmark.startDates(new Random(1))) {
            for (int n : new int[] {0, 1, 5, 20, 250}) {
                assertThat(DAY_BY_DAY.addWorkingDays(start, n))
                        .as("%s + %d working days", start, n)
                        .isEqualTo(CALENDAR.addWorkingDays(start, n));
            }
        }
    }

    @Test
    void shouldCountWorkingDaysBetweenAsTheCalendarDoesForEverySpanTheBenchmarkUses() {
        for (WorkingDayBenchmark.Span span : WorkingDayBenchmark.Span.values()) {
            for (LocalDate from : WorkingDayBenchmark.spanStarts(new Random(2), span)) {
                LocalDate to = from.plus(span.period);
                assertThat(DAY_BY_DAY.workingDaysBetween(from, to))
                        .as("(%s, %s]", from, to)
                        .isEqualTo(CALENDAR.workingDaysBetween(from, to));
                assertThat(DAY_BY_DAY.workingDaysBetween(to, from))
                        .as("(%s, %s]", to, from)
                        .isEqualTo(CALENDAR.workingDaysBetween(to, from));
            }
        }
    }
}
