package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.ingest.json.SourcedRecord;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.TopicSerdes;
import java.time.Instant;
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
 * time, and the key the complaint reference (the monitor re-keys anyway).
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
        if (sourced.record() instanceof CrmCaseEvent crm) {
            return record(topic, crm.getComplaintRef(), crm.getOccurredAt(),
                    serdes.crm().serializer().serialize(topic, crm));
        }
        if (sourced.record() instanceof ContractorComplaintUpdate update) {
            return record(topic, update.getComplaintRef(), update.getOccurredAt(),
                    serdes.contractor().serializer().serialize(topic, update));
        }
        if (sourced.record() instanceof WebFormSubmission form) {
            return record(topic, form.getComplaintRef(), form.getSubmittedAt(),
                    serdes.webform().serializer().serialize(topic, form));
        }
        throw new IllegalArgumentException("not a source record: " + sourced.record().getClass());
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, Instant at, byte[] value) {
        byte[] keyBytes = key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), keyBytes, value);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
