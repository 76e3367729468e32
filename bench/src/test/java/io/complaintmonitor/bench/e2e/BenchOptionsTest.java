package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void shouldDefaultToAMillionEventsAndAFloorOfThirtyPercent() {
        BenchOptions o = BenchOptions.parse(List.of());

        assertThat(o.events()).isEqualTo(1_000_000);
        assertThat(o.complaintsForMemory()).isEqualTo(1_000_000);
        assertThat(o.minRatio()).isEqualTo(0.3);
        assertThat(o.out()).isEqualTo(Path.of("bench/results/latest.json"));
        assertThat(o.skipMemory()).isFalse();
        assertThat(o.monitorHeap()).isEqualTo("512m");
    }

    @Test
    void shouldReadEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("--events", "200_000", "--complaints-for-memory", "300,000",
                "--min-ratio", "0.5", "--out", "x.json", "--skip-memory", "--monitor-heap", "1g",
                "--latency-complaints", "400", "--latency-rounds", "4", "--partitions", "6", "--stream-threads", "2", "--seed", "9"));

        assertThat(o).isEqualTo(new BenchOptions(200_000, 300_000, 400, 4, 0.5, Path.of("x.json"), true,
                Path.of("streams-app/target/complaint-monitor.jar"), "1g", Path.of("bench/target/e2e-monitor.log"),
                6, 2, 9));
    }

    @Test
    void shouldNameTheOptionThatIsWrong() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "lots"))).hasMessageContaining("--events");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "0"))).hasMessageContaining("--events");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--min-ratio", "2"))).hasMessageContaining("--min-ratio");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--out"))).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast", "1"))).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--stream-threads", "0")))
                .hasMessageContaining("--stream-threads");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--monitor-heap", "lots")))
                .hasMessageContaining("--monitor-heap");
    }
}
