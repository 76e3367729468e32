package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    private static final TopicPartition SOURCE = new TopicPartition("events.crm", 0);
    private static final TopicPartition EMPTY_SOURCE = new TopicPartition("events.webform", 0);
    private static final TopicPartition REPARTITION = new TopicPartition("bench-monitor-complaints-repartition", 0);

    @Test
    void shouldBeCaughtUpWhenSourcesAreCommittedToTheEndAndRepartitionsToTheCommitMarker() {
        assertThat(CatchUp.caughtUp(Set.of(SOURCE, EMPTY_SOURCE), Map.of(SOURCE, 100L, REPARTITION, 41L),
                Map.of(SOURCE, 100L, EMPTY_SOURCE, 0L, REPARTITION, 42L), CatchUp.NO_TICKS_SLACK)).isTrue();
    }

    @Test
    void shouldNotBeCaughtUpWhileASourceRecordIsUncommitted() {
        assertThat(CatchUp.caughtUp(Set.of(SOURCE), Map.of(SOURCE, 99L), Map.of(SOURCE, 100L), 1)).isFalse();
        assertThat(CatchUp.caughtUp(Set.of(SOURCE), Map.of(), Map.of(SOURCE, 100L), 1)).isFalse();
    }

    @Test
    void shouldNotBeCaughtUpWhileRepartitionedRecordsWait() {
        assertThat(CatchUp.caughtUp(Set.of(SOURCE), Map.of(SOURCE, 100L, REPARTITION, 40L),
                Map.of(SOURCE, 100L, REPARTITION, 42L), CatchUp.NO_TICKS_SLACK)).isFalse();
    }

    @Test
    void shouldAllowAFewTickDrivenRecordsWhenHeartbeatsRun() {
        assertThat(CatchUp.caughtUp(Set.of(SOURCE), Map.of(SOURCE, 100L, REPARTITION, 40L),
                Map.of(SOURCE, 100L, REPARTITION, 42L), CatchUp.TICKS_SLACK)).isTrue();
    }

    @Test
    void shouldCountHalfOnlyOnceHalfTheSourceRecordsAreCommitted() {
        assertThat(CatchUp.atLeastHalf(49, 100)).isFalse();
        assertThat(CatchUp.atLeastHalf(50, 100)).isTrue();
        assertThat(CatchUp.atLeastHalf(50, 101)).isFalse();
        assertThat(CatchUp.atLeastHalf(0, 0)).isTrue();
    }

    @Test
    void shouldPlaceHalfWayInProportionBetweenTheCommitsEitherSideOfIt() {
        CatchUp.Step before = new CatchUp.Step(10_000_000_000L, 400, new Cpu(1_000, 10_000));
        CatchUp.Step after = new CatchUp.Step(15_000_000_000L, 600, new Cpu(3_000, 20_000));

        CatchUp.Step half = CatchUp.halfWay(before, after, 1_000);

        assertThat(half.atNanos()).isEqualTo(12_500_000_000L);
        assertThat(half.done()).isEqualTo(500);
        assertThat(half.cpu()).isEqualTo(new Cpu(2_000, 15_000));
    }

    @Test
    void shouldPlaceHalfWayAtACommitThatLandsExactlyOnIt() {
        CatchUp.Step before = new CatchUp.Step(1_000, 300, new Cpu(1, 1));
        CatchUp.Step after = new CatchUp.Step(2_000, 500, new Cpu(2, 2));

        assertThat(CatchUp.halfWay(before, after, 1_000).atNanos()).isEqualTo(2_000);
        assertThat(CatchUp.halfWay(before, after, 1_001).atNanos()).isEqualTo(2_000);
    }

    @Test
    void shouldLeaveTheCpuUnmeasuredWhenOneCommitsSampleIsUnmeasured() {
        CatchUp.Step before = new CatchUp.Step(0, 0, Cpu.NONE);
        CatchUp.Step after = new CatchUp.Step(1_000, 100, new Cpu(5, 5));

        CatchUp.Step half = CatchUp.halfWay(before, after, 100);

        assertThat(half.atNanos()).isEqualTo(500);
        assertThat(half.cpu()).isEqualTo(Cpu.NONE);
    }
}
