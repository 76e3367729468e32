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
 * <p>Reads from other threads (interactive queries) see the dirty values too. A reader keeps what
 * it read from the store only if no write-back happened while it read, so it can never put back a
 * value the stream thread has just replaced. Interactive queries of the newer kind
 * ({@code KafkaStreams.query}, IQv2) go straight to the store and see values as of the last
 * commit; the monitor uses only the classic {@code store(...)} API.
 *
 * <p>One map holds every cached key, dirty or clean, and a write-back flips its slots from dirty
 * to clean in place: with a map per kind, a key left the dirty map before its clean entry was
 * replaced, and a query thread could read the previous commit's value in between. Clean entries
 * are dropped only under the lock, which the stream thread also takes to make an entry dirty: a
 * value being written can never be dropped from under it.
 */
public final class ObjectCacheStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** The value of a key the store does not have (clean) or that is to be deleted (dirty). */
    private static final Object ABSENT = new Object();

    /** A cached key's value; dirty from its first write until written back. */
    private static final class Slot {
        final String key;
        volatile Object value;
        /** Changed only under the lock; read without it by the stream thread and by scans. */
        volatile boolean dirty;

        Slot(String key, Object value, boolean dirty) {
            this.key = key;
            this.value = value;
            this.dirty = dirty;
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    /** The dirty slots, in the order first written; only the stream thread uses it. */
    private final List<Slot> dirty = new ArrayList<>();
    private final Object lock = new Object();
    private final int maxCleanEntries;
    /** Clean slots in {@link #slots}; kept under the lock. */
    private int cleanEntries;
    /** Dirty slots, for other threads' {@link #approximateNumEntries}. */
    private volatile int dirtyEntries;
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
        Slot slot = slots.get(key);
        if (slot != null) {
            return valueOf(slot.value);
        }
        long seen = generation;
        V stored = wrapped().get(key);
        synchronized (lock) {
            if (generation == seen && !slots.containsKey(key)) {
                makeRoom();
                slots.put(key, new Slot(key, stored == null ? ABSENT : stored, false));
                cleanEntries++;
            }
        }
        return stored;
    }

    @Override
    public void put(String key, V value) {
        Object v = value == null ? ABSENT : value;
        Slot slot = slots.get(key);
        // Only this (the stream) thread makes a slot dirty or clean again, so one seen dirty stays so.
        if (slot != null && slot.dirty) {
            slot.value = v;
            return;
        }
        synchronized (lock) {
            slot = slots.get(key);
            if (slot == null) {
                slot = new Slot(key, v, true);
                slots.put(key, slot);
            } else {
                slot.value = v;
                slot.dirty = true;
                cleanEntries--;
            }
            dirtyEntries++;
        }
        dirty.add(slot);
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
        put(key, null);
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
        for (Slot slot : dirty) {
            // A null put deletes too, without delete()'s read and decoding of the old value.
            wrapped().put(slot.key, valueOf(slot.value));
        }
        synchronized (lock) {
            generation++;
            if (cleanEntries + dirty.size() > maxCleanEntries) {
                dropClean(); // before the values just written become clean: they are the hot keys
            }
            for (Slot slot : dirty) {
                slot.dirty = false;
            }
            cleanEntries += dirty.size();
            dirtyEntries = 0;
            dirty.clear();
        }
    }

    /** Called under the lock before a clean slot is added: when full, starts again from empty (the hot keys come straight back). */
    private void makeRoom() {
        if (cleanEntries >= maxCleanEntries) {
            dropClean();
        }
    }

    private void dropClean() {
        slots.values().removeIf(slot -> !slot.dirty);
        cleanEntries = 0;
    }

    private void forget() {
        synchronized (lock) {
            generation++;
            slots.clear();
            dirty.clear();
            cleanEntries = 0;
            dirtyEntries = 0;
        }
    }

    private static <V> V valueOf(Object value) {
        return value == ABSENT ? null : cast(value);
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
        return wrapped().approximateNumEntries() + dirtyEntries;
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
        if (dirtyEntries == 0) {
            return stored;
        }
        TreeMap<byte[], Map.Entry<String, Object>> overlay = new TreeMap<>(Arrays::compareUnsigned);
        for (Slot slot : slots.values()) {
            Object value = slot.value;
            if (slot.dirty) {
                byte[] key = utf8(slot.key);
                if (scanned.test(key)) {
                    overlay.put(key, Map.entry(slot.key, value));
                }
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
                    if (o.getValue() != ABSENT) {
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
