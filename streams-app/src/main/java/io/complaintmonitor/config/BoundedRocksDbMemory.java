package io.complaintmonitor.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.Priority;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB store of the process under one memory budget: one block cache shared by all
 * stores, with their memtables charged to it through one write-buffer manager, so memory does not
 * grow with the number of stores and partitions (each store would otherwise take its own 50 MB
 * cache and 3 x 16 MB memtables). The pattern of Kafka Streams' memory-management guide; the
 * budget is {@code rocksdb.memory.mb}.
 *
 * <p>A flush pays four or five disk syncs: the table file, the manifest, the directory and the
 * closed write-ahead logs. On a disk where a sync takes tens of milliseconds, one flush thread for
 * the process's thirty-odd stores falls behind. With only two memtables, a store then stops taking
 * writes until its flush is done, and the stream thread waits inside a commit's cache write-back.
 * Three memtables per store and two flush threads keep writes flowing through such a spell
 * (measured in bench/README.md, "Slow disk syncs").
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams property carrying the budget in MiB, set by {@link StreamsProperties}. */
    public static final String MEMORY_MB_CONFIG = "complaint.monitor.rocksdb.memory.mb";
    /** Share of the cache kept for index and filter blocks, so they are not evicted by data. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    /** Memtables may use this share of the budget. */
    private static final double MEMTABLE_RATIO = 0.25;
    /** Memtables per store: one taking writes, up to two waiting for their flush. */
    private static final int MEMTABLES_PER_STORE = 3;
    /** Threads of RocksDB's flush pool, which every store of the process shares. */
    private static final int FLUSH_THREADS = 2;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long budgetBytes;

    /** One cache and manager for the process, made with the first store's budget. */
    private static synchronized void share(long bytes) {
        if (cache == null || bytes != budgetBytes) {
            cache = new LRUCache(bytes, -1, false, INDEX_FILTER_RATIO);
            writeBufferManager = new WriteBufferManager((long) (bytes * MEMTABLE_RATIO), cache);
            budgetBytes = bytes;
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object mb = configs.get(MEMORY_MB_CONFIG);
        long bytes = (mb == null ? 256L : Long.parseLong(mb.toString())) * 1024 * 1024;
        share(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        // The pool is the process's (RocksDB's default environment): it only ever grows.
        if (options.getEnv().getBackgroundThreads(Priority.HIGH) < FLUSH_THREADS) {
            options.getEnv().setBackgroundThreads(FLUSH_THREADS, Priority.HIGH);
        }
        options.setWriteBufferSize(Math.max(1L << 20, (long) (bytes * MEMTABLE_RATIO) / 8));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and manager are shared by every store of the process: never closed per store.
    }
}
