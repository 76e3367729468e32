package io.complaintmonitor.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.simulate.SimulatedComplaint.Step;
import io.complaintmonitor.simulate.SimulatedComplaint.StepKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distributions the README claims, over a large sample: 100,000 homes for financial year 2025
 * (about 4,000 complaints), from the generator's own decisions.
 */
class SimulationDistributionTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 1);
    private static List<SimulatedComplaint> complaints;

    @BeforeAll
    static void simulateALargeLandlordForAYear() {
        complaints = Simulation.complaints(SimulationSettings.builder().seed(2025).homes(100_000)
                .from(FROM).to(TO).build()).toList();
    }

    @Test
    void shouldReceiveTheConfiguredComplaintsPerThousandHomesWithinFifteenPercent() {
        double perThousand = complaints.size() / 100.0;
        assertThat(perThousand).isCloseTo(SimulationSettings.DEFAULT_RATE_PER_1000,
                within(SimulationSettings.DEFAULT_RATE_PER_1000 * 0.15));
    }

    @Test
    void shouldFollowTheCategoryMixWithRepairsAndDampTheLargest() {
        Map<String, Long> counts = complaints.stream()
                .collect(Collectors.groupingBy(SimulatedComplaint::category, Collectors.counting()));
        for (int i = 0; i < CategoryMix.CATEGORIES.size(); i++) {
            String category = CategoryMix.CATEGORIES.get(i);
            assertThat((double) counts.get(category) / complaints.size()).as(category)
                    .isCloseTo(CategoryMix.SHARES.get(i), within(0.025));
        }
        List<String> largest = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
        assertThat(largest).containsExactly("REPAIRS", "DAMP_AND_MOULD");
    }

    @Test
    void shouldHaveMoreDampAndMouldInWinterThanInSummer() {
        double winter = share(c -> c.category().equals("DAMP_AND_MOULD"), c -> CategoryMix.isWinter(c.receivedOn()));
        double summer = share(c -> c.category().equals("DAMP_AND_MOULD"), c -> !CategoryMix.isWinter(c.receivedOn()));
        assertThat(winter).isGreaterThan(summer * 1.5);
        assertThat(winter).isBetween(0.15, 0.23);
        assertThat(summer).isBetween(0.06, 0.12);
    }

    @Test
    void shouldEscalateBetweenFifteenAndTwentyFivePercentOfStageOneResponses() {
        long responded = complaints.stream().filter(c -> c.outcome1() != null).count();
        long escalated = complaints.stream().filter(SimulatedComplaint::escalated).count();
        assertThat((double) escalated / responded).isBetween(0.15, 0.25);
    }

    @Test
    void shouldMeetMostTimescalesButNotAll() {
        List<Step> steps = complaints.stream().flatMap(c -> c.steps().stream()).toList();
        double within = (double) steps.stream().filter(Step::withinTimescale).count() / steps.size();
        assertThat(within).isBetween(0.80, 0.95);
        for (StepKind kind : StepKind.values()) {
            List<Step> ofKind = steps.stream().filter(s -> s.kind() == kind).toList();
            assertThat(ofKind).as(kind.name()).hasSizeGreaterThan(500);
            assertThat((double) ofKind.stream().filter(Step::withinTimescale).count() / ofKind.size())
                    .as(kind.name()).isBetween(0.75, 0.97);
        }
    }

    @Test
    void shouldRankContractorsByTheirQuality() {
        Map<String, Double> byContractor = complaints.stream().filter(c -> c.contractorId() != null)
                .flatMap(c -> c.steps().stream().filter(s -> s.kind() == StepKind.STAGE1_RESPONSE))
                .collect(Collectors.groupingBy(Step::handler,
                        Collectors.averagingDouble(s -> s.withinTimescale() ? 1 : 0)));
        assertThat(byContractor.keySet()).containsExactlyInAnyOrderElementsOf(Handlers.CONTRACTORS);
        assertThat(byContractor.get("CON-1")).isGreaterThan(byContractor.get("CON-4") + 0.08);
    }

    @Test
    void shouldTakeAboutThirtyPercentThroughTheWebFormAndAQuarterByContractors() {
        assertThat(share(c -> c.channel().equals("WEB_FORM"), c -> true)).isCloseTo(0.30, within(0.03));
        assertThat(share(c -> c.contractorId() != null, c -> true)).isBetween(0.15, 0.30);
        assertThat(share(c -> c.contractorId() != null, c -> c.category().equals("ASB"))).isZero();
    }

    @Test
    void shouldRefuseAndWithdrawAFewWithReasonCodes() {
        assertThat(share(c -> c.refusalReason() != null, c -> true)).isCloseTo(0.04, within(0.015));
        assertThat(share(SimulatedComplaint::withdrawn, c -> true)).isCloseTo(0.03, within(0.015));
        assertThat(complaints.stream().map(SimulatedComplaint::refusalReason).filter(r -> r != null).distinct())
                .containsExactlyInAnyOrderElementsOf(ComplaintScript.REFUSAL_REASONS);
    }

    @Test
    void shouldExtendSomeStepsBothWithinAndBeyondTheirOriginalDueDate() {
        List<Step> extended = complaints.stream().flatMap(c -> c.steps().stream()).filter(Step::extended).toList();
        assertThat(extended.size()).isBetween(300, 900);
        assertThat(extended.stream().filter(Step::withinTimescale).count()).isGreaterThan(extended.size() / 2);
    }

    @Test
    void shouldSpreadComplaintsOverEveryMonthOfTheRange() {
        Map<String, Long> byMonth = complaints.stream().collect(Collectors.groupingBy(
                c -> WindowKind.MONTH.windowOf(c.receivedOn()).label(), Collectors.counting()));
        assertThat(byMonth).hasSize(12);
        assertThat(byMonth.values()).allMatch(n -> n > 200 && n < 500);
    }

    private static double share(Predicate<SimulatedComplaint> what, Predicate<SimulatedComplaint> among) {
        List<SimulatedComplaint> base = complaints.stream().filter(among).toList();
        return (double) base.stream().filter(what).count() / base.size();
    }
}
