package io.complaintmonitor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.complaintmonitor.testing.KafkaTestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process broker against real clients. One broker serves the whole class; the restart
 * tests start their own over their own directories. It does not use the broker of
 * {@link KafkaTestCluster}, so it tests the embedded broker even when other ITs use a container.
 */
class EmbeddedKafkaBrokerIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path sharedDirectory;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.create(sharedDirectory, 0).start();
        broker.awaitReady(READY_TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldListenOnLoopbackWhenStarted() {
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d{2,5}");
    }

    @Test
    void shouldDeliverRecordsInOrderWhenIdempotentProducerSends() throws Exception {
        final String topic = KafkaTestCluster.uniqueName("idempotent");
        createTopic(broker, topic);

        final List<RecordMetadata> sent = sendIdempotently(broker, topic, values("record", 20));

        assertThat(sent).extracting(RecordMetadata::offset)
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(Long::valueOf).toList());
        assertThat(consumeValues(broker, topic, 20, "read_uncommitted"))
                .containsExactlyElementsOf(values("record", 20));
    }

    @Test
    void shouldExposeOnlyCommittedTransactionsWhenReadCommitted() throws Exception {
        final String topic = KafkaTestCluster.uniqueName("transactional");
        createTopic(broker, topic);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaTestCluster.uniqueName("tx"),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            // initTransactions needs the transaction state log, which needs replication factor 1 here.
            producer.initTransactions();
            producer.beginTransaction();
            values("aborted", 3).forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.abortTransaction();
            producer.beginTransaction();
            values("committed", 5).forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.commitTransaction();
        }

        assertThat(consumeValues(broker, topic, 5, "read_committed"))
                .containsExactlyElementsOf(values("committed", 5));
    }

    @Test
    void shouldResumeFromCommittedOffsetWhenConsumerGroupRejoins() throws Exception {
        final String topic = KafkaTestCluster.uniqueName("group");
        final String group = KafkaTestCluster.uniqueName("group");
        createTopic(broker, topic);
        sendIdempotently(broker, topic, values("first", 4));

        assertThat(consumeInGroup(broker, topic, group, 4)).containsExactlyElementsOf(values("first", 4));
        sendIdempotently(broker, topic, values("second", 3));

        assertThat(committedOffset(broker, group, topic)).isEqualTo(4);
        assertThat(consumeInGroup(broker, topic, group, 3)).containsExactlyElementsOf(values("second", 3));
        assertThat(committedOffset(broker, group, topic)).isEqualTo(7);
    }

    @Test
    void shouldKeepRecordsOffsetsAndPortWhenRestartedOverSameDirectoryOnFixedPort(@TempDir final Path directory)
            throws Exception {
        final String topic = KafkaTestCluster.uniqueName("durable");
        final String group = KafkaTestCluster.uniqueName("durable");
        final String firstAddress;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.create(directory, 0).start()) {
            first.awaitReady(READY_TIMEOUT);
            firstAddress = first.bootstrapServers();
            createTopic(first, topic);
            sendIdempotently(first, topic, values("kept", 6));
            consumeInGroup(first, topic, group, 6);
        }
        final int port = Integer.parseInt(firstAddress.substring(firstAddress.lastIndexOf(':') + 1));

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.create(directory, port).start()) {
            second.awaitReady(READY_TIMEOUT);

            assertThat(second.bootstrapServers()).isEqualTo(firstAddress);
            assertThat(consumeValues(second, topic, 6, "read_uncommitted"))
                    .containsExactlyElementsOf(values("kept", 6));
            assertThat(committedOffset(second, group, topic)).isEqualTo(6);
            // After a restart the broker must accept writes again, not only serve old ones.
            assertThat(sendIdempotently(second, topic, values("after", 1)).get(0).offset()).isEqualTo(6);
        }
    }

    @Test
    void shouldComeBackOnRememberedPortWhenRestartedWithoutFixedPort(@TempDir final Path directory) {
        final String firstAddress;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.create(directory, 0).start()) {
            firstAddress = first.bootstrapServers();
        }

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.create(directory, 0).start()) {
            second.awaitReady(READY_TIMEOUT);
            assertThat(second.bootstrapServers()).isEqualTo(firstAddress);
        }
    }

    @Test
    void shouldFailWithoutLeavingKafkaThreadsWhenBrokerPortIsTaken(@TempDir final Path directory) throws Exception {
        final Set<Thread> threadsBefore = liveNonDaemonThreads();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             EmbeddedKafkaBroker blocked = EmbeddedKafkaBroker.create(directory, squatter.getLocalPort())) {

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to start");
        }
        // A half-started controller that is not shut down keeps non-daemon threads spinning.
        await("threads of the broker that failed to start to end")
                .atMost(Duration.ofSeconds(10))
                .pollInSameThread() // Awaitility's own poller is a non-daemon thread too
                .untilAsserted(() -> assertThat(liveNonDaemonThreads()).isSubsetOf(threadsBefore));
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> values(final String prefix, final int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static void createTopic(final EmbeddedKafkaBroker target, final String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static long committedOffset(final EmbeddedKafkaBroker target, final String group, final String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
            final Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.get(new TopicPartition(topic, 0)).offset();
        }
    }

    /** Sends one value per record and waits for every acknowledgement: a failed send fails the test. */
    private static List<RecordMetadata> sendIdempotently(final EmbeddedKafkaBroker target, final String topic,
                                                         final List<String> values)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            final List<Future<RecordMetadata>> futures = values.stream()
                    .map(value -> producer.send(new ProducerRecord<>(topic, value, value)))
                    .toList();
            final List<RecordMetadata> acknowledged = new ArrayList<>();
            for (Future<RecordMetadata> future : futures) {
                acknowledged.add(future.get(30, TimeUnit.SECONDS));
            }
            return acknowledged;
        }
    }

    /** Reads the topic from the beginning without a group until {@code count} values arrived. */
    private static List<String> consumeValues(final EmbeddedKafkaBroker target, final String topic,
                                              final int count, final String isolationLevel) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            return pollUntil(consumer, topic, count);
        }
    }

    /** Reads as a member of {@code group}, then commits what it read. */
    private static List<String> consumeInGroup(final EmbeddedKafkaBroker target, final String topic,
                                               final String group, final int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            final List<String> values = pollUntil(consumer, topic, count);
            consumer.commitSync(Duration.ofSeconds(30));
            return values;
        }
    }

    private static List<String> pollUntil(final KafkaConsumer<String, String> consumer, final String topic,
                                          final int count) {
        final List<String> values = new ArrayList<>();
        await(count + " records from " + topic)
                .atMost(RECORDS_TIMEOUT)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                    return values.size() >= count;
                });
        return values;
    }
}
