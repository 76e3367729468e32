package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.stats.ReportingWindow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a simulation is drawn from; the same settings give the same events, byte for byte.
 * Validated here, with messages that name the command-line option to fix.
 *
 * @param seed the seed of every random draw
 * @param homes homes owned, shared evenly between the landlords
 * @param ratePer1000 stage 1 complaints a year per 1,000 homes (the TSM CH01 measure)
 * @param from first day (London) on which complaints are received
 * @param to day (London) at whose start the simulation ends: no complaint received on or after it,
 *     no event at or after 00:00 on it
 * @param landlords how many landlords share the homes; 1 writes no landlordId (the monitor's
 *     default landlord), more write LL-1 to LL-n
 * @param incidents scripted incidents (spikes, collapses) inside [from, to)
 * @param badRatio fraction of the output that breaks the contract or the format (0 = none)
 * @param calendar the working days staff act on and the Code's timescales count
 */
public record SimulationSettings(
        long seed,
        int homes,
        double ratePer1000,
        LocalDate from,
        LocalDate to,
        int landlords,
        List<Incident> incidents,
        double badRatio,
        WorkingDayCalendar calendar) {

    public static final int DEFAULT_HOMES = 20_000;
    public static final double DEFAULT_RATE_PER_1000 = 40.0;
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2025, 4, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 4, 1);
    public static final int MAX_HOMES = 2_000_000;
    public static final int MAX_LANDLORDS = 100;
    public static final double MAX_BAD_RATIO = 0.5;
    /** Calendar days the clocks of a complaint can run (stage 2 included) that the calendar must cover. */
    static final int CALENDAR_MARGIN_DAYS = 75;

    public SimulationSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(calendar, "calendar");
        incidents = List.copyOf(incidents);
        if (homes < 1 || homes > MAX_HOMES) {
            throw new IllegalArgumentException("--homes must be from 1 to " + MAX_HOMES + ", got " + homes);
        }
        if (!(ratePer1000 > 0 && ratePer1000 <= 1000)) {
            throw new IllegalArgumentException("--rate-per-1000 must be above 0 and at most 1000 complaints a year "
                    + "per 1,000 homes (landlords report tens), got " + number(ratePer1000));
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
        if (landlords < 1 || landlords > MAX_LANDLORDS || landlords > homes) {
            throw new IllegalArgumentException("--landlords must be from 1 to " + Math.min(MAX_LANDLORDS, homes)
                    + " (each needs homes), got " + landlords);
        }
        if (!(badRatio >= 0 && badRatio <= MAX_BAD_RATIO)) {
            throw new IllegalArgumentException("--bad-ratio must be from 0 to " + number(MAX_BAD_RATIO)
                    + " (e.g. 0.01 for 1 %), got " + number(badRatio));
        }
        if (!calendar.covers(from) || !calendar.covers(to.plusDays(CALENDAR_MARGIN_DAYS))) {
            throw new IllegalArgumentException("--from " + from + " and --to " + to + " must lie in the working-day "
                    + "calendar (" + calendar.division() + ", " + calendar.firstYear() + " to " + calendar.lastYear()
                    + "), --to at least " + CALENDAR_MARGIN_DAYS + " days before its end, so every clock can be "
                    + "counted: give --to " + LocalDate.of(calendar.lastYear(), 12, 31).minusDays(CALENDAR_MARGIN_DAYS)
                    + " or earlier");
        }
        for (Incident incident : incidents) {
            ReportingWindow window = incident.window();
            if (!window.start().isBefore(to) || !window.end().isAfter(from)) {
                throw new IllegalArgumentException("--incident " + incident.spec() + ": " + window.label()
                        + " lies outside --from " + from + " --to " + to);
            }
        }
    }

    /** The defaults: 20,000 homes, 40 complaints a year per 1,000, financial year 2025, one landlord. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).homes(homes).ratePer1000(ratePer1000).from(from).to(to).landlords(landlords)
                .incidents(incidents).badRatio(badRatio).calendar(calendar);
    }

    /** The landlord ids, in order; a single landlord is the monitor's default one, written as no id. */
    public List<String> landlordIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= landlords; i++) {
            ids.add(landlords == 1 ? null : "LL-" + i);
        }
        return ids;
    }

    /** The homes of landlord {@code index} (from 0): an even share, the remainder to the first. */
    public int homesOf(int index) {
        int share = homes / landlords;
        return index == 0 ? share + homes % landlords : share;
    }

    /** A number as written on a command line: 40, 0.01 (no trailing zeros, no exponent). */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static final class Builder {
        private long seed = 1;
        private int homes = DEFAULT_HOMES;
        private double ratePer1000 = DEFAULT_RATE_PER_1000;
        private LocalDate from = DEFAULT_FROM;
        private LocalDate to = DEFAULT_TO;
        private int landlords = 1;
        private List<Incident> incidents = List.of();
        private double badRatio;
        private WorkingDayCalendar calendar = BankHolidayCalendars.bundled(BankHolidayCalendars.ENGLAND_AND_WALES);

        private Builder() {
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder homes(int value) {
            homes = value;
            return this;
        }

        public Builder ratePer1000(double value) {
            ratePer1000 = value;
            return this;
        }

        public Builder from(LocalDate value) {
            from = value;
            return this;
        }

        public Builder to(LocalDate value) {
            to = value;
            return this;
        }

        public Builder landlords(int value) {
            landlords = value;
            return this;
        }

        public Builder incidents(List<Incident> value) {
            incidents = value;
            return this;
        }

        public Builder badRatio(double value) {
            badRatio = value;
            return this;
        }

        public Builder calendar(WorkingDayCalendar value) {
            calendar = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the option to fix */
        public SimulationSettings build() {
            return new SimulationSettings(seed, homes, ratePer1000, from, to, landlords, incidents, badRatio, calendar);
        }
    }
}
