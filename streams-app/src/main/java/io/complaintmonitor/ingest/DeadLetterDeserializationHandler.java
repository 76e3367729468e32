package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.serde.AvroSerdeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that cannot be decoded (not Avro, unknown schema id, bytes that do not fit the schema)
 * go to the dead-letter topic with their lineage and reason, in the same transaction as the
 * progress past them, and processing goes on. A registry outage is not the record's fault: it
 * fails the task so the record is retried rather than lost to the DLQ.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    /** Config keys under which the topology's owner hands this handler its collaborators. */
    public static final String TOPICS_CONFIG = "complaint-monitor.topics";
    public static final String METER_REGISTRY_CONFIG = "complaint-monitor.meter-registry";
    public static final String CLOCK_CONFIG = "complaint-monitor.clock";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private Topics topics = Topics.defaults();
    private MeterRegistry meters;
    private Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(TOPICS_CONFIG) instanceof Topics configured) {
            topics = configured;
        }
        if (configs.get(METER_REGISTRY_CONFIG) instanceof MeterRegistry registry) {
            meters = registry;
        }
        if (configs.get(CLOCK_CONFIG) instanceof Clock configured) {
            clock = configured;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof AvroSerdeException avro
                && avro.reason() == AvroSerdeException.Reason.REGISTRY_UNAVAILABLE) {
            LOG.error("schema registry unavailable while decoding {}-{}@{}; failing so the record is retried",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        String reason = reasonOf(exception);
        String source = SourceTopics.ofTopic(topics, record.topic()).map(Source::label).orElse(record.topic());
        LOG.warn("dead-lettering {}-{}@{}: {} ({})", record.topic(), record.partition(), record.offset(), reason,
                exception.getMessage());
        DeadLetters.count(meters, source, reason);
        var headers = DeadLetters.headers(record.headers(), record.topic(), record.partition(), record.offset(),
                reason, String.valueOf(exception.getMessage()), clock.instant());
        return Response.resume(List.of(DeadLetters.record(topics.dlq(), record.key(), record.value(), headers)));
    }

    /** A short, bounded code (it is a metric label): e.g. wrong-magic-byte, unknown-schema-id. */
    static String reasonOf(Exception exception) {
        if (exception instanceof AvroSerdeException avro) {
            return avro.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return "undecodable";
    }
}
