package io.complaintmonitor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.complaintmonitor.config.TopicDescriptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema log in a compacted, single-partition Kafka topic ({@code _schemas} by default), so ids
 * survive a restart. Keys and values are JSON in the shape Confluent's registry writes
 * ({@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}); compaction keeps the last value
 * per subject and version, which is all a replay needs.
 */
public final class KafkaSchemaLog implements SchemaLog {

    public static final String DEFAULT_TOPIC = "_schemas";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaLog(Map<String, Object> clientConfig, String topic, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topic = topic;
        this.timeout = timeout;
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000));
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-log-producer");
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Opens the log on {@code topic}, creating it (compacted, 1 partition, {@code replicationFactor})
     * if absent. {@code clientConfig} holds {@code bootstrap.servers} and any security settings.
     */
    public static KafkaSchemaLog open(Map<String, Object> clientConfig, String topic, short replicationFactor,
            Duration timeout) {
        ensureTopic(clientConfig, topic, replicationFactor, timeout);
        return new KafkaSchemaLog(clientConfig, topic, timeout);
    }

    /** {@link #DEFAULT_TOPIC} with replication factor 1, for the one-machine monitor. */
    public static KafkaSchemaLog open(String bootstrapServers) {
        return open(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), DEFAULT_TOPIC,
                (short) 1, Duration.ofSeconds(30));
    }

    public String topic() {
        return topic;
    }

    @Override
    public List<StoredSchema> replay() {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "schema-log-reader");
        TopicPartition partition = new TopicPartition(topic, 0);
        // Keyed by subject and version, in first-seen order: a later record for the key replaces it.
        Map<String, StoredSchema> latestByKey = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaLogException("timed out after " + timeout + " reading " + topic
                            + " to offset " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyRecord(record, latestByKey);
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new SchemaLogException("timed out reading " + topic + ": " + e.getMessage(), e);
        }
        LOG.info("Replayed {} schema versions from {}", latestByKey.size(), topic);
        return List.copyOf(latestByKey.values());
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record, Map<String, StoredSchema> latestByKey) {
        if (record.key() == null) {
            return;
        }
        try {
            JsonNode key = JSON.readTree(record.key());
            // Confluent also writes NOOP, CONFIG, MODE and DELETE_SUBJECT records: only schemas matter here.
            if (!key.path("keytype").asText().equals("SCHEMA")) {
                return;
            }
            String mapKey = key.path("subject").asText() + "\u0000" + key.path("version").asInt();
            if (record.value() == null) {
                latestByKey.remove(mapKey);
                return;
            }
            JsonNode value = JSON.readTree(record.value());
            if (value.path("deleted").asBoolean(false)
                    || !value.path("schemaType").asText("AVRO").equals("AVRO")) {
                return;
            }
            latestByKey.remove(mapKey);
            latestByKey.put(mapKey, new StoredSchema(value.path("subject").asText(), value.path("version").asInt(),
                    value.path("id").asInt(), value.path("schema").asText()));
        } catch (IOException | IllegalArgumentException e) {
            // Refuse to start rather than hand out ids that may already be taken.
            throw new SchemaLogException("unreadable record at " + topic + " offset " + record.offset()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(StoredSchema entry) {
        // Insertion-ordered: compaction compares key bytes, so the same key must always print the same.
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("keytype", "SCHEMA");
        key.put("subject", entry.subject());
        key.put("version", entry.version());
        key.put("magic", 1);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("subject", entry.subject());
        value.put("version", entry.version());
        value.put("id", entry.id());
        value.put("schema", entry.schema());
        value.put("deleted", false);
        try {
            producer.send(new ProducerRecord<>(topic, 0, json(key), json(value))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw new SchemaLogException("could not write " + entry.subject() + " version " + entry.version()
                    + " to " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaLogException("no acknowledgement within " + timeout + " writing to " + topic, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new SchemaLogException("could not write to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }

    private static void ensureTopic(Map<String, Object> clientConfig, String topic, short replicationFactor,
            Duration timeout) {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created schema log topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new SchemaLogException("could not create " + topic + ": " + e.getCause(), e.getCause());
                }
            }
            TopicDescription description = TopicDescriptions.describe(admin, Set.of(topic), timeout).get(topic);
            // Ids are handed out in log order, which only a single partition has.
            if (description.partitions().size() != 1) {
                throw new SchemaLogException(topic + " has " + description.partitions().size()
                        + " partitions; the schema log needs exactly 1");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaLogException("could not check topic " + topic + ": " + e, e);
        }
    }

    private static byte[] json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new SchemaLogException("could not encode a schema log record", e);
        }
    }
}
