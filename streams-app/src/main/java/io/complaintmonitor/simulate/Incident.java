package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.WindowKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something scripted into a simulation for the trend alerts to find. Written on the command line as
 * {@code spike:CATEGORY:YYYY-MM[:FACTOR]} (that category's complaints received in that month
 * multiplied by FACTOR, default {@value Spike#DEFAULT_FACTOR}) or
 * {@code collapse:CONTRACTOR:FYyyyy-Qn[:SHARE]} (that contractor's steps on complaints received in
 * that financial quarter within timescale with probability SHARE, default
 * {@value Collapse#DEFAULT_SHARE}).
 */
public sealed interface Incident {

    String SYNTAX = "spike:CATEGORY:YYYY-MM[:FACTOR] or collapse:CONTRACTOR:FYyyyy-Qn[:SHARE], "
            + "e.g. spike:ASB:2025-07 or collapse:CON-3:FY2025-Q3";

    /** How the incident is written, so a settings summary can be pasted back on a command line. */
    String spec();

    /** The month or quarter it lasts. */
    ReportingWindow window();

    /** A category's volume multiplied by {@code factor} for complaints received in one month. */
    record Spike(String category, ReportingWindow month, double factor) implements Incident {

        public static final double DEFAULT_FACTOR = 5.0;

        public Spike {
            if (month.kind() != WindowKind.MONTH) {
                throw new IllegalArgumentException("a spike lasts a calendar month, not a " + month.kind().label());
            }
            if (!(factor > 1.0 && factor <= 50.0)) {
                throw new IllegalArgumentException("spike factor must be above 1 and at most 50, got " + factor);
            }
        }

        @Override
        public ReportingWindow window() {
            return month;
        }

        public boolean applies(String category, LocalDate received) {
            return this.category.equals(category) && month.contains(received);
        }

        @Override
        public String spec() {
            return "spike:" + category + ":" + month.label() + ":" + SimulationSettings.number(factor);
        }
    }

    /** A contractor within timescale with probability {@code share} on complaints received in one quarter. */
    record Collapse(String contractorId, ReportingWindow quarter, double share) implements Incident {

        public static final double DEFAULT_SHARE = 0.4;

        public Collapse {
            if (quarter.kind() != WindowKind.QUARTER) {
                throw new IllegalArgumentException("a collapse lasts a financial quarter, not a " + quarter.kind().label());
            }
            if (!(share >= 0.0 && share < 1.0)) {
                throw new IllegalArgumentException("collapse share must be from 0 up to (not including) 1, got " + share);
            }
        }

        @Override
        public ReportingWindow window() {
            return quarter;
        }

        public boolean applies(String contractorId, LocalDate received) {
            return this.contractorId.equals(contractorId) && quarter.contains(received);
        }

        @Override
        public String spec() {
            return "collapse:" + contractorId + ":" + quarter.label() + ":" + SimulationSettings.number(share);
        }
    }

    Pattern FORM = Pattern.compile("(spike|collapse):([A-Za-z0-9_-]+):([^:]+)(?::([0-9.]+))?");

    /**
     * Parses one incident; an {@link IllegalArgumentException} saying what is wrong and how to write
     * it otherwise. Categories must be one of {@link CategoryMix#CATEGORIES}; contractors one of the
     * simulation's.
     */
    public static Incident parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("incident \"" + text + "\" is not " + SYNTAX);
        }
        String kind = m.group(1);
        String subject = m.group(2).toUpperCase(Locale.ROOT);
        String when = m.group(3);
        Double number = null;
        if (m.group(4) != null) {
            try {
                number = Double.parseDouble(m.group(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("incident \"" + text + "\": \"" + m.group(4) + "\" is not a number");
            }
        }
        try {
            if (kind.equals("spike")) {
                if (!CategoryMix.CATEGORIES.contains(subject)) {
                    throw new IllegalArgumentException("unknown category " + subject + "; expected one of "
                            + String.join(", ", CategoryMix.CATEGORIES));
                }
                return new Spike(subject, WindowKind.MONTH.parse(when), number == null ? Spike.DEFAULT_FACTOR : number);
            }
            if (!Handlers.CONTRACTORS.contains(subject)) {
                throw new IllegalArgumentException("unknown contractor " + subject + "; expected one of "
                        + String.join(", ", Handlers.CONTRACTORS));
            }
            return new Collapse(subject, WindowKind.QUARTER.parse(when),
                    number == null ? Collapse.DEFAULT_SHARE : number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("incident \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The default set for a range: an ASB spike in the month holding the range's midpoint, and CON-3
     * collapsing in the financial quarter holding the point two thirds through it.
     */
    static List<Incident> defaults(LocalDate from, LocalDate to) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        LocalDate middle = from.plusDays(days / 2);
        LocalDate twoThirds = from.plusDays(days * 2 / 3);
        return List.of(new Spike("ASB", WindowKind.MONTH.windowOf(middle), Spike.DEFAULT_FACTOR),
                new Collapse("CON-3", WindowKind.QUARTER.windowOf(twoThirds), Collapse.DEFAULT_SHARE));
    }
}
