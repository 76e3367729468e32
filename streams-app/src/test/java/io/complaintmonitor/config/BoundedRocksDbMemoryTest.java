package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void shouldSizeMemtablesFromTheBudgetWhenAStoreIsConfigured() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("complaint-state", options,
                    Map.of(BoundedRocksDbMemory.MEMORY_MB_CONFIG, "128"));
            // A quarter of 128 MiB for memtables, shared by up to 8 of them: 4 MiB each, 3 per store.
            assertThat(options.writeBufferSize()).isEqualTo(4L << 20);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(3);
            // Two flushes at once, so one store's slow disk sync does not hold up every other.
            assertThat(options.getEnv().getBackgroundThreads(Priority.HIGH)).isGreaterThanOrEqualTo(2);
            assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void shouldRefuseABudgetOutsideItsRangeWithTheKeyInTheMessage() {
        var loader = new ConfigLoader().override(ConfigKey.ROCKSDB_MEMORY_MB, "8");
        org.assertj.core.api.Assertions.assertThatThrownBy(loader::load)
                .hasMessageContaining("rocksdb.memory.mb").hasMessageContaining("16");
    }
}
