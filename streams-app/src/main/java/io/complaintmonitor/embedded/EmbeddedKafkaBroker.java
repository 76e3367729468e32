package io.complaintmonitor.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker running in this JVM: KRaft combined mode
 * (broker and controller in one node) on 127.0.0.1, started from Kafka's own server classes.
 *
 * <p>The data directory is Kafka's log directory and metadata log directory. It is formatted on
 * first use only, so a broker started again over the same directory keeps its topics, records
 * and committed offsets. The listener ports are remembered in the directory (see {@link PortFile})
 * so that a restart comes back on the same address.
 *
 * <p>One instance is one broker lifetime: {@link #start()} once, {@link #close()} once. To restart,
 * close it and create a new instance over the same directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Path dataDirectory;
    private final int requestedBrokerPort;

    private KafkaRaftServer server;
    private int brokerPort;
    private boolean closed;

    private EmbeddedKafkaBroker(final Path dataDirectory, final int brokerPort) {
        if (brokerPort < 0 || brokerPort > 65_535) {
            throw new IllegalArgumentException("broker port must be 0 (any free port) or 1-65535, was " + brokerPort);
        }
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        this.requestedBrokerPort = brokerPort;
    }

    /**
     * A broker that will keep its data in {@code dataDirectory} and listen for clients on
     * {@code brokerPort}; 0 means the port remembered from an earlier run over this directory,
     * or else any free port.
     */
    public static EmbeddedKafkaBroker create(final Path dataDirectory, final int brokerPort) {
        return new EmbeddedKafkaBroker(dataDirectory, brokerPort);
    }

    /** Formats the data directory if it is new, then starts the broker; returns when it serves clients. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null || closed) {
            throw new IllegalStateException("an EmbeddedKafkaBroker starts once; create a new one to restart");
        }
        final long startNanos = System.nanoTime();
        final PortFile.Ports ports = choosePorts();
        final boolean fresh = !Files.exists(dataDirectory.resolve("meta.properties"));
        if (fresh) {
            format(ports.controllerPort());
        }
        final KafkaRaftServer starting = new KafkaRaftServer(
                KafkaConfig.fromProps(brokerProperties(ports), false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException | Error e) {
            // A half-started controller leaves non-daemon threads spinning: stop them before failing.
            shutdownQuietly(starting);
            if (e instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Kafka broker failed to start in " + dataDirectory, e);
        }
        server = starting;
        brokerPort = ports.brokerPort();
        PortFile.write(dataDirectory, ports);
        LOG.info("Kafka broker started on {} ({} data in {}) in {} ms",
                bootstrapServers(), fresh ? "new" : "existing", dataDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return this;
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("broker not started");
        }
        return HOST + ":" + brokerPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Waits until the broker answers an Admin client and every partition it knows has a leader.
     * After a restart over existing data, leaders come back some seconds after {@link #start()}
     * returns; producing before that ends in retries that can wedge an idempotent producer.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public void awaitReady(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    final List<String> leaderless = leaderlessPartitions(admin, remaining(deadline));
                    if (leaderless.isEmpty()) {
                        return;
                    }
                    lastFailure = new IllegalStateException("partitions without a leader: " + leaderless);
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                }
                if (remaining(deadline) <= 0) {
                    throw new IllegalStateException("Kafka broker on " + bootstrapServers()
                            + " not ready within " + timeout, lastFailure);
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Shuts the broker down cleanly and waits for it; the data stays in the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            final long startNanos = System.nanoTime();
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker on port {} stopped in {} ms",
                    brokerPort, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        }
    }

    private PortFile.Ports choosePorts() {
        final PortFile.Ports remembered = PortFile.read(dataDirectory).orElse(null);
        final int broker = requestedBrokerPort != 0 ? requestedBrokerPort
                : reusable(remembered == null ? 0 : remembered.brokerPort(), -1);
        return new PortFile.Ports(broker, reusable(remembered == null ? 0 : remembered.controllerPort(), broker));
    }

    /** The remembered port if it is still free, else any free port; never {@code taken}. */
    private static int reusable(final int remembered, final int taken) {
        if (remembered != 0 && remembered != taken && PortFile.isFree(HOST, remembered)) {
            return remembered;
        }
        int port;
        do {
            port = PortFile.freePort(HOST);
        } while (port == taken);
        return port;
    }

    private void format(final int controllerPort) {
        final String directory = dataDirectory.toString();
        final Uuid directoryId = Uuid.randomUuid();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(dataDirectory);
            // Dynamic quorum (KIP-853) with this node as its only voter, as `kafka-storage format --standalone`.
            // The metadata log directory must be named or no voter snapshot is written and startup hangs.
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(directory))
                    .setMetadataLogDirectory(directory)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setHasDynamicQuorum(true)
                    .setInitialControllers(DynamicVoters.parse(
                            NODE_ID + "@" + HOST + ":" + controllerPort + ":" + directoryId))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data directory " + dataDirectory, e);
        }
        LOG.debug("Formatted {}: {}", dataDirectory, output.toString(StandardCharsets.UTF_8).strip());
    }

    private Properties brokerProperties(final PortFile.Ports ports) {
        final Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + ports.brokerPort()
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + ports.controllerPort());
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + ports.brokerPort());
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("controller.quorum.bootstrap.servers", HOST + ":" + ports.controllerPort());
        props.put("log.dirs", dataDirectory.toString());
        props.put("metadata.log.dir", dataDirectory.toString());
        // One node: internal topics cannot ask for more replicas than there are brokers.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the default 50: quicker first group join and restart on 2 cores.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // Nobody else will join: do not hold the first rebalance back.
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static List<String> leaderlessPartitions(final Admin admin, final long timeoutNanos)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (admin.describeCluster().nodes().get(timeoutNanos, TimeUnit.NANOSECONDS).isEmpty()) {
            return List.of("(no broker registered yet)");
        }
        final Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names().get(timeoutNanos, TimeUnit.NANOSECONDS);
        final Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
                .allTopicNames().get(timeoutNanos, TimeUnit.NANOSECONDS);
        return descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .filter(partition -> !hasLeader(partition))
                        .map(partition -> topic.name() + "-" + partition.partition()))
                .sorted()
                .toList();
    }

    private static boolean hasLeader(final TopicPartitionInfo partition) {
        final Node leader = partition.leader();
        return leader != null && !leader.isEmpty();
    }

    private static long remaining(final long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static void shutdownQuietly(final KafkaRaftServer starting) {
        try {
            starting.shutdown();
            starting.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while shutting down a Kafka broker that failed to start", e);
        }
    }
}
