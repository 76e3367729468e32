package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloorTest {

    @Test
    void shouldPassAtExactlyTheMinimumRatio() {
        Floor floor = new Floor(15_000, 50_000, 0.3);

        assertThat(floor.ratio()).isEqualTo(0.3);
        assertThat(floor.passed()).isTrue();
    }

    @Test
    void shouldFailJustBelowTheMinimumRatio() {
        assertThat(new Floor(14_999, 50_000, 0.3).passed()).isFalse();
    }

    @Test
    void shouldFailWhenThePassThroughMeasuredNothing() {
        assertThat(new Floor(10_000, 0, 0.3).passed()).isFalse();
    }

    @Test
    void shouldRefuseARatioAboveOne() {
        assertThatThrownBy(() -> new Floor(1, 1, 1.5)).hasMessageContaining("--min-ratio");
    }
}
