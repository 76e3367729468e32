package io.complaintmonitor.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Which input line each sent record came from, by the topic, partition and offset the broker gave
 * it, so a dead letter (whose headers name those) can be reported with its line number. Two longs
 * a record, so a year of history stays small.
 */
final class SourceLines {

    private final Map<TopicPartition, Column> byPartition = new HashMap<>();

    synchronized void put(String topic, int partition, long offset, long line) {
        byPartition.computeIfAbsent(new TopicPartition(topic, partition), tp -> new Column()).add(offset, line);
    }

    synchronized OptionalLong lineOf(String topic, int partition, long offset) {
        Column column = byPartition.get(new TopicPartition(topic, partition));
        return column == null ? OptionalLong.empty() : column.lineOf(offset);
    }

    /** Offsets and lines of one partition, sorted by offset on first lookup. */
    private static final class Column {
        private long[] offsets = new long[1024];
        private long[] lines = new long[1024];
        private int size;
        private boolean sorted = true;

        void add(long offset, long line) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            if (size > 0 && offset < offsets[size - 1]) {
                sorted = false;
            }
            offsets[size] = offset;
            lines[size] = line;
            size++;
        }

        OptionalLong lineOf(long offset) {
            if (!sorted) {
                sort();
            }
            int at = Arrays.binarySearch(offsets, 0, size, offset);
            return at < 0 ? OptionalLong.empty() : OptionalLong.of(lines[at]);
        }

        private void sort() {
            // Send callbacks of one partition come in offset order; this is only a safety net.
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
            long[] sortedOffsets = new long[size];
            long[] sortedLines = new long[size];
            for (int i = 0; i < size; i++) {
                sortedOffsets[i] = offsets[order[i]];
                sortedLines[i] = lines[order[i]];
            }
            offsets = sortedOffsets;
            lines = sortedLines;
            sorted = true;
        }
    }
}
