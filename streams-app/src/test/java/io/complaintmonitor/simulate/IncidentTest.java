package io.complaintmonitor.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.simulate.SimulatedComplaint.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 1);

    @Test
    void shouldParseBothKindsWithAndWithoutTheirNumber() {
        assertThat(Incident.parse("spike:ASB:2025-07")).isEqualTo(
                new Incident.Spike("ASB", WindowKind.MONTH.parse("2025-07"), Incident.Spike.DEFAULT_FACTOR));
        assertThat(Incident.parse("spike:damp_and_mould:2025-11:3")).isEqualTo(
                new Incident.Spike("DAMP_AND_MOULD", WindowKind.MONTH.parse("2025-11"), 3.0));
        assertThat(Incident.parse("collapse:CON-3:FY2025-Q3")).isEqualTo(
                new Incident.Collapse("CON-3", WindowKind.QUARTER.parse("FY2025-Q3"), Incident.Collapse.DEFAULT_SHARE));
        assertThat(Incident.parse("collapse:con-2:FY2025-Q1:0.5").spec()).isEqualTo("collapse:CON-2:FY2025-Q1:0.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spike:ASB                  | is not spike:CATEGORY:YYYY-MM[:FACTOR] or collapse:CONTRACTOR:FYyyyy-Qn[:SHARE]",
        "surge:ASB:2025-07          | is not spike:CATEGORY",
        "spike:NOISE:2025-07        | unknown category NOISE; expected one of REPAIRS, DAMP_AND_MOULD",
        "spike:ASB:2025-13          | 2025-13",
        "spike:ASB:FY2025-Q3        | is not a month window: write it like",
        "spike:ASB:2025-07:0.5      | spike factor must be above 1 and at most 50, got 0.5",
        "collapse:CON-9:FY2025-Q3   | unknown contractor CON-9; expected one of CON-1, CON-2, CON-3, CON-4",
        "collapse:CON-3:2025-10     | is not a quarter window: write it like",
        "collapse:CON-3:FY2025-Q3:1 | collapse share must be from 0 up to (not including) 1, got 1.0",
    })
    void shouldSayWhatIsWrongWithABadIncident(String text, String message) {
        assertThatThrownBy(() -> Incident.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageStartingWith("incident \"" + text + "\"");
    }

    @Test
    void shouldPlaceTheDefaultIncidentsInsideTheRange() {
        assertThat(Incident.defaults(FROM, TO)).extracting(Incident::spec)
                .containsExactly("spike:ASB:2025-09:5", "collapse:CON-3:FY2025-Q3:0.4");
    }

    @Test
    void shouldMakeTheSpikeMonthFarAboveItsNeighbours() {
        List<SimulatedComplaint> complaints = Simulation.complaints(SimulationSettings.builder().seed(11)
                .from(FROM).to(TO).incidents(List.of(Incident.parse("spike:ASB:2025-07"))).build()).toList();
        Map<String, Long> asbByMonth = complaints.stream().filter(c -> c.category().equals("ASB"))
                .collect(Collectors.groupingBy(c -> WindowKind.MONTH.windowOf(c.receivedOn()).label(),
                        Collectors.counting()));
        long spike = asbByMonth.get("2025-07");
        long neighbours = Math.max(asbByMonth.getOrDefault("2025-06", 0L), asbByMonth.getOrDefault("2025-08", 0L));
        assertThat(spike).isGreaterThan(3 * neighbours).isGreaterThan(20);
    }

    @Test
    void shouldMakeTheCollapsingContractorLateInItsQuarterOnly() {
        List<SimulatedComplaint> complaints = Simulation.complaints(SimulationSettings.builder().seed(12).homes(60_000)
                .from(FROM).to(TO).incidents(List.of(Incident.parse("collapse:CON-3:FY2025-Q3"))).build()).toList();
        Map<String, Double> withinByQuarter = complaints.stream().filter(c -> "CON-3".equals(c.contractorId()))
                .collect(Collectors.groupingBy(c -> WindowKind.QUARTER.windowOf(c.receivedOn()).label(),
                        Collectors.averagingDouble(c -> c.steps().stream().filter(s -> s.handler().equals("CON-3"))
                                .mapToDouble(s -> s.withinTimescale() ? 1 : 0).average().orElse(1))));
        assertThat(withinByQuarter.get("FY2025-Q3")).isLessThan(0.6);
        for (String other : List.of("FY2025-Q1", "FY2025-Q2", "FY2025-Q4")) {
            assertThat(withinByQuarter.get(other)).as(other).isGreaterThan(withinByQuarter.get("FY2025-Q3") + 0.25);
        }
        // Other contractors are untouched.
        double others = complaints.stream().filter(c -> "CON-1".equals(c.contractorId()))
                .filter(c -> WindowKind.QUARTER.windowOf(c.receivedOn()).label().equals("FY2025-Q3"))
                .flatMap(c -> c.steps().stream()).mapToDouble(s -> s.withinTimescale() ? 1 : 0).average().orElseThrow();
        assertThat(others).isGreaterThan(0.85);
    }

    @Test
    void shouldRefuseAnIncidentOutsideTheRange() {
        assertThatThrownBy(() -> SimulationSettings.builder().from(FROM).to(TO)
                .incidents(List.of(Incident.parse("spike:ASB:2024-07"))).build())
                .hasMessage("--incident spike:ASB:2024-07:5: 2024-07 lies outside --from 2025-04-01 --to 2026-04-01");
    }

    static double within(List<Step> steps) {
        return steps.stream().mapToDouble(s -> s.withinTimescale() ? 1 : 0).average().orElse(Double.NaN);
    }
}
