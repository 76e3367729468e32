package io.complaintmonitor.bench.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a Kafka Streams application has committed everything: every partition of its source
 * topics committed to the end offset, and every partition of its own repartition topics (named
 * {@code <application.id>-...}) to within one offset of the end: those are written in
 * transactions, and the commit marker after the last record is never itself consumed. Under
 * exactly-once a source offset is committed in the same transaction as the records it caused, so
 * the repartition topics hold them by then. Other inputs (the heartbeat topic, ticking every
 * second) are left out. The condition must hold on two polls in a row; the time reported is the
 * first of the two, so the figure is late by up to one poll interval ({@value #POLL_MS} ms) at most.
 * It also works out when half the source records had been processed, so the rate of the second
 * half (start-up and the JIT's first minute behind it) can be told apart from the whole: see
 * {@link #halfWay}.
 */
final class CatchUp {

    /**
     * @param seconds from start until caught up
     * @param halfSeconds from start until half the source records had been processed, read
     *     between the two commits either side of it ({@link #halfWay})
     * @param cpuAtHalf the CPU time used by then, read between the same two commits
     * @param cpuAtEnd the CPU time used at the poll that found it caught up
     * @param readSeconds from start until the application had read every input: the first poll of
     *     the last stretch of polls that found it so (null where that cannot be seen). What follows
     *     is the wait for the commits that publish the last of it
     */
    record Timing(double seconds, double halfSeconds, Cpu cpuAtHalf, Cpu cpuAtEnd, Double readSeconds) {
    }

    /** A poll that saw the committed source records change: when, how many, and the CPU used by then. */
    record Step(long atNanos, long done, Cpu cpu) {
    }

    static final long POLL_MS = 200;
    /** The commit marker after the last record of a transaction, never consumed itself. */
    static final long NO_TICKS_SLACK = 1;
    static final long TICKS_SLACK = 10;

    private CatchUp() {
    }

    /**
     * @return seconds from {@code startNanos} until the group had caught up, and until half was committed
     * @throws IllegalStateException if {@code failed} turns true or the timeout passes first
     */
    static Timing await(Admin admin, String groupId, List<String> sourceTopics, long startNanos, Duration timeout,
            BooleanSupplier failed, Supplier<Cpu> cpu, BooleanSupplier readAll) throws Exception {
        return await(admin, groupId, sourceTopics, NO_TICKS_SLACK, startNanos, timeout, failed, cpu, readAll);
    }

    /**
     * As above, allowing {@code slack} offsets behind the end on each repartition partition: with
     * heartbeats running, every tick writes a record and a commit marker to them, so they are never
     * still; a slack of a few tick-driven records lets the wait end without hiding real work. {@code cpu}
     * is sampled at the half-way poll and at the first caught-up poll ({@link Cpu#NONE} for an
     * application in another process). {@code readAll} says whether the application has read every
     * input to its end (always false for one in another process).
     */
    static Timing await(Admin admin, String groupId, List<String> sourceTopics, long slack, long startNanos,
            Duration timeout, BooleanSupplier failed, Supplier<Cpu> cpu, BooleanSupplier readAll) throws Exception {
        Set<TopicPartition> sources = partitionsOf(admin, sourceTopics);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        long firstCaughtUpAt = -1;
        Cpu cpuAtCaughtUp = Cpu.NONE;
        Step lastStep = null;
        Step half = null;
        long readSince = -1;
        while (true) {
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(groupId + " failed before catching up");
            }
            long now = System.nanoTime();
            if (!readAll.getAsBoolean()) {
                readSince = -1;
            } else if (readSince < 0) {
                readSince = now;
            }
            Map<TopicPartition, Long> committed = committed(admin, groupId);
            committed.keySet().removeIf(tp -> !sources.contains(tp) && !tp.topic().startsWith(groupId + "-"));
            Set<TopicPartition> all = new HashSet<>(sources);
            all.addAll(committed.keySet());
            Map<TopicPartition, Long> ends = endOffsets(admin, all);
            long done = sources.stream().mapToLong(tp -> committed.getOrDefault(tp, 0L)).sum();
            long total = sources.stream().mapToLong(tp -> ends.getOrDefault(tp, 0L)).sum();
            if (lastStep == null || done != lastStep.done()) {
                Step step = new Step(now, done, cpu.get());
                if (half == null && atLeastHalf(done, total)) {
                    half = lastStep == null ? step : halfWay(lastStep, step, total);
                }
                lastStep = step;
            }
            if (caughtUp(sources, committed, ends, slack)) {
                if (firstCaughtUpAt >= 0) {
                    return new Timing((firstCaughtUpAt - startNanos) / 1e9, (half.atNanos() - startNanos) / 1e9,
                            half.cpu(), cpuAtCaughtUp, readSince < 0 ? null : (readSince - startNanos) / 1e9);
                }
                firstCaughtUpAt = now;
                cpuAtCaughtUp = cpu.get();
            } else {
                firstCaughtUpAt = -1;
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("  %s: %,d of %,d source records committed after %.0f s%n", groupId, done, total,
                        (now - startNanos) / 1e9);
                lastReport = now;
            }
            if (now > deadline) {
                throw new IllegalStateException(groupId + " did not catch up within " + timeout);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * When half of {@code total} source records (rounded down, as the second half is rated) had
     * been processed, given the commit seen before it was passed and the one seen after. Under
     * exactly-once the committed count moves only at commits, each taking in what was processed
     * since the one before, so between two commits the records processed grow from one's count to
     * the other's: read in between, in proportion, for the time and the CPU alike. The poll that
     * first sees half committed is late by up to a whole commit interval, in which the thread may
     * have processed 150,000 records more; a second half timed from it would count them without
     * their time.
     */
    static Step halfWay(Step before, Step after, long total) {
        long half = total / 2;
        double fraction = after.done() <= before.done() ? 1
                : Math.min(1, Math.max(0, (double) (half - before.done()) / (after.done() - before.done())));
        return new Step(before.atNanos() + Math.round(fraction * (after.atNanos() - before.atNanos())), half,
                before.cpu().towards(after.cpu(), fraction));
    }

    /** Whether {@code done} of {@code total} source records is half or more (an empty total counts as half). */
    static boolean atLeastHalf(long done, long total) {
        return 2 * done >= total;
    }

    static boolean caughtUp(Set<TopicPartition> sources, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> ends, long slack) {
        for (TopicPartition tp : sources) {
            long end = ends.getOrDefault(tp, 0L);
            if (end > 0 && committed.getOrDefault(tp, -1L) < end) {
                return false;
            }
        }
        for (Map.Entry<TopicPartition, Long> entry : committed.entrySet()) {
            if (!sources.contains(entry.getKey()) && ends.getOrDefault(entry.getKey(), 0L) - entry.getValue() > slack) {
                return false;
            }
        }
        return true;
    }

    static Set<TopicPartition> partitionsOf(Admin admin, List<String> topics) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()
                .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        return partitions;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (e.getValue() != null) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
        }
        return offsets;
    }
}
