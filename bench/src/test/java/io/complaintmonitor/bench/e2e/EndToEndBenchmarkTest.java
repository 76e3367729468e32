package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndToEndBenchmarkTest {

    @Test
    void shouldFindTheAheadOfTimeCacheAmongTheJvmArguments() {
        assertThat(EndToEndBenchmark.aotCache(List.of("-Xmx3g", "-XX:AOTCache=/a/first.aot", "-XX:+UseParallelGC",
                "-XX:AOTCache=bench/target/aot/complaint-monitor.aot")))
                .as("the last one, as the JVM takes it").contains("bench/target/aot/complaint-monitor.aot");
        assertThat(EndToEndBenchmark.aotCache(List.of("-Xmx3g", "-XX:AOTCacheOutput=/tmp/x.aot"))).isEmpty();
    }
}
