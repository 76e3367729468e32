package io.complaintmonitor.store;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Builds persistent, logged key-value stores with an {@link ObjectCacheStore} in front. */
public final class ObjectCacheStores {

    private ObjectCacheStores() {
    }

    /**
     * A RocksDB store with a changelog, keyed by strings, whose last {@code maxCleanEntries} values
     * read or written stay deserialised per task. Kafka Streams' byte cache is left off: this one
     * does its job without the serialisation.
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde,
            int maxCleanEntries) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde), maxCleanEntries);
    }

    /**
     * The same in front of an in-memory store: for a processor tested on its own, whose values
     * stay objects because nothing commits (no value is encoded at every write).
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> inMemory(String name, Serde<V> valueSerde,
            int maxCleanEntries) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                valueSerde), maxCleanEntries);
    }

    private static final class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        private final StoreBuilder<KeyValueStore<String, V>> inner;
        private final int maxCleanEntries;

        Builder(StoreBuilder<KeyValueStore<String, V>> inner, int maxCleanEntries) {
            if (maxCleanEntries < 0) {
                throw new IllegalArgumentException("maxCleanEntries must not be negative: " + maxCleanEntries);
            }
            this.inner = inner;
            this.maxCleanEntries = maxCleanEntries;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("the object cache replaces Kafka Streams' byte cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new ObjectCacheStore<>(inner.build(), maxCleanEntries);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
