package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The figures' array-backed counts against a TreeMap doing the same by hand. */
class SortedCountsTest {

    @Test
    void shouldAgreeWithATreeMapWhenCountsAreAddedSummedAndRemovedAtRandom() {
        Random random = new Random(20261123L);
        for (int trial = 0; trial < 500; trial++) {
            SortedCounts<Long> counts = SortedCounts.of(Map.of(), Long::valueOf);
            TreeMap<Long, Long> reference = new TreeMap<>();
            for (int op = 0; op < 200; op++) {
                long key = random.nextInt(40);
                int kind = random.nextInt(10);
                if (kind < 7) {
                    long n = random.nextInt(5) - 2;
                    SortedCounts<Long> before = counts;
                    Map<Long, Long> was = new TreeMap<>(before);
                    counts = counts.copy();
                    counts.add(key, n);
                    reference.merge(key, n, Long::sum);
                    reference.remove(key, 0L);
                    assertThat(before).as("a copy is changed, not what it was copied from").isEqualTo(was);
                } else if (kind < 9) {
                    long expected = reference.headMap(key, true).values().stream().mapToLong(Long::longValue).sum();
                    assertThat(counts.sumUpTo(key)).isEqualTo(expected);
                } else {
                    long expected = reference.headMap(key, true).values().stream().mapToLong(Long::longValue).sum();
                    counts = counts.copy();
                    assertThat(counts.removeUpTo(key)).isEqualTo(expected);
                    reference.headMap(key, true).clear();
                }
                assertThat(counts).as("trial %d op %d", trial, op).containsExactlyEntriesOf(reference);
                assertThat(counts.values()).doesNotContain(0L);
                if (!reference.isEmpty()) {
                    assertThat(counts.lastKey()).isEqualTo(reference.lastKey());
                }
            }
        }
    }

    @Test
    void shouldShowIntegerKeysAndEqualAnyMapWithTheSameCounts() {
        SortedCounts<Integer> counts = SortedCounts.of(Map.of(3, 1L, 1, 2L), days -> (int) days);

        assertThat(counts).isEqualTo(Map.of(1, 2L, 3, 1L)).hasSameHashCodeAs(Map.of(1, 2L, 3, 1L));
        assertThat(counts.keySet()).containsExactly(1, 3);
        assertThat(counts.get(3)).isEqualTo(1L);
        assertThat(counts.get(3L)).as("a Long key finds the same count").isEqualTo(1L);
        assertThat(counts.get("3")).isNull();
    }
}
