package io.complaintmonitor.bench;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link WorkingDayCalendar} on the bundled England and Wales calendar (2018 to 2027), beside a
 * day-by-day walk over the same holidays. The calendar's cost should stay flat as the distance
 * grows (weekdays by formula, holidays by binary search); the walk's grows with it.
 *
 * <p>Inputs cycle through 1,024 start dates drawn with a fixed seed, weekends and holidays
 * included, so neither the JIT nor the branch predictor sees one date over and over.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkingDayBenchmark {

    static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled(BankHolidayCalendars.ENGLAND_AND_WALES);
    static final int INPUTS = 1024;
    private static final long SEED = 20_251_219L;

    /** The calendar and the day-by-day baseline over its holidays. */
    @State(Scope.Benchmark)
    public static class Calendars {
        WorkingDayCalendar calendar;
        DayByDayWorkingDays dayByDay;

        @Setup
        public void setUp() {
            calendar = CALENDAR;
            dayByDay = DayByDayWorkingDays.sameHolidaysAs(CALENDAR);
        }
    }

    /** Start dates for adding {@code n} working days. */
    @State(Scope.Thread)
    public static class Additions {
        /** Five working days (acknowledgement), twenty (stage 2 response), a year's worth. */
        @Param({"5", "20", "250"})
        public int n;

        LocalDate[] starts;
        private int next;

        @Setup
        public void setUp() {
            starts = startDates(new Random(SEED));
        }

        LocalDate nextStart() {
            next = (next + 1) & (INPUTS - 1);
            return starts[next];
        }
    }

    /** How far apart the two dates of {@code workingDaysBetween} are. */
    public enum Span {
        WEEK(Period.ofWeeks(1)),
        YEAR(Period.ofYears(1)),
        NINE_YEARS(Period.ofYears(9));

        final Period period;

        Span(Period period) {
            this.period = period;
        }
    }

    /** Pairs of dates {@code span} apart, both inside the calendar. */
    @State(Scope.Thread)
    public static class Spans {
        @Param({"WEEK", "YEAR", "NINE_YEARS"})
        public Span span;

        LocalDate[] from;
        LocalDate[] to;
        private int next;

        @Setup
        public void setUp() {
            from = spanStarts(new Random(SEED), span);
            to = new LocalDate[INPUTS];
            for (int i = 0; i < INPUTS; i++) {
                to[i] = from[i].plus(span.period);
            }
        }

        int nextIndex() {
            next = (next + 1) & (INPUTS - 1);
            return next;
        }
    }

    @Benchmark
    public void addWorkingDays(Calendars c, Additions a, Blackhole bh) {
        bh.consume(c.calendar.addWorkingDays(a.nextStart(), a.n));
    }

    @Benchmark
    public void addWorkingDaysDayByDay(Calendars c, Additions a, Blackhole bh) {
        bh.consume(c.dayByDay.addWorkingDays(a.nextStart(), a.n));
    }

    @Benchmark
    public void workingDaysBetween(Calendars c, Spans s, Blackhole bh) {
        int i = s.nextIndex();
        bh.consume(c.calendar.workingDaysBetween(s.from[i], s.to[i]));
    }

    @Benchmark
    public void workingDaysBetweenDayByDay(Calendars c, Spans s, Blackhole bh) {
        int i = s.nextIndex();
        bh.consume(c.dayByDay.workingDaysBetween(s.from[i], s.to[i]));
    }

    /**
     * Dates from 1 January 2018 to 31 December 2025: adding 250 working days (about a year)
     * stays inside the calendar, which ends with 2027.
     */
    static LocalDate[] startDates(Random random) {
        return uniformDates(random, LocalDate.of(CALENDAR.firstYear(), 1, 1), LocalDate.of(2025, 12, 31));
    }

    /** Dates from which {@code span} later is still inside the calendar. */
    static LocalDate[] spanStarts(Random random, Span span) {
        LocalDate last = LocalDate.of(CALENDAR.lastYear(), 12, 31).minus(span.period);
        return uniformDates(random, LocalDate.of(CALENDAR.firstYear(), 1, 1), last);
    }

    private static LocalDate[] uniformDates(Random random, LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        LocalDate[] dates = new LocalDate[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            dates[i] = first.plusDays(random.nextInt(Math.toIntExact(days)));
        }
        return dates;
    }
}
