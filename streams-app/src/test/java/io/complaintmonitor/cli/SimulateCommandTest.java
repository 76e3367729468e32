package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeedAndOptions() throws Exception {
        String[] options = {"--seed", "77", "--homes", "5000", "--from", "2025-10-01", "--to", "2026-01-01",
            "--incidents", "default", "--bad-ratio", "0.01", "--landlords", "2"};
        assertThat(run(concat(options, "--out", dir.resolve("a.jsonl").toString()))).isZero();
        assertThat(run(concat(options, "--out", dir.resolve("b.jsonl").toString()))).isZero();
        byte[] a = Files.readAllBytes(dir.resolve("a.jsonl"));
        assertThat(a).hasSizeGreaterThan(10_000).isEqualTo(Files.readAllBytes(dir.resolve("b.jsonl")));
        options[1] = "78";
        assertThat(run(concat(options, "--out", dir.resolve("c.jsonl").toString()))).isZero();
        assertThat(Files.readAllBytes(dir.resolve("c.jsonl"))).isNotEqualTo(a);
        assertThat(err.toString()).contains("simulated ").contains(" complaints: ").contains(" bad) to ")
                .contains("monitor setting for CH01: landlord.homes=LL-1=2500,LL-2=2500");
    }

    @Test
    void shouldBeListedInTheTopLevelHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("simulate");
    }

    @Test
    void shouldListItsOptionsInItsHelp() {
        assertThat(run("simulate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: complaint-monitor simulate").contains("--seed").contains("--homes")
                .contains("--rate-per-1000").contains("--incident").contains("--bad-ratio").contains("--out")
                .contains("--rate").contains("--bootstrap-servers").contains("--schema-registry-url");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--from 2026-01-01 --to 2025-01-01                 | --from 2026-01-01 must be before --to 2025-01-01",
        "--from 01/04/2025                                  | --from \"01/04/2025\" is not a date as yyyy-MM-dd",
        "--rate-per-1000 -5                                 | --rate-per-1000 must be above 0 and at most 1000",
        "--rate -1                                          | --rate must be above 0 records a second, got -1.0",
        "--bad-ratio 0.9                                    | --bad-ratio must be from 0 to 0.5",
        "--homes 0                                          | --homes must be from 1 to",
        "--landlords 0                                      | --landlords must be from 1 to 100",
        "--incident spike:ASB                               | --incident \"spike:ASB\" is not spike:CATEGORY:YYYY-MM",
        "--incident collapse:CON-7:FY2025-Q3                | unknown contractor CON-7",
        "--incidents some                                   | --incidents must be none or default, got \"some\"",
        "--to 2027-12-01                                    | give --to 2027-10-17 or earlier",
        "--bootstrap-servers localhost:1                    | --out writes a file; --bootstrap-servers and --schema-registry-url are for Kafka",
        "--homes many                                       | --homes",
    })
    void shouldSayWhatToFixWithExitCodeTwo(String arguments, String message) {
        String[] args = concat(new String[] {"simulate", "--out", dir.resolve("x.jsonl").toString()},
                arguments.trim().split(" +"));
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains(message).doesNotContain("Exception");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        if (!all[0].equals("simulate")) {
            String[] withCommand = new String[all.length + 1];
            withCommand[0] = "simulate";
            System.arraycopy(all, 0, withCommand, 1, all.length);
            return withCommand;
        }
        return all;
    }
}
