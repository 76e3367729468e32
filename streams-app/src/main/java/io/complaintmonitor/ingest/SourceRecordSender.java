package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.ingest.json.SourcedRecord;
import io.complaintmonitor.serde.TopicSerdes;
import org.apache.avro.specific.SpecificRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes source records to their topics in Avro, as the CRM, contractors and the form would:
 * used by {@code POST /ingest/{source}} and by the audit. The record timestamp is the event's own
 * time, and the key the complaint reference ({@link #keyOf}).
 */
public final class SourceRecordSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final TopicSerdes serdes;

    public SourceRecordSender(Producer<byte[], byte[]> producer, Topics topics, TopicSerdes serdes) {
        this.producer = producer;
        this.topics = topics;
        this.serdes = serdes;
    }

    /** Sends all, in order, and waits until every one is acknowledged; the metadata in the same order. */
    public List<RecordMetadata> sendAll(List<SourcedRecord> records) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (SourcedRecord record : records) {
            sent.add(producer.send(toProducerRecord(record)));
        }
        producer.flush();
        List<RecordMetadata> acknowledged = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            acknowledged.add(future.get());
        }
        return acknowledged;
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(SourcedRecord sourced) {
        String topic = SourceTopics.topic(sourced.source(), topics);
        SpecificRecord record = sourced.record();
        return new ProducerRecord<>(topic, null, SourceRecords.eventTime(record).toEpochMilli(),
                SourceRecords.keyOf(record), SourceRecords.serialize(serdes, topic, record));
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
