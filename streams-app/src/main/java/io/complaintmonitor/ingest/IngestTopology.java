package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads the three source topics. Keys are read as raw bytes and not trusted: producers key as
 * they like, and the monitor re-keys by (landlord, complaint reference) itself. Records that
 * cannot be decoded never reach here: the deserialization handler dead-letters them.
 */
public final class IngestTopology {

    public static final String RECEIVED_METRIC = "complaint.events.received";

    private IngestTopology() {
    }

    /** The decoded source streams, each counted by source as it arrives. */
    public record Sources(KStream<byte[], CrmCaseEvent> crm, KStream<byte[], ContractorComplaintUpdate> contractor,
            KStream<byte[], WebFormSubmission> webform) {
    }

    public static Sources addTo(StreamsBuilder builder, Topics topics, IngestSerdes serdes, MeterRegistry meters) {
        return new Sources(
                source(builder, Source.CRM, topics, serdes.crm(), meters),
                source(builder, Source.CONTRACTOR, topics, serdes.contractor(), meters),
                source(builder, Source.WEBFORM, topics, serdes.webform(), meters));
    }

    private static <V> KStream<byte[], V> source(StreamsBuilder builder, Source source, Topics topics,
            Serde<V> serde, MeterRegistry meters) {
        Counter received = Counter.builder(RECEIVED_METRIC)
                .description("source records decoded, by source")
                .tag("source", source.label())
                .register(meters);
        return builder.stream(source.topic(topics),
                        Consumed.with(Serdes.ByteArray(), serde).withName("source-" + source.label()))
                .processValues(() -> new ContextualFixedKeyProcessor<byte[], V, V>() {
                    @Override
                    public void process(FixedKeyRecord<byte[], V> record) {
                        received.increment();
                        context().forward(record);
                    }
                }, Named.as("count-" + source.label()));
    }
}
