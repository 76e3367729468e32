package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.testing.MonitorRig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code simulate} to Kafka: Avro records through the registry that the running monitor decodes
 * and tracks, and the bad ones (contract breaches and bytes that are not Avro) on its dead-letter
 * topic, one for one. A small landlord (3,000 homes) for a quarter, about 100 records.
 */
class SimulateKafkaIT {

    @TempDir
    Path dir;

    @Test
    void shouldFeedTheMonitorRecordsItTracksAndDeadLetterExactlyTheBadOnes() throws Exception {
        try (MonitorRig rig = MonitorRig.start(dir.resolve("state"), Clock.systemUTC(), loader -> { })) {
            Topics topics = rig.config().topics();
            Path config = dir.resolve("simulator.properties");
            Files.writeString(config, String.join("\n",
                    "topic.crm=" + topics.crm(), "topic.contractor=" + topics.contractor(),
                    "topic.webform=" + topics.webform(), "topic.alerts=" + topics.alerts(),
                    "topic.stats=" + topics.stats(), "topic.trends=" + topics.trends(), "topic.dlq=" + topics.dlq(),
                    "topic.heartbeat=" + topics.heartbeat(), "topic.partitions=1", ""));
            String[] options = {"--seed", "5", "--homes", "3000", "--from", "2025-10-01", "--to", "2026-01-01",
                "--bad-ratio", "0.05"};
            CommandLine commandLine = Main.commandLine();
            StringWriter err = new StringWriter();
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(concat(options, "--config", config.toString(),
                    "--bootstrap-servers", rig.config().bootstrapServers(),
                    "--schema-registry-url", rig.config().schemaRegistryUrl().toString()));
            assertThat(err.toString()).contains("simulated ").contains("to Kafka " + rig.config().bootstrapServers());
            assertThat(exitCode).isZero();

            List<SimEvent> simulated = Simulation.events(SimulationSettings.builder().seed(5).homes(3000)
                    .from(LocalDate.of(2025, 10, 1)).to(LocalDate.of(2026, 1, 1)).badRatio(0.05).build()).toList();
            long bad = simulated.stream().filter(SimEvent::isBad).count();
            long surveys = simulated.stream().filter(e -> !e.isBad() && e.complaintRef() == null).count();
            long tracked = simulated.stream().filter(e -> !e.isBad() && e.complaintRef() != null).count();
            assertThat(bad).isPositive();
            assertThat(tracked).isGreaterThan(50);

            await("every simulated record decoded, tracked or dead-lettered").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        String metrics = rig.get("/metrics").body();
                        assertThat(sum(metrics, "complaint_events_tracked_total")).isEqualTo(tracked);
                        assertThat(sum(metrics, "complaint_dlq_records_total")).isEqualTo(bad);
                        assertThat(sum(metrics, "complaint_survey_feedback_total")).isEqualTo(surveys);
                    });
        }
    }

    /** The sum of every sample of {@code name}, whatever its labels. */
    private static long sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return Math.round(total);
    }

    private static String[] concat(String[] options, String... more) {
        String[] all = new String[1 + options.length + more.length];
        all[0] = "simulate";
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }
}
