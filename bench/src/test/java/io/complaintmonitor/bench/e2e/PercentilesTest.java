package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeNearestRankPercentilesOfOneToAHundred() {
        List<Double> sample = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            sample.add((double) i);
        }
        Collections.shuffle(sample, new java.util.Random(1));

        Percentiles p = Percentiles.of(sample);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
    }

    @Test
    void shouldGiveTheOnlyValueForASampleOfOne() {
        Percentiles p = Percentiles.of(List.of(7.5));

        assertThat(p.p50()).isEqualTo(7.5);
        assertThat(p.p99()).isEqualTo(7.5);
    }

    @Test
    void shouldShowSlowValuesAtTheNinetyNinthPercentileOnlyWhenMoreThanOnePercentAreSlow() {
        List<Double> two = new ArrayList<>(Collections.nCopies(198, 1.0));
        two.addAll(List.of(1_000.0, 1_000.0));
        List<Double> three = new ArrayList<>(Collections.nCopies(197, 1.0));
        three.addAll(List.of(1_000.0, 1_000.0, 1_000.0));

        assertThat(Percentiles.of(two).p99()).isEqualTo(1.0);
        assertThat(Percentiles.of(three).p99()).isEqualTo(1_000.0);
    }

    @Test
    void shouldRefuseAnEmptySample() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
