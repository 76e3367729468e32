package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.simulate.Incident;
import io.complaintmonitor.simulate.SimulationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTrafficTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldPlanAYearOfHistoryWithBothIncidentsInThePastWhenStartedToday() {
        SimulationSettings plan = DemoTraffic.plan(7, 60_000, LocalDate.parse("2026-11-23"));

        assertThat(plan.from()).isEqualTo(LocalDate.parse("2025-11-23"));
        // A year ahead would pass the bundled calendar's reach (2027, less 90 days for the clocks).
        assertThat(plan.to()).isEqualTo(LocalDate.parse("2027-10-02"));
        assertThat(plan.incidents()).extracting(Incident::spec)
                // Four months before November 2026; two financial quarters before FY2026-Q3.
                .containsExactly("spike:ASB:2026-07:5", "collapse:CON-3:FY2026-Q1:0.4");
        assertThat(plan.homes()).isEqualTo(60_000);
        assertThat(plan.seed()).isEqualTo(7);
    }

    @Test
    void shouldKeepThePlanSoARestartCarriesOnWithTheSameLandlord() throws Exception {
        Clock first = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        SimulationSettings planned = DemoTraffic.planIn(dataDir, 3, 5_000, first);

        Clock later = Clock.fixed(Instant.parse("2027-01-10T10:00:00Z"), ZoneOffset.UTC);
        SimulationSettings resumed = DemoTraffic.planIn(dataDir, 99, 1, later);

        assertThat(resumed).usingRecursiveComparison().ignoringFields("calendar").isEqualTo(planned);
        assertThat(dataDir.resolve(DemoTraffic.PLAN_FILE)).exists();
    }
}
