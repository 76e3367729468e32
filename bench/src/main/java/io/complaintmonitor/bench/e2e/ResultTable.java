package io.complaintmonitor.bench.e2e;

import java.util.Locale;
import java.util.Map;

/** The results on one screen. */
final class ResultTable {

    private ResultTable() {
    }

    static String render(Results r) {
        StringBuilder out = new StringBuilder();
        Results.Machine m = r.machine();
        out.append(String.format(Locale.ROOT, "machine: %d cores (%s), %.1f GiB, %s, %s; load %s -> %s%n",
                m.cores(), m.cpu(), m.memTotalBytes() / 1073741824.0, m.jdk(),
                m.aotCache() == null ? "no AOT cache" : "AOT cache " + m.aotCache(), m.loadAverageAtStart(),
                m.loadAverageAtEnd()));
        out.append(String.format(Locale.ROOT, "%-40s %12s %10s %12s %12s %16s %12s%n", "phase", "records", "seconds",
                "records/s", "2nd half/s", "CPU us/record", "JVM cores"));
        rate(out, "write simulated events (producer)", r.write());
        rate(out, "plain KafkaConsumer to the end", r.plainConsumer());
        rate(out, "pass-through Streams, exactly-once", r.passThroughExactlyOnce());
        rate(out, "keyed count in RocksDB, exactly-once", r.keyedCountExactlyOnce());
        rate(out, "full monitor, exactly-once", r.monitorExactlyOnce());
        if (r.monitorToPassThroughRatio() != null) {
            out.append(String.format(Locale.ROOT, "monitor / pass-through: %.2f (floor %.2f: %s)",
                    r.monitorToPassThroughRatio(), r.options().minRatio(), r.floorPassed() ? "passed" : "FAILED"));
            Double monitorHalf = r.monitorExactlyOnce().secondHalfPerSecond();
            Double passThroughHalf = r.passThroughExactlyOnce().secondHalfPerSecond();
            if (monitorHalf != null && passThroughHalf != null && passThroughHalf > 0) {
                out.append(String.format(Locale.ROOT, "; second halves alone: %.2f", monitorHalf / passThroughHalf));
            }
            out.append('\n');
        }
        Results.Rate monitor = r.monitorExactlyOnce();
        if (monitor != null) {
            byGroup(out, "full monitor's CPU seconds by thread", monitor.cpuSecondsByThreads());
            byGroup(out, "full monitor's seconds ready but waiting for a core", monitor.cpuWaitSecondsByThreads());
            Double ceiling = monitor.cpuBoundPerSecond(m.cores());
            if (ceiling != null) {
                out.append(String.format(Locale.ROOT, "full monitor's CPU-bound ceiling: %,.0f events/s"
                        + " (%.1f core-seconds over %d cores, no waits)%n",
                        ceiling, monitor.seconds() * monitor.processCores(), m.cores()));
            }
        }
        Results.Latency l = r.alertLatency();
        if (l != null) {
            out.append(String.format(Locale.ROOT,
                    "overdue alert latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d of %d deadlines, %d midnights)%n",
                    l.p50Ms(), l.p99Ms(), l.maxMs(), l.alertsSeen(), l.deadlines(), l.rounds()));
        }
        Results.Memory mem = r.memory();
        if (mem != null) {
            out.append(String.format(Locale.ROOT,
                    "memory, %,d complaints, -Xmx%s: peak RSS %.0f MiB, peak heap used %.0f MiB; caught up in %.1f s"
                            + " (%.0f events/s)%n", mem.complaints(), mem.xmx(), mem.peakRssBytes() / 1048576.0,
                    mem.peakHeapUsedBytes() / 1048576.0, mem.catchUpSeconds(), mem.eventsPerSecond()));
            out.append(String.format(Locale.ROOT,
                    "restart: stopped in %.1f s; ready (RUNNING) %.1f s, processing again %.1f s after start%n",
                    mem.stopSeconds(), mem.restartToReadySeconds(), mem.restartToProcessingSeconds()));
        }
        out.append("targets (measured, not asserted):\n");
        for (Results.Target t : r.targets()) {
            out.append(String.format(Locale.ROOT, "  %-44s %-10s %-14s %s%n", t.name(), t.target(), t.measured(),
                    t.met() == null ? "-" : t.met() ? "met" : "MISSED"));
        }
        for (String note : r.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void rate(StringBuilder out, String name, Results.Rate rate) {
        if (rate == null) {
            out.append(String.format(Locale.ROOT, "%-40s %12s%n", name, "not run"));
        } else {
            String secondHalf = rate.secondHalfPerSecond() == null ? "-"
                    : String.format(Locale.ROOT, "%,.0f", rate.secondHalfPerSecond());
            out.append(String.format(Locale.ROOT, "%-40s %,12d %10.1f %,12.0f %12s %16s %12s%n", name, rate.records(),
                    rate.seconds(), rate.perSecond(), secondHalf,
                    wholeAndHalf(rate.streamCpuMicrosPerRecord(), rate.secondHalfStreamCpuMicrosPerRecord(), "%.1f"),
                    wholeAndHalf(rate.processCores(), rate.secondHalfProcessCores(), "%.2f")));
        }
    }

    /** "whole (second half)", the whole alone, or "-" when not measured. */
    private static String wholeAndHalf(Double whole, Double half, String format) {
        if (whole == null) {
            return "-";
        }
        String text = String.format(Locale.ROOT, format, whole);
        return half == null ? text : text + " (" + String.format(Locale.ROOT, format, half) + ")";
    }

    private static void byGroup(StringBuilder out, String what, Map<String, Double> seconds) {
        if (seconds != null && !seconds.isEmpty()) {
            out.append(byGroupLine(what, seconds)).append('\n');
        }
    }

    /** "what: group seconds; group seconds", seconds by group of threads as {@link ThreadCpu} gives them. */
    static String byGroupLine(String what, Map<String, Double> seconds) {
        StringBuilder line = new StringBuilder(what + ":");
        seconds.forEach((group, s) -> line.append(String.format(Locale.ROOT, " %s %.1f;", group, s)));
        return line.substring(0, line.length() - 1);
    }
}
