package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/**
 * Ready-to-use serdes over one shared {@link SchemaRegistryClient}, so all topics share its cache.
 * Serdes made here need no {@code configure} call: Kafka Streams does not configure serdes passed to
 * {@code Consumed.with} / {@code Produced.with}.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> SpecificAvroSerde<T> specific(SchemaRegistryClient client,
            Class<T> type, boolean isKey) {
        return new SpecificAvroSerde<>(client, type, isKey);
    }

    public static <T extends SpecificRecord> SpecificAvroSerde<T> specificValue(SchemaRegistryClient client,
            Class<T> type) {
        return specific(client, type, false);
    }

    public static GenericAvroSerde generic(SchemaRegistryClient client, boolean isKey) {
        return new GenericAvroSerde(client, isKey);
    }
}
