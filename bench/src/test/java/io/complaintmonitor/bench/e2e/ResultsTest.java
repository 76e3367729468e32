package io.complaintmonitor.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @TempDir
    Path dir;

    private static Results sample(Results.Memory memory) {
        return sample(memory, Results.Rate.of(1_000_000, Cpu.NONE, untimed(20.0, 12.0)));
    }

    private static Results sampleWith(Results.Rate passThrough) {
        return sample(null, passThrough);
    }

    private static Results sample(Results.Memory memory, Results.Rate passThrough) {
        Results.Rate monitor = Results.Rate.of(1_000_000, Cpu.NONE, new CatchUp.Timing(40.0, 30.0, Cpu.NONE, Cpu.NONE,
                        37.5))
                .withCpuByThreads(new LinkedHashMap<>(Map.of(ThreadCpu.APPLICATION, 35.5)),
                        new LinkedHashMap<>(Map.of(ThreadCpu.APPLICATION, 6.2)));
        Results.Latency latency = new Results.Latency(2_000, 10, 2_000, 900, 1_400, 1_600, 5.0);
        return new Results("2026-11-23T01:00:00Z",
                new Results.Machine(2, "cpu", 24L << 30, "jdk", "Linux", "4.00 4.00 4.00", "5.00 5.00 5.00",
                        "bench/target/aot/complaint-monitor.aot"),
                Results.BenchOptionsView.of(BenchOptions.defaults()), Results.Rate.of(1_000_000, 10),
                Results.Rate.of(1_000_000, 4), passThrough, Results.Rate.of(1_000_000, Cpu.NONE, untimed(25.0, 15.0)),
                monitor, 0.5, latency, memory,
                Results.targets(0.5, monitor, latency, memory), true, List.of("a note"));
    }

    @Test
    void shouldWriteEveryFigureAsJson() throws Exception {
        Path file = dir.resolve("results/latest.json");

        sample(null).write(file);

        JsonNode json = Results.JSON.readTree(Files.readString(file));
        assertThat(json.at("/monitorExactlyOnce/perSecond").asDouble()).isEqualTo(25_000.0);
        assertThat(json.at("/passThroughExactlyOnce/perSecond").asDouble()).isEqualTo(50_000.0);
        assertThat(json.at("/monitorExactlyOnce/secondHalfPerSecond").asDouble()).isEqualTo(50_000.0);
        assertThat(json.at("/passThroughExactlyOnce/secondHalfPerSecond").asDouble()).isEqualTo(62_500.0);
        assertThat(json.at("/write/secondHalfPerSecond").isNull()).isTrue();
        assertThat(json.at("/monitorExactlyOnce/readAllSeconds").asDouble()).as("kept with the CPU by thread")
                .isEqualTo(37.5);
        assertThat(json.at("/passThroughExactlyOnce/readAllSeconds").isNull()).as("not seen").isTrue();
        assertThat(json.at("/keyedCountExactlyOnce/perSecond").asDouble()).isEqualTo(40_000.0);
        assertThat(json.at("/monitorToPassThroughRatio").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/alertLatency/p99Ms").asDouble()).isEqualTo(1_400.0);
        assertThat(json.at("/machine/loadAverageAtStart").asText()).isEqualTo("4.00 4.00 4.00");
        assertThat(json.at("/machine/aotCache").asText()).isEqualTo("bench/target/aot/complaint-monitor.aot");
        assertThat(json.at("/options/minRatio").asDouble()).isEqualTo(0.3);
        assertThat(json.get("memory").isNull()).isTrue();
        assertThat(json.at("/floorPassed").asBoolean()).isTrue();
        assertThat(json.at("/notes/0").asText()).isEqualTo("a note");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void shouldRateTheSecondHalfFromTheMomentHalfWasCommitted() {
        Results.Rate rate = Results.Rate.of(1_001, Cpu.NONE, untimed(10.0, 6.0));

        assertThat(rate.perSecond()).isEqualTo(100.0);
        assertThat(rate.secondHalfPerSecond()).as("501 records in the last 4 s").isEqualTo(125.0);
    }

    @Test
    void shouldNotRateASecondHalfTooShortToTime() {
        assertThat(Results.Rate.of(10_000, Cpu.NONE, untimed(5.0, 3.5)).secondHalfPerSecond()).isNull();
        assertThat(Results.Rate.of(10_000, Cpu.NONE, untimed(7.0, 3.5)).secondHalfPerSecond())
                .as("3.5 s: under two commit intervals").isNull();
        assertThat(Results.Rate.of(10_000, Cpu.NONE, untimed(5.0, 5.0)).secondHalfPerSecond()).isNull();
        assertThat(ResultTable.render(sampleWith(Results.Rate.of(10_000, Cpu.NONE, untimed(5.0, 5.0)))))
                .containsPattern("pass-through Streams, exactly-once +10,000 +5.0 +2,000 +- +- +-\\n");
    }

    @Test
    void shouldRateTheCpuOfTheWholeRunAndOfItsSecondHalf() {
        Cpu start = new Cpu(0, 10_000_000_000L);
        Cpu half = new Cpu(60_000_000_000L, 40_000_000_000L);
        Cpu end = new Cpu(100_000_000_000L, 70_000_000_000L);

        Results.Rate rate = Results.Rate.of(1_000_000, start, new CatchUp.Timing(40.0, 25.0, half, end, null));

        assertThat(rate.streamCpuMicrosPerRecord()).as("100 s of stream thread for a million").isEqualTo(100.0);
        assertThat(rate.secondHalfStreamCpuMicrosPerRecord()).as("40 s for the second half million").isEqualTo(80.0);
        assertThat(rate.processCores()).as("60 s of process CPU in 40 s").isEqualTo(1.5);
        assertThat(rate.secondHalfProcessCores()).as("30 s in 15 s").isEqualTo(2.0);
        assertThat(ResultTable.render(sampleWith(rate)))
                .containsPattern("pass-through Streams, exactly-once +1,000,000 +40.0 +25,000 +33,333 +100.0 \\(80.0\\)"
                        + " +1.50 \\(2.00\\)\\n");
        assertThat(rate.cpuBoundPerSecond(2)).as("60 core-seconds on 2 cores: 30 s at best").isEqualTo(33_333.0);
        assertThat(Results.Rate.of(1_000_000, 10).cpuBoundPerSecond(2)).as("CPU not measured").isNull();
    }

    @Test
    void shouldPrintTheMonitorsCpuBoundCeiling() {
        Cpu start = new Cpu(0, 0);
        Cpu end = new Cpu(25_000_000_000L, 64_000_000_000L);
        Results.Rate monitor = Results.Rate.of(1_000_000, start, new CatchUp.Timing(40.0, 25.0, Cpu.NONE, end, null));
        Results sample = sampleWith(Results.Rate.of(1_000_000, 5));
        Results withMonitor = new Results(sample.startedAt(), sample.machine(), sample.options(), sample.write(),
                sample.plainConsumer(), sample.passThroughExactlyOnce(), sample.keyedCountExactlyOnce(), monitor,
                sample.monitorToPassThroughRatio(), sample.alertLatency(), sample.memory(), sample.targets(),
                sample.floorPassed(), sample.notes());

        assertThat(ResultTable.render(withMonitor))
                .contains("full monitor's CPU-bound ceiling: 31,250 events/s"
                        + " (64.0 core-seconds over 2 cores, no waits)");
    }

    @Test
    void shouldJudgeEachTargetAndSayWhichWereNotMeasured() {
        List<Results.Target> targets = sample(null).targets();

        assertThat(targets).extracting(Results.Target::met).containsExactly(false, false, true, null, null);
        assertThat(targets.get(3).measured()).isEqualTo("not measured");
    }

    @Test
    void shouldJudgeMemoryAndRestartWhenMeasured() {
        Results.Memory memory = new Results.Memory(1_000_000, "512m", 30, 60, 16_667, 900L << 20, 800L << 20,
                400L << 20, 512L << 20, 3, 8, 16);

        List<Results.Target> targets = sample(memory).targets();

        assertThat(targets.get(3).met()).isTrue();
        assertThat(targets.get(3).measured()).isEqualTo("900 MiB");
        assertThat(targets.get(4).met()).isFalse();
    }

    @Test
    void shouldKeepThePhasesCpuByThreadInOrderAndPrintTheMonitors() throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(ThreadCpu.APPLICATION, 35.5);
        seconds.put(ThreadCpu.JIT, 20.0);
        seconds.put(ThreadCpu.OTHER, 4.5);
        Results.Rate rate = Results.Rate.of(1_000_000, Cpu.NONE, untimed(40.0, 30.0))
                .withCpuByThreads(seconds, Map.of());

        assertThat(rate.cpuSecondsByThreads().keySet())
                .containsExactly(ThreadCpu.APPLICATION, ThreadCpu.JIT, ThreadCpu.OTHER);
        assertThat(Results.Rate.of(1_000_000, 10).withCpuByThreads(Map.of(), Map.of()).cpuSecondsByThreads())
                .as("not measured").isNull();
        assertThat(rate.cpuWaitSecondsByThreads()).as("no scheduler statistics").isNull();
        Path file = dir.resolve("cpu.json");
        sample(null).write(file);
        assertThat(Results.JSON.readTree(Files.readString(file)).at("/monitorExactlyOnce/cpuSecondsByThreads")
                .get(ThreadCpu.APPLICATION).asDouble()).isEqualTo(35.5);
        assertThat(Results.JSON.readTree(Files.readString(file)).at("/monitorExactlyOnce/cpuWaitSecondsByThreads")
                .get(ThreadCpu.APPLICATION).asDouble()).isEqualTo(6.2);
        assertThat(ResultTable.render(sample(null))).contains("full monitor's CPU seconds by thread: "
                + ThreadCpu.APPLICATION + " 35.5\n").contains("full monitor's seconds ready but waiting for a core: "
                + ThreadCpu.APPLICATION + " 6.2\n");
        assertThat(ResultTable.render(sampleWith(rate))).doesNotContain("JIT compiler")
                .as("only the monitor's phase is printed in the table");
    }

    @Test
    void shouldPrintTheTableWithTheMachineAndEveryTarget() {
        String table = ResultTable.render(sample(null));

        assertThat(table).contains("2 cores", "AOT cache bench/target/aot/complaint-monitor.aot",
                "load 4.00 4.00 4.00 -> 5.00 5.00 5.00", "monitor / pass-through: 0.50",
                "second halves alone: 0.80", "2nd half/s", "50,000", "keyed count in RocksDB", "40,000",
                "p99 1400 ms", "MISSED", "not measured", "note: a note");
    }

    /** A catch-up timing without CPU samples, as for a phase in another process. */
    private static CatchUp.Timing untimed(double seconds, double halfSeconds) {
        return new CatchUp.Timing(seconds, halfSeconds, Cpu.NONE, Cpu.NONE, null);
    }
}
