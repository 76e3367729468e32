package io.complaintmonitor.domain.stats;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Counts by a whole-number key (working days, epoch days), sorted by key, with no zero counts, in
 * two arrays. The figures keep one per window and group and copy it at every change, with nearly
 * every event: a few tens of entries copy as two small arrays, where a {@code TreeMap} copied
 * entry by entry. Read-only as a {@link Map} (what is stored and compared); changed only by
 * {@link #add} and {@link #removeUpTo} on a fresh {@link #copy}, by the record that owns it.
 *
 * @param <K> the key as the map shows it ({@code Integer} or {@code Long})
 */
final class SortedCounts<K extends Number> extends AbstractMap<K, Long> {

    private final LongFunction<K> boxer;
    private long[] keys;
    private long[] counts;
    private int size;

    private SortedCounts(LongFunction<K> boxer, long[] keys, long[] counts, int size) {
        this.boxer = boxer;
        this.keys = keys;
        this.counts = counts;
        this.size = size;
    }

    /** {@code from}'s counts, sorted, without zeros; {@code boxer} makes a key of the map's type. */
    static <K extends Number> SortedCounts<K> of(Map<K, Long> from, LongFunction<K> boxer) {
        if (from instanceof SortedCounts<K> counts) {
            return counts;
        }
        SortedCounts<K> out = new SortedCounts<>(boxer, new long[from.size() + 2], new long[from.size() + 2], 0);
        new TreeMap<>(from).forEach((key, n) -> {
            if (n != 0) {
                out.keys[out.size] = key.longValue();
                out.counts[out.size++] = n;
            }
        });
        return out;
    }

    /** A copy to change, with room for two more keys. */
    SortedCounts<K> copy() {
        int room = Math.max(size + 2, 4);
        return new SortedCounts<>(boxer, Arrays.copyOf(keys, room), Arrays.copyOf(counts, room), size);
    }

    /** Adds {@code n} to the count of {@code key}; a count reaching zero goes. */
    void add(long key, long n) {
        int at = Arrays.binarySearch(keys, 0, size, key);
        if (at >= 0) {
            counts[at] += n;
            if (counts[at] == 0) {
                removeRange(at, at + 1);
            }
            return;
        }
        if (n == 0) {
            return;
        }
        int insert = -at - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(4, size * 2));
            counts = Arrays.copyOf(counts, keys.length);
        }
        System.arraycopy(keys, insert, keys, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        keys[insert] = key;
        counts[insert] = n;
        size++;
    }

    /** The sum of the counts of keys up to and including {@code key}. */
    long sumUpTo(long key) {
        long sum = 0;
        for (int i = 0; i < size && keys[i] <= key; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** Removes the keys up to and including {@code key}; returns the sum of their counts. */
    long removeUpTo(long key) {
        long sum = 0;
        int end = 0;
        while (end < size && keys[end] <= key) {
            sum += counts[end++];
        }
        removeRange(0, end);
        return sum;
    }

    /** The largest key; the map must not be empty. */
    long lastKey() {
        if (size == 0) {
            throw new NoSuchElementException("no counts");
        }
        return keys[size - 1];
    }

    private void removeRange(int from, int to) {
        System.arraycopy(keys, to, keys, from, size - to);
        System.arraycopy(counts, to, counts, from, size - to);
        size -= to - from;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Long get(Object key) {
        int at = key instanceof Integer || key instanceof Long
                ? Arrays.binarySearch(keys, 0, size, ((Number) key).longValue()) : -1;
        return at >= 0 ? counts[at] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** In ascending order of keys, as a sorted map's. */
    @Override
    public Set<Entry<K, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<K, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<K, Long> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, Long> e = new SimpleImmutableEntry<>(boxer.apply(keys[next]), counts[next]);
                        next++;
                        return e;
                    }
                };
            }
        };
    }
}
