package io.complaintmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectCacheStoreTest {

    private KeyValueStore<String, String> inner;
    private ObjectCacheStore<String> store;

    @BeforeEach
    void open() {
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store = new ObjectCacheStore<>(inner, 2);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void shouldKeepWritesOutOfTheStoreUntilTheCacheIsFlushed() {
        store.put("a", "1");
        store.put("a", "2");

        assertThat(store.get("a")).isEqualTo("2");
        assertThat(inner.get("a")).isNull();

        store.flushCache();

        assertThat(inner.get("a")).isEqualTo("2");
        assertThat(store.get("a")).isEqualTo("2");
    }

    @Test
    void shouldHideADeletedKeyAndDeleteItFromTheStoreAtTheFlush() {
        inner.put("a", "1");

        assertThat(store.delete("a")).isEqualTo("1");
        assertThat(store.get("a")).isNull();
        assertThat(inner.get("a")).isEqualTo("1");

        store.flushCache();

        assertThat(inner.get("a")).isNull();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void shouldTreatAPutOfNullAsADelete() {
        inner.put("a", "1");
        store.put("a", null);

        assertThat(store.get("a")).isNull();
        store.flushCache();
        assertThat(inner.get("a")).isNull();
    }

    @Test
    void shouldLayDirtyValuesAndDeletionsOverTheStoreInByteOrderWhenScanning() {
        inner.put("b", "stored-b");
        inner.put("d", "stored-d");
        inner.put("f", "stored-f");
        store.put("a", "new-a");
        store.put("d", "new-d");
        store.delete("f");
        store.put("e", "new-e");
        store.put("z", "new-z");

        assertThat(list(store.all())).containsExactly(kv("a", "new-a"), kv("b", "stored-b"), kv("d", "new-d"),
                kv("e", "new-e"), kv("z", "new-z"));
        assertThat(list(store.range("b", "e"))).containsExactly(kv("b", "stored-b"), kv("d", "new-d"),
                kv("e", "new-e"));
        assertThat(list(store.range(null, "c"))).containsExactly(kv("a", "new-a"), kv("b", "stored-b"));
        assertThat(list(store.reverseAll())).containsExactly(kv("z", "new-z"), kv("e", "new-e"), kv("d", "new-d"),
                kv("b", "stored-b"), kv("a", "new-a"));
        assertThat(list(store.reverseRange("b", "e"))).containsExactly(kv("e", "new-e"), kv("d", "new-d"),
                kv("b", "stored-b"));
    }

    @Test
    void shouldLayDirtyValuesOverAPrefixScan() {
        inner.put("g|1", "stored-1");
        inner.put("g|3", "stored-3");
        inner.put("h|1", "stored-h");
        store.put("g|2", "new-2");
        store.delete("g|3");
        store.put("h|2", "new-h");

        assertThat(list(store.prefixScan("g|", new StringSerializer())))
                .containsExactly(kv("g|1", "stored-1"), kv("g|2", "new-2"));
    }

    @Test
    void shouldOrderKeysAsTheStoreDoesByUtf8BytesNotByJavaChars() {
        // U+FF5E sorts before U+1F600 as UTF-16 chars, after it as UTF-8 bytes ('~' sorts after every ASCII key).
        store.put("\uD83D\uDE00", "emoji");
        inner.put("\uFF5E", "wide-tilde");
        store.put("~", "tilde");

        assertThat(list(store.all())).extracting(e -> e.key).containsExactly("~", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void shouldForgetUnflushedWritesWhenClosedSoACrashedTaskLosesThemWithItsInput() {
        inner.put("a", "1");
        store.put("a", "2");
        store.put("b", "3");

        store.close();
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store = new ObjectCacheStore<>(inner, 2);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);

        assertThat(store.get("a")).isNull();
        assertThat(store.get("b")).isNull();
    }

    @Test
    void shouldReadKeysEvictedFromTheCleanCacheFromTheStore() {
        for (int i = 0; i < 10; i++) {
            store.put("k" + i, "v" + i);
        }
        store.flushCache();
        for (int i = 0; i < 10; i++) {
            assertThat(store.get("k" + i)).isEqualTo("v" + i);
        }
        assertThat(store.approximateNumEntries()).isEqualTo(10);
    }

    @Test
    void shouldReadAValueWrittenBehindItsBackOnlyOnceItsCleanEntryIsDropped() {
        inner.put("a", "1");
        assertThat(store.get("a")).isEqualTo("1");
        inner.put("a", "2"); // as a restore would, which Kafka Streams does with the cache closed

        assertThat(store.get("a")).as("still cached").isEqualTo("1");
        store.get("b");
        store.get("c"); // a third clean entry: the cache (of 2) starts again from empty
        assertThat(store.get("a")).isEqualTo("2");
    }

    @Test
    void shouldKeepAValueBeingWrittenWhenAnotherThreadsReadsDropTheCleanEntries() throws Exception {
        store.put("hot", "1");
        store.flushCache();
        assertThat(store.get("hot")).isEqualTo("1");
        store.put("hot", "2"); // clean made dirty: readers filling the cache must not drop it now
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                inner.put("cold" + i, "c");
                store.get("cold" + i);
            }
        });
        reader.start();
        reader.join();

        assertThat(store.get("hot")).isEqualTo("2");
        store.flushCache();
        assertThat(inner.get("hot")).isEqualTo("2");
    }

    /**
     * The stream thread writes rising values and writes them back often while two query threads
     * read, the cache (of 2 clean entries, for 8 keys) dropping what it holds all the time: a
     * reader must never see a key's value go back, nor one not yet written.
     */
    @Test
    void shouldNeverLetAnotherThreadSeeAValueGoBack() throws Exception {
        String[] keys = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"};
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int seed = r;
            Thread reader = new Thread(() -> {
                long[] last = new long[keys.length];
                java.util.Random random = new java.util.Random(seed);
                while (!done.get()) {
                    int k = random.nextInt(keys.length);
                    String value = store.get(keys[k]);
                    long v = value == null ? 0 : Long.parseLong(value);
                    long upTo = written.get();
                    if (v < last[k] || v > upTo) {
                        wrong.add(keys[k] + " read " + v + " after " + last[k] + " with " + upTo + " written");
                    }
                    last[k] = v;
                }
            });
            readers.add(reader);
            reader.start();
        }
        for (long round = 1; round <= 20_000; round++) {
            written.set(round); // before the values, so a reader's bound is never behind them
            for (String key : keys) {
                store.put(key, Long.toString(round));
            }
            if (round % 7 == 0) {
                store.flushCache();
            }
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(wrong).isEmpty();
        store.flushCache();
        assertThat(inner.get("k7")).isEqualTo("20000");
    }

    @Test
    void shouldWriteTheCachedValuesToTheChangelogWhenTheTaskCommits() {
        Topology topology = new Topology();
        topology.addSource("source", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("count", () -> new Processor<String, String, Void, Void>() {
            private KeyValueStore<String, Long> counts;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                counts = context.getStateStore("counts");
            }

            @Override
            public void process(Record<String, String> record) {
                Long n = counts.get(record.key());
                counts.put(record.key(), n == null ? 1 : n + 1);
            }
        }, "source");
        topology.addStateStore(ObjectCacheStores.persistent("counts", Serdes.Long(), 100), "count");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cache-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            in.pipeInput("x", "1");
            in.pipeInput("x", "2");
            in.pipeInput("y", "3");
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic("cache-test-counts-changelog",
                    new StringDeserializer(), Serdes.Long().deserializer());

            assertThat(changelog.readKeyValuesToMap()).containsEntry("x", 2L).containsEntry("y", 1L);
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("counts");
            assertThat(counts.get("x")).isEqualTo(2L);
        }
    }

    private static KeyValue<String, String> kv(String key, String value) {
        return KeyValue.pair(key, value);
    }

    private static <V> List<KeyValue<String, V>> list(KeyValueIterator<String, V> it) {
        List<KeyValue<String, V>> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
