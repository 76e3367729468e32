package io.complaintmonitor.audit;

import io.complaintmonitor.config.BulkProducer;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.ingest.EventAdapters;
import io.complaintmonitor.ingest.SourceRecords;
import io.complaintmonitor.ingest.SourceTopics;
import io.complaintmonitor.ingest.json.JsonlLine;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.TopicSerdes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends an events file's records to the source topics, in Avro through the registry as any
 * producer would, each with its event time as the record timestamp. Lines the JSON layer refuses
 * are kept as rejections; events dated after --as-of are counted and not sent. Every send result
 * is checked, and remembered, so a dead letter can be traced back to its line.
 */
final class EventFeeder {

    /** What was sent, and what was not. */
    record Fed(long linesRead, long sent, long ignoredAfterAsOf, long surveyFeedback, List<Rejection> rejected,
            SourceLines sourceLines) {
    }

    private final MonitorConfig config;
    private final TopicSerdes serdes;

    EventFeeder(MonitorConfig config, TopicSerdes serdes) {
        this.config = config;
        this.serdes = serdes;
    }

    /**
     * Sends every event of {@code lines} dated at or before {@code asOf}; returns once the broker
     * has acknowledged all of them.
     *
     * @throws AuditException if a record cannot be sent
     */
    Fed feed(Stream<JsonlLine> lines, Instant asOf) {
        SourceLines sourceLines = new SourceLines();
        List<Rejection> rejected = new ArrayList<>();
        SendFailure failure = new SendFailure();
        long read = 0;
        long sent = 0;
        long ignored = 0;
        long survey = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            Iterator<JsonlLine> it = lines.iterator();
            while (it.hasNext() && !failure.happened()) {
                JsonlLine line = it.next();
                read++;
                if (line instanceof JsonlLine.Rejected bad) {
                    rejected.add(new Rejection(bad.line(), bad.reason()));
                    continue;
                }
                SpecificRecord record = ((JsonlLine.Parsed) line).record().record();
                Instant at = SourceRecords.eventTime(record);
                if (at.isAfter(asOf)) {
                    ignored++;
                    continue;
                }
                String topic = SourceTopics.topic(((JsonlLine.Parsed) line).record().source(), config.topics());
                long lineNumber = line.line();
                try {
                    producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), SourceRecords.keyOf(record),
                                    SourceRecords.serialize(serdes, topic, record)),
                            (meta, error) -> {
                                if (error != null) {
                                    failure.record(lineNumber, topic, error);
                                } else {
                                    sourceLines.put(meta.topic(), meta.partition(), meta.offset(), lineNumber);
                                }
                            });
                } catch (KafkaException e) {
                    failure.record(lineNumber, topic, e);
                }
                sent++;
                if (record instanceof WebFormSubmission form && EventAdapters.isSurveyFeedback(form)) {
                    survey++;
                }
            }
            producer.flush();
        }
        failure.throwIfAny();
        return new Fed(read, sent, ignored, survey, rejected, sourceLines);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return BulkProducer.of(config, "feeder", 20);
    }

    /** The first failed send, from the producer's callback thread or the caller's. */
    private static final class SendFailure {
        private volatile AuditException first;

        synchronized void record(long line, String topic, Exception error) {
            if (first == null) {
                first = new AuditException("could not send line " + line + " to " + topic + ": " + error.getMessage(),
                        error);
            }
        }

        boolean happened() {
            return first != null;
        }

        void throwIfAny() {
            if (first != null) {
                throw first;
            }
        }
    }
}
