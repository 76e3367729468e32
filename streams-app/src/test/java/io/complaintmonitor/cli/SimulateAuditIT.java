package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The simulator's JSONL through the real audit: every complaint received, every survey counted,
 * and exactly the bad lines rejected. A quarter of a 20,000-home landlord, about 1,200 lines.
 *
 * <p>Tagged e2e: 27 s on the 2-core machine, most of it the audit's own broker and topology.
 */
@Tag("e2e")
class SimulateAuditIT {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldHaveTheAuditReadEveryGoodLineAndRejectExactlyTheBadOnes() throws Exception {
        Path events = dir.resolve("events.jsonl");
        String[] options = {"--seed", "31", "--from", "2025-04-01", "--to", "2025-07-01", "--bad-ratio", "0.02"};
        assertThat(execute(concat("simulate", options, "--out", events.toString()))).isZero();

        SimulationSettings settings = SimulationSettings.builder().seed(31).from(LocalDate.of(2025, 4, 1))
                .to(LocalDate.of(2025, 7, 1)).badRatio(0.02).build();
        List<SimEvent> simulated = Simulation.events(settings).toList();
        TreeSet<Long> badLines = new TreeSet<>();
        for (int i = 0; i < simulated.size(); i++) {
            if (simulated.get(i).isBad()) {
                badLines.add(i + 1L);
            }
        }
        long complaints = Simulation.complaints(settings).count();
        long surveys = simulated.stream().filter(e -> !e.isBad() && e.complaintRef() == null).count();
        assertThat(Files.readAllLines(events)).hasSize(simulated.size());

        Path out = dir.resolve("audit");
        // 00:00 London on --to (BST): every simulated event is before it.
        assertThat(execute("audit", "--input", events.toString(), "--out", out.toString(),
                "--as-of", "2025-06-30T23:00:00Z")).isZero();

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("linesRead").asLong()).isEqualTo(simulated.size());
        assertThat(summary.get("ignoredAfterAsOf").asLong()).isZero();
        assertThat(summary.get("stage1").get("received").asLong()).isEqualTo(complaints).isGreaterThan(150);
        assertThat(summary.get("complaints").asLong()).isEqualTo(complaints);
        assertThat(summary.get("surveyFeedback").asLong()).isEqualTo(surveys).isPositive();
        TreeSet<Long> rejected = new TreeSet<>();
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            rejected.add(JSON.readTree(line).get("line").asLong());
        }
        assertThat(badLines).hasSizeGreaterThan(10);
        assertThat(rejected).isEqualTo(badLines);
        assertThat(summary.get("rejectedLines").asLong()).isEqualTo(badLines.size());
    }

    private static int execute(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        assertThat(err.toString()).as("stderr of %s", args[0]).doesNotContain("error");
        return exitCode;
    }

    private static String[] concat(String command, String[] options, String... more) {
        String[] all = new String[1 + options.length + more.length];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }
}
