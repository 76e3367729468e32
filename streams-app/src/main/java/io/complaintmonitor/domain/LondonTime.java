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
     * event, so a binary search over these does instead.
     */
    private static final long[] CHANGES;
    private static final int[] OFFSETS;
    private static final long FIRST = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();

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
    }

    /** The date in London at which {@code instant} happened. */
    public static LocalDate dateOf(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= LAST) {
            return instant.atZone(ZONE).toLocalDate();
        }
        int at = Arrays.binarySearch(CHANGES, seconds);
        int offset = OFFSETS[at >= 0 ? at : -at - 2];
        return LocalDate.ofEpochDay(Math.floorDiv(seconds + offset, 86_400L));
    }

    /** 00:00 in London on {@code date}, as an instant. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
