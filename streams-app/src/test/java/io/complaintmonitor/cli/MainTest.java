package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "audit"})
    void shouldGiveHelpOnEveryCommand(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: complaint-monitor " + command).contains("--http-port");
    }

    @Test
    void shouldListTheCommandsInTheTopLevelHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo").contains("run").contains("audit");
    }

    @Test
    void shouldSayWhatIsWrongWithAnOptionValue() {
        assertThat(run("run", "--http-port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("--http-port").contains("eighty");
    }

    @Test
    void shouldRefuseADemoThatWouldStopBeforeItStarts(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        assertThat(run("demo", "--data-dir", dataDir.toString(), "--fresh", "--stop-after", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--stop-after must be at least 1 (seconds), got 0");
        assertThat(dataDir).as("nothing started").doesNotExist();
    }

    @Test
    void shouldRejectAnUnknownCommand() {
        assertThat(run("audits")).isEqualTo(2);
        assertThat(err.toString()).contains("audits");
    }

    @Test
    void shouldReportABadSettingAsOneLineNamingTheKeyWithoutAStackTrace() {
        assertThat(run("run", "--due-soon-working-days", "99")).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: due.soon.working.days (from command line) must be a whole number from 0 to 20, got '99'")
                .doesNotContain("Exception");
    }

    @Test
    void shouldReportAMissingCalendarFileBeforeStartingAnything() {
        assertThat(run("run", "--calendar", "/no/such/holidays.json")).isEqualTo(2);
        assertThat(err.toString()).contains("calendar.file (from command line) names /no/such/holidays.json");
    }
}
