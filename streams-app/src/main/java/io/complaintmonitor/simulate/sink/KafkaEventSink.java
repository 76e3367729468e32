package io.complaintmonitor.simulate.sink;

import io.complaintmonitor.config.BulkProducer;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.Topics;
import io.complaintmonitor.ingest.SourceRecordSender;
import io.complaintmonitor.ingest.SourceRecords;
import io.complaintmonitor.ingest.SourceTopics;
import io.complaintmonitor.ingest.json.EventJsonCodec;
import io.complaintmonitor.ingest.json.SourcedRecord;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.serde.TopicSerdes;
import io.complaintmonitor.simulate.SimEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends records to the three source topics in Avro through the schema registry, as the CRM,
 * contractors and the form would ({@link SourceRecordSender}): record timestamp the event time,
 * key the complaint reference. Records are sent in batches and each batch is acknowledged before
 * the next; {@link #flush()} sends a partial batch. Bad records that break the contract go as
 * Avro; those with a format defect go as bytes that are not Avro: the record's JSON text
 * ({@link SimEvent.Defect#TRUNCATED}, {@link SimEvent.Defect#RENAMED_FIELD}) or a wrong magic byte
 * ({@link SimEvent.Defect#NO_OFFSET}).
 */
public final class KafkaEventSink implements EventSink {

    public static final int DEFAULT_BATCH = 2_000;

    private final Producer<byte[], byte[]> producer;
    private final SourceRecordSender sender;
    private final Topics topics;
    private final EventJsonCodec codec = new EventJsonCodec();
    private final int batchSize;
    private final List<SourcedRecord> batch = new ArrayList<>();

    public KafkaEventSink(Producer<byte[], byte[]> producer, Topics topics, TopicSerdes serdes, int batchSize) {
        this.producer = producer;
        this.sender = new SourceRecordSender(producer, topics, serdes);
        this.topics = topics;
        this.batchSize = batchSize;
    }

    /** A sink on {@code config}'s cluster, registry, topics and client settings. */
    public static KafkaEventSink forConfig(MonitorConfig config) {
        TopicSerdes serdes = TopicSerdes.using(RestSchemaRegistryClient.forUrl(config.schemaRegistryUrl().toString()));
        return new KafkaEventSink(BulkProducer.of(config, "simulator", 10), config.topics(), serdes, DEFAULT_BATCH);
    }

    @Override
    public void write(SimEvent event) throws IOException {
        switch (event.defect()) {
            case NONE, BREAKS_CONTRACT -> {
                batch.add(new SourcedRecord(event.source(), event.record()));
                if (batch.size() >= batchSize) {
                    flush();
                }
            }
            default -> {
                flush();
                String topic = SourceTopics.topic(event.source(), topics);
                byte[] key = SourceRecords.keyOf(event.record());
                await(() -> producer.send(new ProducerRecord<>(topic, null, event.at().toEpochMilli(), key,
                        notAvro(event))).get());
            }
        }
    }

    private byte[] notAvro(SimEvent event) {
        byte[] json = codec.toJsonLine(event.record()).getBytes(StandardCharsets.UTF_8);
        if (event.defect() != SimEvent.Defect.NO_OFFSET) {
            return json;
        }
        // The Confluent wire format starts with magic byte 0; 1 is what a mistaken producer might write.
        byte[] bytes = new byte[5 + json.length];
        bytes[0] = 1;
        System.arraycopy(json, 0, bytes, 5, json.length);
        return bytes;
    }

    @Override
    public void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<SourcedRecord> sending = List.copyOf(batch);
        batch.clear();
        await(() -> sender.sendAll(sending));
    }

    private interface Send {
        Object run() throws ExecutionException, InterruptedException;
    }

    private static void await(Send send) throws IOException {
        try {
            send.run();
        } catch (ExecutionException e) {
            throw new IOException("sending to Kafka failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending to Kafka");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            sender.close();
        }
    }
}
