package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the audit command says about bad arguments: exit code 2 and one line, before anything starts. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void assertOneLineError(String... fragments) {
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("error: ").contains(fragments).doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldSayTheInputIsMissing() {
        assertThat(run("audit", "--out", dir.toString())).isEqualTo(2);
        assertOneLineError("Missing required option: '--input=FILE'", "complaint-monitor audit --help");
    }

    @Test
    void shouldSayTheOutputDirectoryIsMissing() throws IOException {
        Path input = Files.writeString(dir.resolve("events.jsonl"), "");
        assertThat(run("audit", "--input", input.toString())).isEqualTo(2);
        assertOneLineError("Missing required option: '--out=DIR'");
    }

    @Test
    void shouldNameAnInputFileThatDoesNotExist() {
        Path missing = dir.resolve("no-such-events.jsonl");
        assertThat(run("audit", "--input", missing.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertOneLineError("cannot read events file " + missing + ": no such file");
    }

    @Test
    void shouldRefuseADirectoryAsInput() {
        assertThat(run("audit", "--input", dir.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertOneLineError("cannot read events file " + dir + ": it is a directory");
    }

    @Test
    void shouldRefuseAnAsOfThatIsNotAnInstantWithAnOffset() throws IOException {
        Path input = Files.writeString(dir.resolve("events.jsonl"), "");
        assertThat(run("audit", "--input", input.toString(), "--out", dir.toString(), "--as-of", "31/12/2025"))
                .isEqualTo(2);
        assertOneLineError("--as-of: \"31/12/2025\" is not an ISO-8601 instant with an offset, e.g. 2025-12-31T23:59:59Z");
    }

    @Test
    void shouldRefuseAnAsOfWithoutAnOffset() throws IOException {
        Path input = Files.writeString(dir.resolve("events.jsonl"), "");
        assertThat(run("audit", "--input", input.toString(), "--out", dir.toString(), "--as-of", "2025-12-31T23:59:59"))
                .isEqualTo(2);
        assertOneLineError("--as-of: \"2025-12-31T23:59:59\" is not an ISO-8601 instant with an offset");
    }

    @Test
    void shouldRefuseAnAsOfInTheFuture() throws IOException {
        Path input = Files.writeString(dir.resolve("events.jsonl"), "");
        assertThat(run("audit", "--input", input.toString(), "--out", dir.toString(), "--as-of", "2999-01-01T00:00:00Z"))
                .isEqualTo(2);
        assertOneLineError("--as-of 2999-01-01T00:00:00Z is in the future");
    }

    @Test
    void shouldRefuseAFileAsTheOutputDirectory() throws IOException {
        Path input = Files.writeString(dir.resolve("events.jsonl"), "");
        assertThat(run("audit", "--input", input.toString(), "--out", input.toString())).isEqualTo(2);
        assertOneLineError("--out " + input + " is a file, not a directory");
    }

    @Test
    void shouldReadAsOfWithItsOffsetAndDefaultToNow() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        assertThat(AuditCommand.asOf("2025-06-02T09:30:00+01:00", now)).isEqualTo(Instant.parse("2025-06-02T08:30:00Z"));
        assertThat(AuditCommand.asOf(null, now)).isEqualTo(now);
        assertThat(AuditCommand.asOf("2026-06-01T12:00:00Z", now)).isEqualTo(now);
        assertThatThrownBy(() -> AuditCommand.asOf("2026-06-01T12:00:00.001Z", now))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
