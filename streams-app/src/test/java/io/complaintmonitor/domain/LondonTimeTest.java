package io.complaintmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LondonTimeTest {

    private static LocalDate expected(Instant instant) {
        return instant.atZone(LondonTime.ZONE).toLocalDate();
    }

    @Test
    void dateOf_shouldAgreeWithTheZoneRulesEitherSideOfEveryClockChange() {
        int changes = 0;
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        for (ZoneOffsetTransition t = LondonTime.ZONE.getRules().nextTransition(from);
                t.getInstant().isBefore(Instant.parse("2200-01-01T00:00:00Z"));
                t = LondonTime.ZONE.getRules().nextTransition(t.getInstant())) {
            for (long delta : new long[] {-3_601, -3_600, -1, 0, 1, 3_599, 3_600}) {
                Instant at = t.getInstant().plusSeconds(delta);
                assertThat(LondonTime.dateOf(at)).as(at.toString()).isEqualTo(expected(at));
            }
            changes++;
        }
        assertThat(changes).as("clock changes checked").isGreaterThan(400);
    }

    @Test
    void dateOf_shouldAgreeWithTheZoneRulesAroundEveryMidnightOfTheCodesYears() {
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
            Instant midnight = LondonTime.startOf(day);
            for (long delta : new long[] {-1, 0, 1}) {
                Instant at = midnight.plusMillis(delta);
                assertThat(LondonTime.dateOf(at)).as(at.toString()).isEqualTo(expected(at));
            }
            assertThat(LondonTime.dateOf(midnight)).isEqualTo(day);
        }
    }

    @Test
    void startOf_shouldAgreeWithTheZoneRulesOnEveryDayInsideItsTableAndAtItsEdges() {
        int days = 0;
        for (LocalDate day = LocalDate.of(1969, 12, 1); day.isBefore(LocalDate.of(2200, 2, 1)); day = day.plusDays(1)) {
            assertThat(LondonTime.startOf(day)).as(day.toString()).isEqualTo(day.atStartOfDay(LondonTime.ZONE).toInstant());
            days++;
        }
        assertThat(days).as("days checked").isGreaterThan(84_000);
        assertThat(LondonTime.startOf(LocalDate.of(2400, 6, 2))).isEqualTo(Instant.parse("2400-06-01T23:00:00Z"));
        assertThat(LondonTime.startOf(LocalDate.of(1900, 1, 1))).isEqualTo(
                LocalDate.of(1900, 1, 1).atStartOfDay(LondonTime.ZONE).toInstant());
    }

    @Test
    void dateOf_shouldAgreeWithTheZoneRulesAtRandomInstantsInsideAndOutsideItsTable() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong(-5_000_000_000_000L, 9_000_000_000_000L));
            assertThat(LondonTime.dateOf(at)).as(at.toString()).isEqualTo(expected(at));
        }
        Instant farOff = Instant.parse("2400-06-01T23:30:00Z");
        assertThat(LondonTime.dateOf(farOff)).isEqualTo(LocalDate.of(2400, 6, 2));
    }
}
