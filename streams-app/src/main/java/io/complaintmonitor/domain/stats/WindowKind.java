package io.complaintmonitor.domain.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar windows figures are kept over. Windows are ranges of dates, and a fact's date is
 * its instant's date in Europe/London ({@link io.complaintmonitor.domain.LondonTime}), so every
 * window is aligned on London midnights whatever the clock change does to its length in hours.
 *
 * <p>Financial quarters and years run from 1 April, as landlords report to their boards and the
 * Regulator: financial year 2025 is 1 April 2025 to 31 March 2026 (written 2025/26 in reports),
 * and its Q1 is April to June.
 */
public enum WindowKind {
    /** One day: label 2025-04-01. */
    DAY("day", Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})")),
    /** ISO week, Monday to Sunday: label 2025-W14 (week-based year). */
    WEEK("week", Pattern.compile("(\\d{4})-W(\\d{2})")),
    /** Calendar month: label 2025-04. */
    MONTH("month", Pattern.compile("(\\d{4})-(\\d{2})")),
    /** Financial quarter: label FY2025-Q1 (April to June 2025). */
    QUARTER("quarter", Pattern.compile("FY(\\d{4})-Q([1-4])")),
    /** Financial year: label FY2025 (1 April 2025 to 31 March 2026). */
    YEAR("year", Pattern.compile("FY(\\d{4})"));

    private final String label;
    private final Pattern pattern;

    WindowKind(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    /** The lower-case name used in keys, metrics and the query API. */
    public String label() {
        return label;
    }

    public static WindowKind ofLabel(String label) {
        for (WindowKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown window '" + label + "': use day, week, month, quarter or year");
    }

    /** The window of this kind that contains {@code date}. */
    public ReportingWindow windowOf(LocalDate date) {
        return switch (this) {
            case DAY -> new ReportingWindow(this, date, date.plusDays(1));
            case WEEK -> {
                LocalDate monday = date.with(DayOfWeek.MONDAY);
                yield new ReportingWindow(this, monday, monday.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate first = date.withDayOfMonth(1);
                yield new ReportingWindow(this, first, first.plusMonths(1));
            }
            case QUARTER -> {
                // Months since 1 April of the financial year, in whole quarters.
                int monthsIntoYear = Math.floorMod(date.getMonthValue() - 4, 12);
                LocalDate first = date.withDayOfMonth(1).minusMonths(monthsIntoYear % 3);
                yield new ReportingWindow(this, first, first.plusMonths(3));
            }
            case YEAR -> {
                LocalDate first = LocalDate.of(financialYear(date), 4, 1);
                yield new ReportingWindow(this, first, first.plusYears(1));
            }
        };
    }

    /** The window with this label, e.g. WEEK and "2025-W14"; a message saying the form otherwise. */
    public ReportingWindow parse(String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a " + label + " window: write it like "
                    + example());
        }
        try {
            int year = Integer.parseInt(m.group(1));
            return switch (this) {
                case DAY -> windowOf(LocalDate.parse(text));
                case WEEK -> {
                    int week = Integer.parseInt(m.group(2));
                    LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                            .with(DayOfWeek.MONDAY);
                    if (monday.get(IsoFields.WEEK_BASED_YEAR) != year
                            || monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                        throw new IllegalArgumentException("'" + text + "': " + year + " has no week " + week);
                    }
                    yield windowOf(monday);
                }
                case MONTH -> windowOf(LocalDate.of(year, Integer.parseInt(m.group(2)), 1));
                case QUARTER -> windowOf(LocalDate.of(year, 4, 1).plusMonths(3L * (Integer.parseInt(m.group(2)) - 1)));
                case YEAR -> windowOf(LocalDate.of(year, 4, 1));
            };
        } catch (java.time.DateTimeException e) {
            // Text that fits the pattern but names no date (2025-13, 2025-W60) gets the form too.
            throw new IllegalArgumentException("'" + text + "' is not a " + label + " window: write it like "
                    + example() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The label of the window starting on {@code start}. */
    String labelOf(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            // Built by hand, not String.format: labels are made for every figures key, many per event.
            case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + twoDigits(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.getYear() + "-" + twoDigits(start.getMonthValue());
            case QUARTER -> "FY" + financialYear(start) + "-Q" + (Math.floorMod(start.getMonthValue() - 4, 12) / 3 + 1);
            case YEAR -> "FY" + financialYear(start);
        };
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private String example() {
        return switch (this) {
            case DAY -> "2025-04-01";
            case WEEK -> "2025-W14";
            case MONTH -> "2025-04";
            case QUARTER -> "FY2025-Q1 (April to June 2025)";
            case YEAR -> "FY2025 (April 2025 to March 2026)";
        };
    }

    /** The financial year (by its first calendar year) that {@code date} falls in. */
    public static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }
}
