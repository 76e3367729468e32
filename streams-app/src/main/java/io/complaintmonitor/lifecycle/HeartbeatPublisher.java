package io.complaintmonitor.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the monitor's clock with the wall clock: every interval, one tick per heartbeat partition,
 * stamped with the current time and this application's id. Ticks are sent only while the monitor
 * has caught up with its inputs (for a few beats in a row, see {@link CatchUpGate}), so a replay
 * never judges a deadline before the events that precede it in the log; once caught up, an
 * overdue alert follows its deadline within an interval and a commit.
 */
public final class HeartbeatPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final Producer<String, String> producer;
    private final String topic;
    private final int partitions;
    private final String applicationId;
    private final Clock clock;
    private final BooleanSupplier caughtUp;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** Two repartition hops (event ids, then complaints), plus the observation itself. */
    private final CatchUpGate gate = new CatchUpGate(3);
    private volatile boolean wasCaughtUp;

    public HeartbeatPublisher(Producer<String, String> producer, String topic, int partitions, String applicationId,
            Clock clock, BooleanSupplier caughtUp) {
        this.producer = producer;
        this.topic = topic;
        this.partitions = partitions;
        this.applicationId = applicationId;
        this.clock = clock;
        this.caughtUp = caughtUp;
    }

    public void start(Duration interval) {
        scheduler.scheduleAtFixedRate(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: a tick to every partition if caught up. Package-visible for tests. */
    void beat() {
        try {
            boolean now = gate.observe(caughtUp.getAsBoolean());
            if (now != wasCaughtUp) {
                LOG.info(now ? "caught up with the inputs: the clock follows the wall clock"
                        : "behind the inputs: the clock waits for the events to be processed");
                wasCaughtUp = now;
            }
            if (!now) {
                return;
            }
            long timestamp = clock.millis();
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, timestamp, null, applicationId), (meta, error) -> {
                    if (error != null) {
                        LOG.warn("heartbeat to {} failed: {}", topic, error.getMessage());
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            // A missed beat only delays alerts by an interval; never let it stop the schedule.
            LOG.warn("heartbeat round failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
