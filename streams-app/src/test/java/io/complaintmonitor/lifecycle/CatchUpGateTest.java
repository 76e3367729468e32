package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatchUpGateTest {

    @Test
    void shouldOpenOnlyAfterTheRequiredCaughtUpObservationsInARow() {
        CatchUpGate gate = new CatchUpGate(3);
        assertThat(gate.observe(true)).isFalse();
        assertThat(gate.observe(true)).isFalse();
        assertThat(gate.observe(true)).isTrue();
        assertThat(gate.observe(true)).as("stays open while caught up").isTrue();
    }

    @Test
    void shouldCloseAtOnceWhenTheInputsFallBehindAndCountAgainFromZero() {
        CatchUpGate gate = new CatchUpGate(2);
        gate.observe(true);
        gate.observe(true);
        assertThat(gate.observe(false)).isFalse();
        assertThat(gate.observe(true)).isFalse();
        assertThat(gate.observe(true)).isTrue();
    }

    @Test
    void shouldRefuseAGateThatCouldNeverClose() {
        assertThatThrownBy(() -> new CatchUpGate(0)).hasMessageContaining("at least 1");
    }
}
