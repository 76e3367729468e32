package io.complaintmonitor.http;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's view of one key-value store with String keys: in production an interactive
 * query on the running Kafka Streams client, in tests a TopologyTestDriver's store
 * ({@code () -> driver.getKeyValueStore(name)}).
 */
@FunctionalInterface
public interface LocalStore<V> {

    /** The store; throws {@link InvalidStateStoreException} when it cannot be queried now. */
    ReadOnlyKeyValueStore<String, V> get();

    static <V> LocalStore<V> of(Supplier<KafkaStreams> streams, String name) {
        return () -> {
            KafkaStreams running = streams.get();
            if (running == null) {
                throw new InvalidStateStoreException("the monitor is starting");
            }
            return running.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        };
    }
}
