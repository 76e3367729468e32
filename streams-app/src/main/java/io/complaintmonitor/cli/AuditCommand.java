package io.complaintmonitor.cli;

import io.complaintmonitor.audit.AuditException;
import io.complaintmonitor.audit.AuditOutput;
import io.complaintmonitor.audit.AuditResult;
import io.complaintmonitor.audit.AuditRun;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.ingest.json.UnreadableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A history file through the monitor's own topology, judged at one instant, written to a directory. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Feeds a JSONL file of complaint events (docs/event-format.md) through the monitor on a "
                + "private, temporary Kafka broker, judges every clock as of --as-of and writes alerts.jsonl, "
                + "complaints.jsonl, summary.json and rejected.jsonl to --out."})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    MonitorOptions options;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "the events, one JSON object a line, each naming its source")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "directory for the audit's files (created if missing; files of the same names are replaced)")
    Path out;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "judge every clock up to and including this ISO-8601 instant with offset, e.g. "
                    + "2025-12-31T23:59:59Z; later events are ignored and counted (default: now)")
    String asOf;

    @Spec
    CommandSpec spec;

    /** The wall clock, read once: the default --as-of and the limit of a given one. */
    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Instant judgedAt = asOf(asOf, clock.instant());
        prepareOutput(out);
        ConfigLoader settings = options.loader(System.getenv())
                // Any free port unless asked: an audit serves metrics only to whoever looks.
                .override(ConfigKey.HTTP_PORT, options.httpPort == null ? "0" : options.httpPort.toString());
        AuditResult result;
        try {
            result = AuditRun.run(input, judgedAt, settings);
        } catch (UnreadableInputException e) {
            return error(e.getMessage(), 2);
        } catch (AuditException e) {
            return error("audit failed: " + e.getMessage(), 1);
        }
        AuditOutput.write(out, result);
        spec.commandLine().getOut().print(AuditOutput.describe(result, out, Duration.ofNanos(System.nanoTime() - started)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * --as-of as an instant: ISO-8601 with an offset, as event times are; not after {@code now},
     * because an audit judges what has happened (and the broker refuses records dated far ahead).
     */
    static Instant asOf(String text, Instant now) {
        if (text == null) {
            return now;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of: \"" + text + "\" is not an ISO-8601 instant with an offset, "
                    + "e.g. 2025-12-31T23:59:59Z");
        }
        if (parsed.isAfter(now)) {
            throw new IllegalArgumentException("--as-of " + parsed + " is in the future: an audit judges what has "
                    + "happened, up to now (" + now + ")");
        }
        return parsed;
    }

    private static void prepareOutput(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out: cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private int error(String message, int exitCode) {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + message));
        return exitCode;
    }
}
