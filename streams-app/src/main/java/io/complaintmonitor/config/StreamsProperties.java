package io.complaintmonitor.config;

import io.complaintmonitor.ingest.DeadLetterDeserializationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Kafka Streams settings of the monitor, apart from the code that starts it. */
public final class StreamsProperties {

    /**
     * How often the tasks commit while busy. A thread commits sooner when it goes quiet
     * ({@link QuietCommit}) and when the tracking task raises an alert while live, so this paces
     * only catching up: a transaction stays open about this long, half the 10 s timeout Kafka
     * Streams gives it under exactly-once.
     */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    private StreamsProperties() {
    }

    /** Every Kafka Streams setting of the monitor, with its error handlers counting into {@code meters}. */
    public static Properties of(MonitorConfig config, MeterRegistry meters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
        // Where other instances reach this one's query API: Streams shares it in the group's metadata,
        // so any instance can tell which one holds a key (http.InstanceRouter).
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedEndpoint());
        // Under exactly-once a commit publishes what the tasks wrote. Alerts must leave within
        // seconds of their deadline: the tracking task asks for a commit when it raises one while
        // live, so the interval can be long enough for the object caches to write a busy key once
        // per commit instead of again and again while catching up (see docs/development.md).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.MEMORY_MB_CONFIG, Integer.toString(config.rocksDbMemoryMb()));
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // One produce request in flight: with more, under transactions v2 a partition's later batch
        // could reach the broker after the previous transaction completed but before a retried
        // first batch and get OutOfOrderSequenceException, after which the transaction could time
        // out and fence the producer. (Fencing still comes, rarely, another way: bench/README.md,
        // "The ahead-of-time cache, adopted".) Unprefixed, so a kafka.* setting wins.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // Undecodable records: dead-lettered as bytes with lineage, in the transaction that moves past them.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(DeadLetterDeserializationHandler.TOPICS_CONFIG, config.topics());
        props.put(DeadLetterDeserializationHandler.METER_REGISTRY_CONFIG, meters);
        // A processor that throws on one record (a bug, or a clock past the calendar) dead-letters that
        // record with Kafka's error headers and goes on, rather than stopping every complaint's clock.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
        // kafka.* settings (security, tuning) go to every client last, so they win.
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
