package io.complaintmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.complaintmonitor.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka cluster that integration tests talk to: one per test JVM, started on first use.
 *
 * <p>By default it is an in-process {@link EmbeddedKafkaBroker} in a temporary directory. With
 * {@code -Dkafka.cluster=testcontainers} it is instead an {@code apache/kafka} container from
 * Testcontainers (needs a Docker engine), to check that nothing depends on the in-process broker.
 *
 * <p>Why a lazily started JVM-wide singleton rather than a JUnit extension: a broker takes about
 * 4 s to start, so every test class should share one; a singleton reaches that with no annotation
 * and works from any helper, and failsafe runs all ITs in one forked JVM. A shutdown hook stops it
 * when the JVM exits. Because the cluster is shared, tests must not assume an empty cluster: take
 * topic names, group ids and application ids from {@link #uniqueName(String)}.
 */
public final class KafkaTestCluster {

    /** System property that selects the cluster: {@code embedded} (default) or {@code testcontainers}. */
    public static final String CLUSTER_PROPERTY = "kafka.cluster";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestCluster.class);
    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();

    private static String bootstrapServers;

    private KafkaTestCluster() {
    }

    /** Starts the shared cluster on first call; {@code host:port} for {@code bootstrap.servers}. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            final String kind = System.getProperty(CLUSTER_PROPERTY, "embedded");
            bootstrapServers = switch (kind) {
                case "embedded" -> startEmbedded();
                case "testcontainers" -> startContainer();
                default -> throw new IllegalArgumentException(
                        CLUSTER_PROPERTY + " must be 'embedded' or 'testcontainers', was '" + kind + "'");
            };
        }
        return bootstrapServers;
    }

    /** A name no other test in this JVM gets, safe for topics, group ids and application ids. */
    public static String uniqueName(final String prefix) {
        return prefix + "-" + NAME_COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String startEmbedded() {
        final Path directory;
        try {
            directory = Files.createTempDirectory("kafka-test-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(directory, 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            deleteRecursively(directory);
        }, "kafka-test-cluster-shutdown"));
        broker.awaitReady(Duration.ofSeconds(60));
        return broker.bootstrapServers();
    }

    private static String startContainer() {
        final KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-test-cluster-shutdown"));
        LOG.info("Kafka test cluster: container {} on {}", KAFKA_IMAGE, container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static void deleteRecursively(final Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }
}
