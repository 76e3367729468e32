package io.complaintmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The Code's clocks run on the landlord's local dates: Europe/London, through BST and GMT. */
public final class LondonTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private LondonTime() {
    }

    /** The date in London at which {@code instant} happened. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** 00:00 in London on {@code date}, as an instant. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
