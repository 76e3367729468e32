package io.complaintmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");

    @ParameterizedTest(name = "{0}: {1} + {2} working days = {3}")
    @CsvSource({
        // The rules' worked example: received Friday 19 December 2025, acknowledgement due Tuesday 30 December.
        "worked example Christmas 2025,          2025-12-19, 5, 2025-12-30",
        "received Saturday = received Friday,    2025-12-20, 5, 2025-12-30",
        "received Sunday = received Friday,      2025-12-21, 5, 2025-12-30",
        "ordinary week,                          2025-11-03, 5, 2025-11-10",
        "Friday plus one is Monday,              2025-11-07, 1, 2025-11-10",
        // 2021: Christmas and Boxing Day on a weekend, substitutes Mon 27 and Tue 28; New Year Sat -> Mon 3 Jan.
        "Christmas 2021 substitute days,         2021-12-24, 1, 2021-12-29",
        "New Year 2022 substitute day,           2021-12-24, 4, 2022-01-04",
        // 2022: Christmas on Sunday, substitute Tuesday 27; New Year 2023 on Sunday, substitute Monday 2 January.
        "Christmas 2022 substitute Tuesday,      2022-12-23, 1, 2022-12-28",
        "New Year 2023 substitute Monday,        2022-12-30, 1, 2023-01-03",
        // Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        "Easter 2025,                            2025-04-17, 1, 2025-04-22",
        "Easter 2024 (Good Friday 29 March),     2024-03-28, 1, 2024-04-02",
        // 2022: spring bank holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June.
        "Platinum Jubilee 2022,                  2022-06-01, 1, 2022-06-06",
        "Queen's state funeral 2022,             2022-09-16, 1, 2022-09-20",
        "Coronation 2023,                        2023-05-05, 1, 2023-05-09",
        "Early May 2023 then Coronation,         2023-04-28, 6, 2023-05-10",
        "stage 2 twenty working days into Christmas, 2025-12-01, 20, 2025-12-31",
        "zero days is the date itself,           2025-12-25, 0, 2025-12-25",
    })
    void shouldAddWorkingDaysCountingTheTriggerDateAsDayZero(String name, LocalDate from, int n, LocalDate expected) {
        assertThat(CALENDAR.addWorkingDays(from, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        "2025-12-25, false", "2025-12-26, false", "2025-12-27, false", "2025-12-29, true",
        "2022-06-02, false", "2022-06-03, false", "2022-09-19, false", "2023-05-08, false",
        "2021-12-27, false", "2021-12-28, false", "2022-01-03, false", "2022-01-04, true",
        "2026-08-31, false", "2026-09-01, true",
    })
    void shouldKnowBankHolidaysAndWeekends(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void shouldCountWorkingDaysBetweenDatesExcludingTheStartDate() {
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 19), LocalDate.of(2025, 12, 30))).isEqualTo(5);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 19))).isEqualTo(-5);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 28))).isZero();
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 22))).isEqualTo(1);
    }

    @Test
    void shouldSubtractWorkingDaysForDueSoonInstants() {
        // Due Tuesday 30 December 2025: two working days before is Wednesday 24 December (25, 26 are holidays).
        assertThat(CALENDAR.minusWorkingDays(LocalDate.of(2025, 12, 30), 2)).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(CALENDAR.minusWorkingDays(LocalDate.of(2025, 12, 28), 1)).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(CALENDAR.minusWorkingDays(LocalDate.of(2025, 4, 22), 1)).isEqualTo(LocalDate.of(2025, 4, 17));
    }

    @Test
    void shouldRefuseToCountIntoAYearTheCalendarDoesNotCover() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2027, 12, 20), 10))
                .isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("covers 2018 to 2027")
                .hasMessageContaining("2028-01")
                .hasMessageContaining("--calendar");
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2017, 12, 29)))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> CALENDAR.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1)))
                .isInstanceOf(CalendarCoverageException.class);
    }

    @Test
    void shouldRejectNegativeCounts() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2025, 1, 6), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void shouldIgnoreHolidaysThatFallOnWeekendsAndCountSubstituteDaysOnly() {
        WorkingDayCalendar calendar = WorkingDayCalendar.of("test",
                List.of(LocalDate.of(2021, 12, 25), LocalDate.of(2021, 12, 27)), 2021, 2022);
        assertThat(calendar.addWorkingDays(LocalDate.of(2021, 12, 24), 1)).isEqualTo(LocalDate.of(2021, 12, 28));
    }

    @Test
    void shouldAnswerAlikeWhenTheCalendarCoversTooManyYearsForItsTable() {
        // The bundled holidays, once in a calendar of their own years (answered from its table)
        // and once in one of 1700 to 2300 (too long for a table: answered by binary search).
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2018, 1, 1); !d.isAfter(LocalDate.of(2027, 12, 31)); d = d.plusDays(1)) {
            if (!CALENDAR.isWorkingDay(d) && d.getDayOfWeek().getValue() < 6) {
                holidays.add(d);
            }
        }
        WorkingDayCalendar tabled = WorkingDayCalendar.of("tabled", holidays, 2018, 2027);
        WorkingDayCalendar searched = WorkingDayCalendar.of("searched", holidays, 1700, 1700
                + WorkingDayCalendar.MAX_TABLED_YEARS + 200);
        Random random = new Random(20261123L);
        for (int i = 0; i < 20_000; i++) {
            LocalDate a = LocalDate.of(2018, 3, 1).plusDays(random.nextInt(3_400));
            LocalDate b = a.plusDays(random.nextInt(60) - 10);
            int n = random.nextInt(30);
            assertThat(tabled.isWorkingDay(a)).as("%s", a).isEqualTo(searched.isWorkingDay(a));
            assertThat(tabled.addWorkingDays(a, n)).as("%s + %d", a, n).isEqualTo(searched.addWorkingDays(a, n));
            assertThat(tabled.minusWorkingDays(a, n)).as("%s - %d", a, n).isEqualTo(searched.minusWorkingDays(a, n));
            assertThat(tabled.workingDaysBetween(a, b)).as("%s to %s", a, b)
                    .isEqualTo(searched.workingDaysBetween(a, b));
        }
        assertThat(holidays).hasSizeGreaterThan(70);
    }
}
