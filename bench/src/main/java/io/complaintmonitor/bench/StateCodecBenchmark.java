package io.complaintmonitor.bench;

import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.lifecycle.LifecycleCodecs;
import io.complaintmonitor.lifecycle.TrackedComplaint;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The complaint-state store's binary format ({@link LifecycleCodecs#TRACKED}): every complaint an
 * event changed is encoded once at the next commit, and decoded when it is not in the object
 * cache. The complaint is {@link ComplaintRulesBenchmark}'s, with its history: received,
 * acknowledged, the resident updated and an extension agreed, the response's checks pending.
 * Run with {@code -prof gc}: the bytes allocated per operation are exact where the times are not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateCodecBenchmark {

    @State(Scope.Benchmark)
    public static class Stored {
        TrackedComplaint tracked;
        byte[] bytes;

        @Setup
        public void setUp() {
            ComplaintRulesBenchmark.Complaint c = new ComplaintRulesBenchmark.Complaint();
            c.setUp();
            List<Deadline> pending = c.rules.advanceTo(c.withHistory, c.beforeNextDeadline).deadlines();
            Instant wake = pending.stream().map(Deadline::at).min(Instant::compareTo).orElse(TrackedComplaint.NO_WAKE);
            tracked = new TrackedComplaint(c.withHistory, pending, c.beforeNextDeadline, wake);
            bytes = LifecycleCodecs.TRACKED.encode(tracked);
        }
    }

    @Benchmark
    public byte[] encode(Stored s) {
        return LifecycleCodecs.TRACKED.encode(s.tracked);
    }

    @Benchmark
    public TrackedComplaint decode(Stored s) {
        return LifecycleCodecs.TRACKED.decode(s.bytes);
    }
}
