package io.complaintmonitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What a dead letter looks like: the rejected bytes unchanged, with headers naming where they came
 * from and why, and a counter per source and reason. One place, so the deserialization handler
 * and the contract checks in the topology write the same thing.
 */
public final class DeadLetters {

    public static final String HEADER_SOURCE_TOPIC = "dlq.source.topic";
    public static final String HEADER_SOURCE_PARTITION = "dlq.source.partition";
    public static final String HEADER_SOURCE_OFFSET = "dlq.source.offset";
    public static final String HEADER_REASON = "dlq.reason";
    public static final String HEADER_DETAIL = "dlq.detail";
    public static final String HEADER_REJECTED_AT = "dlq.rejected.at";
    public static final String METRIC = "complaint.dlq.records";

    private DeadLetters() {
    }

    /** Lineage and reason headers; {@code reason} is a short code, {@code detail} the full message. */
    public static Headers headers(Headers original, String topic, int partition, long offset, String reason,
            String detail, Instant rejectedAt) {
        RecordHeaders headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        headers.add(HEADER_SOURCE_TOPIC, utf8(topic));
        headers.add(HEADER_SOURCE_PARTITION, utf8(Integer.toString(partition)));
        headers.add(HEADER_SOURCE_OFFSET, utf8(Long.toString(offset)));
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_DETAIL, utf8(detail));
        headers.add(HEADER_REJECTED_AT, utf8(rejectedAt.toString()));
        return headers;
    }

    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, byte[] key, byte[] value, Headers headers) {
        return new ProducerRecord<>(dlqTopic, null, null, key, value, headers);
    }

    public static void count(MeterRegistry registry, String source, String reason) {
        if (registry != null) {
            Counter.builder(METRIC)
                    .description("records sent to the dead-letter topic, by source and reason")
                    .tag("source", source)
                    .tag("reason", reason)
                    .register(registry)
                    .increment();
        }
    }

    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
