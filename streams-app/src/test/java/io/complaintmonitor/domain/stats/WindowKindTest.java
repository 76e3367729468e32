package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calendar windows: their bounds, labels (financial quarters and years from 1 April, ISO weeks) and parsing. */
class WindowKindTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ReportingWindow window(WindowKind kind, String start, String end) {
        return new ReportingWindow(kind, d(start), d(end));
    }

    @Test
    void shouldGiveEachKindItsWindowAndLabelWhenGivenADateInside() {
        // Wednesday 2 April 2025. 1 January 2025 is a Wednesday, so ISO week 1 of 2025 starts
        // Monday 30 December 2024 and Monday 31 March 2025 (13 weeks later) starts week 14.
        LocalDate date = d("2025-04-02");

        ReportingWindow day = WindowKind.DAY.windowOf(date);
        ReportingWindow week = WindowKind.WEEK.windowOf(date);
        ReportingWindow month = WindowKind.MONTH.windowOf(date);
        ReportingWindow quarter = WindowKind.QUARTER.windowOf(date);
        ReportingWindow year = WindowKind.YEAR.windowOf(date);

        assertThat(day).isEqualTo(window(WindowKind.DAY, "2025-04-02", "2025-04-03"));
        assertThat(day.label()).isEqualTo("2025-04-02");
        assertThat(week).isEqualTo(window(WindowKind.WEEK, "2025-03-31", "2025-04-07"));
        assertThat(week.label()).isEqualTo("2025-W14");
        assertThat(month).isEqualTo(window(WindowKind.MONTH, "2025-04-01", "2025-05-01"));
        assertThat(month.label()).isEqualTo("2025-04");
        assertThat(quarter).isEqualTo(window(WindowKind.QUARTER, "2025-04-01", "2025-07-01"));
        assertThat(quarter.label()).isEqualTo("FY2025-Q1");
        assertThat(year).isEqualTo(window(WindowKind.YEAR, "2025-04-01", "2026-04-01"));
        assertThat(year.label()).isEqualTo("FY2025");
        assertThat(week.toString()).isEqualTo("week 2025-W14");
    }

    @Test
    void shouldEndFinancialYearOnThirtyFirstMarchWhenQuarterCrossesIntoApril() {
        // 31 March 2026 is the last day of FY2025 (April 2025 to March 2026), in its Q4 (Jan-Mar);
        // 1 April 2026 is the first day of FY2026-Q1.
        ReportingWindow q4 = WindowKind.QUARTER.windowOf(d("2026-03-31"));
        ReportingWindow q1 = WindowKind.QUARTER.windowOf(d("2026-04-01"));

        assertThat(q4).isEqualTo(window(WindowKind.QUARTER, "2026-01-01", "2026-04-01"));
        assertThat(q4.label()).isEqualTo("FY2025-Q4");
        assertThat(q1).isEqualTo(window(WindowKind.QUARTER, "2026-04-01", "2026-07-01"));
        assertThat(q1.label()).isEqualTo("FY2026-Q1");
        assertThat(q4.next()).isEqualTo(q1);
        assertThat(q1.previous()).isEqualTo(q4);

        assertThat(WindowKind.YEAR.windowOf(d("2026-03-31")).label()).isEqualTo("FY2025");
        assertThat(WindowKind.YEAR.windowOf(d("2026-04-01")).label()).isEqualTo("FY2026");
        assertThat(WindowKind.financialYear(d("2026-03-31"))).isEqualTo(2025);
        assertThat(WindowKind.financialYear(d("2026-04-01"))).isEqualTo(2026);
    }

    @Test
    void shouldNumberFinancialQuartersFromAprilWhenDateIsInAnyMonth() {
        // Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec of the calendar year the FY starts in; Q4 Jan-Mar of the next.
        assertThat(WindowKind.QUARTER.windowOf(d("2025-06-30")).label()).isEqualTo("FY2025-Q1");
        assertThat(WindowKind.QUARTER.windowOf(d("2025-07-01"))).isEqualTo(window(WindowKind.QUARTER, "2025-07-01",
                "2025-10-01"));
        assertThat(WindowKind.QUARTER.windowOf(d("2025-08-15")).label()).isEqualTo("FY2025-Q2");
        assertThat(WindowKind.QUARTER.windowOf(d("2025-12-31"))).isEqualTo(window(WindowKind.QUARTER, "2025-10-01",
                "2026-01-01"));
        assertThat(WindowKind.QUARTER.windowOf(d("2025-12-31")).label()).isEqualTo("FY2025-Q3");
        assertThat(WindowKind.QUARTER.windowOf(d("2026-01-01")).label()).isEqualTo("FY2025-Q4");
        assertThat(WindowKind.QUARTER.windowOf(d("2026-02-28")).label()).isEqualTo("FY2025-Q4");
        // Parsing goes the other way: FY2025-Q4 is January to March 2026.
        assertThat(WindowKind.QUARTER.parse("FY2025-Q4")).isEqualTo(window(WindowKind.QUARTER, "2026-01-01",
                "2026-04-01"));
        assertThat(WindowKind.YEAR.parse("FY2025")).isEqualTo(window(WindowKind.YEAR, "2025-04-01", "2026-04-01"));
    }

    @Test
    void shouldLabelIsoWeekByWeekBasedYearWhenWeekCrossesYearEnd() {
        // 1 January 2026 is a Thursday, so the week Monday 29 December 2025 - Sunday 4 January
        // 2026 is 2026-W01.
        ReportingWindow w = WindowKind.WEEK.windowOf(d("2025-12-29"));
        assertThat(w).isEqualTo(window(WindowKind.WEEK, "2025-12-29", "2026-01-05"));
        assertThat(w.label()).isEqualTo("2026-W01");
        assertThat(WindowKind.WEEK.windowOf(d("2026-01-04"))).isEqualTo(w);
        assertThat(WindowKind.WEEK.parse("2026-W01")).isEqualTo(w);

        // 1 January 2021 is a Friday, so Sunday 3 January 2021 is in 2020's week 53, which starts
        // Monday 28 December 2020 (2020 began on a Wednesday in a leap year: 53 weeks).
        ReportingWindow w53 = WindowKind.WEEK.windowOf(d("2021-01-03"));
        assertThat(w53).isEqualTo(window(WindowKind.WEEK, "2020-12-28", "2021-01-04"));
        assertThat(w53.label()).isEqualTo("2020-W53");
        assertThat(WindowKind.WEEK.parse("2020-W53")).isEqualTo(w53);
        assertThat(w53.next().label()).isEqualTo("2021-W01");
    }

    @Test
    void shouldKeepSevenDatesMondayToSundayWhenWeekContainsAClockChange() {
        // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026: those
        // weeks are 167 and 169 hours long but still Monday to Sunday, 7 dates.
        // Monday 23 March 2026 is 12 weeks after Monday 29 December 2025 (W01): W13.
        ReportingWindow spring = WindowKind.WEEK.windowOf(d("2026-03-29"));
        assertThat(spring).isEqualTo(window(WindowKind.WEEK, "2026-03-23", "2026-03-30"));
        assertThat(spring.label()).isEqualTo("2026-W13");
        assertThat(spring.start().datesUntil(spring.end()).count()).isEqualTo(7);
        assertThat(spring.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

        // Monday 19 October 2026 is 294 days = 42 weeks after 29 December 2025: W43.
        ReportingWindow autumn = WindowKind.WEEK.windowOf(d("2026-10-25"));
        assertThat(autumn).isEqualTo(window(WindowKind.WEEK, "2026-10-19", "2026-10-26"));
        assertThat(autumn.label()).isEqualTo("2026-W43");
        assertThat(autumn.start().datesUntil(autumn.end()).count()).isEqualTo(7);
        assertThat(autumn.contains(d("2026-10-25"))).isTrue();
        assertThat(autumn.contains(d("2026-10-26"))).isFalse();
    }

    @Test
    void shouldParseEveryLabelBackToItsWindowWhenDatesAreDrawnFrom2019To2027() {
        Random random = new Random(20260401L);
        long first = d("2019-01-01").toEpochDay();
        long days = d("2027-12-31").toEpochDay() - first + 1;
        for (int i = 0; i < 2000; i++) {
            LocalDate date = LocalDate.ofEpochDay(first + random.nextInt((int) days));
            for (WindowKind kind : WindowKind.values()) {
                ReportingWindow w = kind.windowOf(date);
                assertThat(w.contains(date)).as("%s contains %s", w, date).isTrue();
                assertThat(kind.parse(w.label())).as("%s parsed back", w).isEqualTo(w);
                // Every date of the window is labelled alike.
                assertThat(kind.windowOf(w.end().minusDays(1))).isEqualTo(w);
                assertThat(kind.windowOf(w.start())).isEqualTo(w);
            }
        }
    }

    @Test
    void shouldTileTheCalendarWhenStepsAreTakenWithNextAndPrevious() {
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            LocalDate date = d("2019-01-01").plusDays(random.nextInt(9 * 365));
            for (WindowKind kind : WindowKind.values()) {
                ReportingWindow w = kind.windowOf(date);
                assertThat(w.next().start()).isEqualTo(w.end());
                assertThat(w.previous().end()).isEqualTo(w.start());
                assertThat(w.next().previous()).isEqualTo(w);
                assertThat(w.previous().next()).isEqualTo(w);
                assertThat(w.next().label()).isNotEqualTo(w.label());
            }
        }
        // Walking a year of weeks from 2025-W01 gives W02..W52 then 2026-W01 (2025 has 52 weeks).
        ReportingWindow w = WindowKind.WEEK.parse("2025-W01");
        for (int i = 2; i <= 52; i++) {
            w = w.next();
            assertThat(w.label()).isEqualTo(String.format("2025-W%02d", i));
        }
        assertThat(w.next().label()).isEqualTo("2026-W01");
    }

    @Test
    void shouldRejectTextNamingTheExpectedFormWhenLabelIsMalformedOrOutOfRange() {
        // Week 60 matches the pattern but no year has it.
        assertThatThrownBy(() -> WindowKind.WEEK.parse("2025-W60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-W60").hasMessageContaining("2025-W14");
        assertThatThrownBy(() -> WindowKind.QUARTER.parse("FY2025-Q5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FY2025-Q5").hasMessageContaining("FY2025-Q1");
        // Month 13 matches the pattern but is not a month.
        assertThatThrownBy(() -> WindowKind.MONTH.parse("2025-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-13").hasMessageContaining("2025-04");
        assertThatThrownBy(() -> WindowKind.DAY.parse("2025-02-30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-04-01");
        assertThatThrownBy(() -> WindowKind.YEAR.parse("2025"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FY2025");
        assertThatThrownBy(() -> WindowKind.WEEK.parse("2025-W1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-W14");
        assertThatThrownBy(() -> WindowKind.MONTH.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-04");
        // 1 January 2025 is a Wednesday in a common year: 2025 has 52 ISO weeks.
        assertThatThrownBy(() -> WindowKind.WEEK.parse("2025-W53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no week 53");
        assertThatThrownBy(() -> WindowKind.ofLabel("fortnight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day, week, month, quarter or year");
    }

    @Test
    void shouldFindKindByLabelWhenLabelIsKnown() {
        for (WindowKind kind : WindowKind.values()) {
            assertThat(WindowKind.ofLabel(kind.label())).isEqualTo(kind);
        }
        assertThat(WindowKind.QUARTER.label()).isEqualTo("quarter");
    }

    @Test
    void shouldRefuseAWindowWhenEndIsNotAfterStart() {
        assertThatThrownBy(() -> window(WindowKind.DAY, "2025-04-01", "2025-04-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be after its start");
    }
}
