package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo command itself, as a script runs it: broker, registry, monitor and a small simulated
 * landlord in this process, stopped by {@code --stop-after} as Ctrl-C would stop it. The image's
 * AOT training run is this command (see the Dockerfile).
 *
 * <p>Tagged e2e: a broker of its own and a year of a small landlord's history, about 20 s.
 */
@Tag("e2e")
class DemoCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldStopCleanlyOnItsOwnAfterTheGivenSeconds() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exitCode;
        long started = System.nanoTime();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = Main.commandLine().execute("demo", "--data-dir", dataDir.toString(), "--kafka-port", "0",
                    "--http-port", "0", "--homes", "2000", "--stop-after", "2");
        } finally {
            System.setOut(out);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String printed = captured.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as(printed).isZero();
        assertThat(printed)
                .contains("records of history sent")
                .contains("complaint-monitor demo ready in")
                .contains("stopping complaint-monitor: 2 s passed (--stop-after)");
        assertThat(printed.indexOf("stopping complaint-monitor")).as("stopped after it was ready")
                .isGreaterThan(printed.indexOf("demo ready in"));
        assertThat(seconds).as("the two seconds waited").isGreaterThanOrEqualTo(2);
        assertThat(dataDir.resolve(DemoTraffic.PLAN_FILE)).as("the landlord's plan kept for a restart").exists();
        try (var state = Files.list(dataDir.resolve("streams"))) {
            assertThat(state).as("the monitor's state on disk").isNotEmpty();
        }
    }
}
