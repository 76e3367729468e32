package io.complaintmonitor.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A cache of deserialised values in front of a key-value store, for stores whose values are read
 * and rewritten many times a second (a group's window figures, a complaint's state). Kafka
 * Streams' own cache keeps bytes, so every read of a hot key still deserialises it and every write
 * serialises it; here writes stay objects until the task commits, and recently used values are
 * kept as objects.
 *
 * <p>Exactly-once holds because the dirty values are written to the store (and so to its
 * changelog, inside the task's transaction) in {@link #flushCache()}, which Kafka Streams calls on
 * every store before it commits a task; a crash before that loses them with the uncommitted input
 * that made them. Values must be immutable: one object is shared by the cache and its readers.
 *
 * <p>Reads from other threads (interactive queries) see the dirty values too. A reader fills the
 * clean cache only if no write-back happened while it read the store, so it can never put back a
 * value the stream thread has just replaced. Interactive queries of the newer kind
 * ({@code KafkaStreams.query}, IQv2) go straight to the store and see values as of the last
 * commit; the monitor uses only the classic {@code store(...)} API.
 */
public final class ObjectCacheStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** A dirty entry that deletes its key. */
    private static final Object DELETED = new Object();
    /** A clean entry for a key the store does not have. */
    private static final Object ABSENT = new Object();

    private final ConcurrentHashMap<String, Object> dirty = new ConcurrentHashMap<>();
    /** Filled and emptied under the lock; read without it. */
    private final ConcurrentHashMap<String, Object> clean = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final int maxCleanEntries;
    /** Moves at every write-back, so a reader knows when what it read may already be stale. */
    private volatile long generation;

    ObjectCacheStore(KeyValueStore<String, V> inner, int maxCleanEntries) {
        super(inner);
        this.maxCleanEntries = maxCleanEntries;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        super.init(context, root);
    }

    @Override
    public V get(String key) {
        Object value = dirty.get(key);
        if (value != null) {
            return value == DELETED ? null : cast(value);
        }
        value = clean.get(key);
        if (value != null) {
            return value == ABSENT ? null : cast(value);
        }
        long seen = generation;
        V stored = wrapped().get(key);
        synchronized (lock) {
            if (generation == seen && !dirty.containsKey(key)) {
                keep(key, stored == null ? ABSENT : stored);
            }
        }
        return stored;
    }

    @Override
    public void put(String key, V value) {
        dirty.put(key, value == null ? DELETED : value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        dirty.put(key, DELETED);
        return current;
    }

    /** Writes the dirty values to the store, then lets it flush its own layers. */
    @Override
    public void flushCache() {
        writeBack();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeBack();
        super.commit(changelogOffsets);
    }

    @Override
    public void close() {
        // Not written back: a clean close has just committed, and a dirty one must lose them.
        forget();
        super.close();
    }

    private void writeBack() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>(dirty.entrySet());
        for (Map.Entry<String, Object> e : entries) {
            if (e.getValue() == DELETED) {
                // A null put deletes too, without delete()'s read and decoding of the old value.
                wrapped().put(e.getKey(), null);
            } else {
                wrapped().put(e.getKey(), cast(e.getValue()));
            }
        }
        synchronized (lock) {
            generation++;
            for (Map.Entry<String, Object> e : entries) {
                // Only the stream thread writes, so the value is still the one written back.
                dirty.remove(e.getKey(), e.getValue());
                keep(e.getKey(), e.getValue() == DELETED ? ABSENT : e.getValue());
            }
        }
    }

    /** Keeps a clean value; when full, starts again from empty (the hot keys come straight back). */
    private void keep(String key, Object value) {
        if (clean.size() >= maxCleanEntries && !clean.containsKey(key)) {
            clean.clear();
        }
        clean.put(key, value);
    }

    private void forget() {
        synchronized (lock) {
            generation++;
            dirty.clear();
            clean.clear();
        }
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return merged(wrapped().range(from, to), from, to, false);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return merged(wrapped().reverseRange(from, to), from, to, true);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return merged(wrapped().all(), null, null, false);
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return merged(wrapped().reverseAll(), null, null, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        byte[] bytes = prefixKeySerializer.serialize(null, prefix);
        return merged(wrapped().prefixScan(prefix, prefixKeySerializer),
                key -> key.length >= bytes.length && Arrays.equals(key, 0, bytes.length, bytes, 0, bytes.length),
                false);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries() + dirty.size();
    }

    private KeyValueIterator<String, V> merged(KeyValueIterator<String, V> stored, String from, String to,
            boolean reverse) {
        byte[] low = from == null ? null : utf8(from);
        byte[] high = to == null ? null : utf8(to);
        return merged(stored, key -> (low == null || Arrays.compareUnsigned(key, low) >= 0)
                && (high == null || Arrays.compareUnsigned(key, high) <= 0), reverse);
    }

    /** The store's entries with the dirty values {@code scanned} accepts laid over them, in the store's byte order. */
    private KeyValueIterator<String, V> merged(KeyValueIterator<String, V> stored, Predicate<byte[]> scanned,
            boolean reverse) {
        if (dirty.isEmpty()) {
            return stored;
        }
        TreeMap<byte[], Map.Entry<String, Object>> overlay = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<String, Object> e : dirty.entrySet()) {
            byte[] key = utf8(e.getKey());
            if (scanned.test(key)) {
                overlay.put(key, Map.entry(e.getKey(), e.getValue()));
            }
        }
        Iterator<Map.Entry<byte[], Map.Entry<String, Object>>> over = reverse
                ? overlay.descendingMap().entrySet().iterator() : overlay.entrySet().iterator();
        return new Merged<>(stored, over, reverse);
    }

    private static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object value) {
        return (V) value;
    }

    /** Two sorted iterators merged; on equal keys the overlay (dirty) entry wins, and deletions hide the key. */
    private static final class Merged<V> implements KeyValueIterator<String, V> {
        private final KeyValueIterator<String, V> stored;
        private final Iterator<Map.Entry<byte[], Map.Entry<String, Object>>> overlay;
        private final int direction;
        private KeyValue<String, V> nextStored;
        /** The key of nextStored as the store orders it, encoded once. */
        private byte[] nextStoredKey;
        private Map.Entry<byte[], Map.Entry<String, Object>> nextOverlay;
        private KeyValue<String, V> next;

        Merged(KeyValueIterator<String, V> stored, Iterator<Map.Entry<byte[], Map.Entry<String, Object>>> overlay,
                boolean reverse) {
            this.stored = stored;
            this.overlay = overlay;
            this.direction = reverse ? -1 : 1;
            advanceStored();
            this.nextOverlay = overlay.hasNext() ? overlay.next() : null;
            advance();
        }

        private void advanceStored() {
            nextStored = stored.hasNext() ? stored.next() : null;
            nextStoredKey = nextStored == null ? null : utf8(nextStored.key);
        }

        private void advance() {
            next = null;
            while (next == null && (nextStored != null || nextOverlay != null)) {
                int order;
                if (nextStored == null) {
                    order = 1;
                } else if (nextOverlay == null) {
                    order = -1;
                } else {
                    order = direction * Arrays.compareUnsigned(nextStoredKey, nextOverlay.getKey());
                }
                if (order < 0) {
                    next = nextStored;
                    advanceStored();
                } else {
                    if (order == 0) {
                        advanceStored();
                    }
                    Map.Entry<String, Object> o = nextOverlay.getValue();
                    nextOverlay = overlay.hasNext() ? overlay.next() : null;
                    if (o.getValue() != DELETED) {
                        next = KeyValue.pair(o.getKey(), cast(o.getValue()));
                    }
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue<String, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KeyValue<String, V> current = next;
            advance();
            return current;
        }

        @Override
        public String peekNextKey() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
