package io.complaintmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Code's clocks run on the landlord's local dates: Europe/London, through BST and GMT. */
public final class LondonTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private LondonTime() {
    }

    /**
     * London's UTC offset changes from 1970 to 2200: each instant (epoch seconds) with the offset
     * from it on. Working out a date through {@code atZone} looks the year's rules up in a
     * concurrent map and builds a ZonedDateTime; the clocks and figures ask it several times per
     * event, so a table of days answers instead, and a binary search over these on the days a
     * change falls in.
     */
    private static final long[] CHANGES;
    private static final int[] OFFSETS;
    private static final long FIRST = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();

    private static final long DAY = 86_400L;
    private static final int QUARTER_HOUR = 900;
    private static final byte CHANGES_THAT_DAY = Byte.MIN_VALUE;
    /**
     * The offset in quarter hours of each UTC day of the table with no change in it (nearly all):
     * the clocks and figures ask for dozens of offsets per event, and one array read answers them
     * where the search takes nine steps.
     */
    private static final byte[] DAY_OFFSETS;
    private static final long FIRST_DAY;

    static {
        ZoneRules rules = ZONE.getRules();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(FIRST));
                t != null && t.toEpochSecond() < LAST; t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        CHANGES = new long[transitions.size() + 1];
        OFFSETS = new int[transitions.size() + 1];
        CHANGES[0] = FIRST;
        OFFSETS[0] = rules.getOffset(Instant.ofEpochSecond(FIRST)).getTotalSeconds();
        for (int i = 0; i < transitions.size(); i++) {
            CHANGES[i + 1] = transitions.get(i).toEpochSecond();
            OFFSETS[i + 1] = transitions.get(i).getOffsetAfter().getTotalSeconds();
        }
        FIRST_DAY = Math.floorDiv(FIRST, DAY);
        DAY_OFFSETS = new byte[(int) (Math.floorDiv(LAST, DAY) - FIRST_DAY)];
        for (int d = 0; d < DAY_OFFSETS.length; d++) {
            long start = (FIRST_DAY + d) * DAY;
            int at = changeAt(start);
            // A day with a change in it keeps the marker: the search answers for its instants.
            DAY_OFFSETS[d] = at == changeAt(start + DAY - 1) && OFFSETS[at] % QUARTER_HOUR == 0
                    ? (byte) (OFFSETS[at] / QUARTER_HOUR) : CHANGES_THAT_DAY;
        }
    }

    /** The date in London at which {@code instant} happened. */
    public static LocalDate dateOf(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= LAST) {
            return instant.atZone(ZONE).toLocalDate();
        }
        return LocalDate.ofEpochDay(Math.floorDiv(seconds + offsetAt(seconds), DAY));
    }

    /**
     * 00:00 in London on {@code date}, as an instant. The figures ask it for every window a change
     * touches; like {@link #dateOf}, it looks the offset up in the table rather than in the zone's
     * rules. Midnight UTC less the offset then in force is London's midnight unless a clock change
     * falls between the two (London's are at 01:00 or 02:00 UTC, so none does); that is checked,
     * and the zone's rules answer otherwise.
     */
    public static Instant startOf(LocalDate date) {
        long midnightUtc = date.toEpochDay() * DAY;
        if (midnightUtc - 3_600 >= FIRST && midnightUtc < LAST) {
            int offset = offsetAt(midnightUtc);
            long start = midnightUtc - offset;
            if (offsetAt(start) == offset) {
                return Instant.ofEpochSecond(start);
            }
        }
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** London's UTC offset in seconds at {@code seconds} past the epoch, within the table. */
    private static int offsetAt(long seconds) {
        byte quarters = DAY_OFFSETS[(int) (Math.floorDiv(seconds, DAY) - FIRST_DAY)];
        return quarters != CHANGES_THAT_DAY ? quarters * QUARTER_HOUR : OFFSETS[changeAt(seconds)];
    }

    /** The index of the last change at or before {@code seconds}. */
    private static int changeAt(long seconds) {
        int at = Arrays.binarySearch(CHANGES, seconds);
        return at >= 0 ? at : -at - 2;
    }
}
