package io.complaintmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The algebra of working days, checked on 500 seeded random cases against a day-by-day
 * reference over the bundled years. The seed is fixed so a failure names a case that reproduces.
 * (Hand-rolled rather than jqwik: jqwik 1.10 asks AI agents not to use it, and this project is
 * partly written by one; see docs/development.md.)
 */
class WorkingDayCalendarPropertyTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    /** Leaves room before the first date for the working day preceding it. */
    private static final long FIRST = LocalDate.of(2018, 1, 10).toEpochDay();
    /** Leaves room to add 100 working days without leaving the calendar. */
    private static final long LAST = LocalDate.of(2027, 6, 30).toEpochDay();

    static Stream<Arguments> cases() {
        Random random = new Random(20251219L);
        return Stream.generate(() -> Arguments.of(
                        LocalDate.ofEpochDay(FIRST + random.nextInt((int) (LAST - FIRST + 1))),
                        LocalDate.ofEpochDay(FIRST + random.nextInt((int) (LAST - FIRST + 1))),
                        random.nextInt(101),
                        random.nextInt(51)))
                .limit(500);
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("cases")
    void shouldAgreeWithCountingDayByDay(LocalDate date, LocalDate other, int n, int m) {
        LocalDate expected = date;
        for (int counted = 0; counted < n; ) {
            expected = expected.plusDays(1);
            if (isWorkingDayByHand(expected)) {
                counted++;
            }
        }
        assertThat(CALENDAR.addWorkingDays(date, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("cases")
    void shouldAlwaysLandOnAWorkingDayAfterTheDate(LocalDate date, LocalDate other, int n, int m) {
        LocalDate result = CALENDAR.addWorkingDays(date, n + 1);
        assertThat(result).isAfter(date);
        assertThat(result.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(CALENDAR.isWorkingDay(result)).isTrue();
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("cases")
    void shouldBeStrictlyMonotonicInTheNumberOfDays(LocalDate date, LocalDate other, int n, int m) {
        assertThat(CALENDAR.addWorkingDays(date, n + 1)).isAfter(CALENDAR.addWorkingDays(date, n));
    }

    @ParameterizedTest(name = "{0}, {1} + {3}")
    @MethodSource("cases")
    void shouldBeMonotonicInTheStartDate(LocalDate date, LocalDate other, int n, int m) {
        LocalDate earlier = date.isBefore(other) ? date : other;
        LocalDate later = date.isBefore(other) ? other : date;
        assertThat(CALENDAR.addWorkingDays(earlier, m)).isBeforeOrEqualTo(CALENDAR.addWorkingDays(later, m));
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("cases")
    void shouldCountBackWhatItAdded(LocalDate date, LocalDate other, int n, int m) {
        assertThat(CALENDAR.workingDaysBetween(date, CALENDAR.addWorkingDays(date, n))).isEqualTo(n);
    }

    @ParameterizedTest(name = "{0} + {2}")
    @MethodSource("cases")
    void shouldUndoAdditionBySubtraction(LocalDate date, LocalDate other, int n, int m) {
        LocalDate due = CALENDAR.addWorkingDays(date, n + 1);
        LocalDate back = CALENDAR.minusWorkingDays(due, n + 1);
        assertThat(CALENDAR.isWorkingDay(back)).isTrue();
        assertThat(CALENDAR.addWorkingDays(back, n + 1)).isEqualTo(due);
        if (CALENDAR.isWorkingDay(date)) {
            assertThat(back).isEqualTo(date);
        } else {
            assertThat(back).isBefore(date);
            assertThat(CALENDAR.workingDaysBetween(back, date)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldNeverCountWeekendDays(LocalDate date, LocalDate other, int n, int m) {
        LocalDate saturday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        assertThat(CALENDAR.workingDaysBetween(saturday.minusDays(1), saturday.plusDays(1))).isZero();
    }

    @ParameterizedTest(name = "{0} + {2} + {3}")
    @MethodSource("cases")
    void shouldBeAdditiveOverConsecutiveSpans(LocalDate date, LocalDate other, int n, int m) {
        LocalDate middle = CALENDAR.addWorkingDays(date, n / 2);
        LocalDate end = CALENDAR.addWorkingDays(middle, m);
        assertThat(CALENDAR.workingDaysBetween(date, end)).isEqualTo(n / 2 + m);
        assertThat(CALENDAR.workingDaysBetween(end, date)).isEqualTo(-(n / 2 + m));
    }

    private static boolean isWorkingDayByHand(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HolidayList.ENGLAND_AND_WALES.contains(date);
    }
}
