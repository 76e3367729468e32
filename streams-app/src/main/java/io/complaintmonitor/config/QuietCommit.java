package io.complaintmonitor.config;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams for a commit as soon as a stream thread goes quiet with work it has not
 * committed, instead of leaving that work to the commit interval.
 *
 * <p>Under exactly-once, what a task writes is seen only once its transaction commits. The interval
 * is long, so that catching up commits seldom (see {@link StreamsProperties}). Without this, the
 * last events of a burst (a CRM export, the end of a backfill) waited up to an interval to be
 * committed. What they sent through a repartition topic then waited another interval before the
 * task reading it could commit in turn. While records keep coming the thread is never quiet, so
 * catching up commits no more often than before.
 *
 * <p>Quiet is judged per stream thread, not per task. Under exactly-once a thread's tasks share
 * one transaction: one task's request commits them all, and a task with nothing left to do must
 * not commit while another task on its thread is still busy. So one instance serves every
 * processor of a topology, and keeps what it knows per thread.
 */
public final class QuietCommit {

    /** How long a thread must have done nothing before its work is committed. */
    public static final Duration QUIET = Duration.ofMillis(100);

    /**
     * What one stream thread has done. Work is counted, not timed: the wall-clock time a processor
     * sees is the thread's, taken before a whole batch of records, so a long batch would look like
     * a quiet spell. Quiet is two checks, {@link #QUIET} apart, that found the same count.
     */
    private static final class Activity {
        /** Pieces of work done. */
        long work;
        /** The count the checks last saw change, and when. */
        long seen;
        long quietSince;
        /** The count when a commit was last asked for. */
        long asked;
    }

    private final ThreadLocal<Activity> threads = ThreadLocal.withInitial(Activity::new);

    /**
     * Notes that the calling stream thread did work a commit must publish: a record processed, or
     * records forwarded by a punctuator.
     */
    public void worked() {
        threads.get().work++;
    }

    /**
     * Asks for a commit if this thread has worked since it last asked and no check has seen it
     * work for {@link #QUIET}. Call it from a wall-clock punctuator the task has anyway, with the
     * time it was given: each punctuation halves the batch of records Kafka Streams processes
     * between its checks, so a punctuator of its own in every task would cost throughput. Kafka
     * Streams counts a punctuation as a change to commit, so the request is honoured, and it then
     * commits every task of the thread that needs it.
     */
    public void check(ProcessorContext<?, ?> context, long now) {
        Activity thread = threads.get();
        if (thread.work != thread.seen) {
            thread.seen = thread.work;
            thread.quietSince = now;
        } else if (thread.work != thread.asked && now - thread.quietSince >= QUIET.toMillis()) {
            thread.asked = thread.work;
            context.commit();
        }
    }
}
