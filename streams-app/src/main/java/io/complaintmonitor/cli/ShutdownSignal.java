package io.complaintmonitor.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM as a value: {@link #await} returns when one arrives (or the monitor fails),
 * and the JVM's shutdown hook waits until this signal is closed, so resources opened after it in
 * the same try-with-resources block are closed cleanly first.
 */
final class ShutdownSignal implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownSignal() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "complaint-monitor-shutdown");
    }

    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** 0 after a requested shutdown, 1 when {@code failure} completed first. */
    int await(CompletableFuture<Throwable> failure) throws InterruptedException {
        return await(failure, null);
    }

    /**
     * As {@link #await(CompletableFuture)}, and once {@code limit} has passed (null: no limit) a
     * stop as if requested: 0, the same clean close as after Ctrl-C.
     */
    int await(CompletableFuture<Throwable> failure, Duration limit) throws InterruptedException {
        failure.thenRun(requested::countDown);
        if (limit == null) {
            requested.await();
        } else if (!requested.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println("stopping complaint-monitor: " + limit.toSeconds() + " s passed (--stop-after)");
            return 0;
        }
        if (failure.isDone()) {
            System.err.println("complaint-monitor stopped: " + failure.join());
            return 1;
        }
        System.out.println("stopping complaint-monitor");
        return 0;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and now released.
        }
    }
}
