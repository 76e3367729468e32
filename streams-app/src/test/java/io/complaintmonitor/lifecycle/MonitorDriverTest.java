package io.complaintmonitor.lifecycle;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh monitor topology on a test driver for each test, and complaint C-1's records. */
abstract class MonitorDriverTest {

    @TempDir
    Path stateDir;

    MonitorDriver monitor;
    final ComplaintRecords c1 = new ComplaintRecords("C-1");

    @BeforeEach
    void startMonitor() {
        monitor = MonitorDriver.start(stateDir);
    }

    @AfterEach
    void stopMonitor() {
        monitor.close();
    }
}
