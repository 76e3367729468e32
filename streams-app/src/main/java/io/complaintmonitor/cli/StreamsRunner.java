package io.complaintmonitor.cli;

import io.complaintmonitor.metrics.MonitorMeters;
import io.complaintmonitor.metrics.StreamsStateGauge;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one Kafka Streams client: start, readiness, failure, and a clean close that
 * leaves the consumer group so the next start does not wait for the old session to expire.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final CompletableFuture<Void> running = new CompletableFuture<>();

    public StreamsRunner(Topology topology, Properties props, MonitorMeters meters) {
        this.streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            }
            if (now == KafkaStreams.State.ERROR) {
                failed.complete(new IllegalStateException("Kafka Streams reached ERROR"));
            }
        });
        streams.setUncaughtExceptionHandler(exception -> {
            // The monitor cannot judge deadlines with a dead thread: stop, and let the caller exit non-zero.
            LOG.error("Kafka Streams thread failed; shutting the monitor down", exception);
            failed.complete(exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        meters.bind(streams);
        StreamsStateGauge.register(meters.registry(), streams::state);
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Waits until RUNNING; fails fast if the client fails or the timeout passes first. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        try {
            CompletableFuture.anyOf(running, failed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka Streams not RUNNING after " + timeout + " (state "
                    + streams.state() + ")", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka Streams failed while starting", e.getCause());
        }
        if (failed.isDone()) {
            throw new IllegalStateException("Kafka Streams failed while starting", failed.join());
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Completes with the cause when a stream thread dies or the client reaches ERROR. */
    public CompletableFuture<Throwable> failure() {
        return failed;
    }

    @Override
    public void close() {
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {}", CLOSE_TIMEOUT);
        }
    }
}
