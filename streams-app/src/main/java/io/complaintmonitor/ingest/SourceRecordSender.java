package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.ingest.json.SourcedRecord;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.TopicSerdes;
import org.apache.avro.specific.SpecificRecord;
import java.nio.charset.StandardCharsets;
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
        byte[] value;
        Instant at;
        if (sourced.record() instanceof CrmCaseEvent crm) {
            value = serdes.crm().serializer().serialize(topic, crm);
            at = crm.getOccurredAt();
        } else if (sourced.record() instanceof ContractorComplaintUpdate update) {
            value = serdes.contractor().serializer().serialize(topic, update);
            at = update.getOccurredAt();
        } else if (sourced.record() instanceof WebFormSubmission form) {
            value = serdes.webform().serializer().serialize(topic, form);
            at = form.getSubmittedAt();
        } else {
            throw new IllegalArgumentException("not a source record: " + sourced.record().getClass());
        }
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), keyOf(sourced.record()), value);
    }

    /**
     * The key the source contract asks for: the complaint reference in UTF-8 (null when the record
     * names none, as survey feedback). A record keyed so is tracked without a repartition hop.
     */
    public static byte[] keyOf(SpecificRecord record) {
        String ref;
        if (record instanceof CrmCaseEvent crm) {
            ref = crm.getComplaintRef();
        } else if (record instanceof ContractorComplaintUpdate update) {
            ref = update.getComplaintRef();
        } else if (record instanceof WebFormSubmission form) {
            ref = form.getComplaintRef();
        } else {
            throw new IllegalArgumentException("not a source record: " + record.getClass());
        }
        return ref == null ? null : ref.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
