package io.complaintmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.lifecycle.LifecycleCodecs;
import org.junit.jupiter.api.Test;

/** The benchmark encodes a complaint with history and pending checks, and its bytes read back as it. */
class StateCodecBenchmarkTest {

    @Test
    void shouldRoundTripAComplaintWithHistoryAndPendingChecks() {
        StateCodecBenchmark.Stored s = new StateCodecBenchmark.Stored();
        s.setUp();

        assertThat(s.tracked.state().seenEventIds()).hasSize(4);
        assertThat(s.tracked.scheduled()).isNotEmpty();
        assertThat(s.bytes.length).as("about the size the README gives").isBetween(400, 700);
        assertThat(LifecycleCodecs.TRACKED.decode(s.bytes)).isEqualTo(s.tracked);
        assertThat(new StateCodecBenchmark().encode(s)).isEqualTo(s.bytes);
    }
}
