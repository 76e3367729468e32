package io.complaintmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import io.complaintmonitor.testing.KafkaTestCluster;
import io.complaintmonitor.testing.MonitorRig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through a crash: a monitor in its own JVM (the shaded jar, `run`) is killed with
 * SIGKILL while it works through a simulated landlord's year, then started again on the same
 * state directory. Its stores keep deserialised values and uncommitted changes in memory
 * (store.ObjectCacheStore), so a crash must lose exactly the uncommitted work, which Kafka
 * redelivers: once it has caught up, its open counts, open breaches and TSM figures must equal
 * those of a monitor that read the same records without crashing.
 */
@Tag("e2e")
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/complaint-monitor.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldEndWithTheFiguresOfAMonitorThatNeverCrashedWhenKilledMidStream() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath()
                + ": the shaded jar is built by `./mvnw package`, before the integration tests of `verify`");
        LocalDate today = LondonTime.dateOf(Instant.now());
        SimulationSettings settings = SimulationSettings.builder().seed(21).homes(60_000)
                .from(today.minusMonths(12)).to(today.plusDays(1)).build();
        Instant now = Instant.now();
        List<SimEvent> events = new ArrayList<>();
        for (Iterator<SimEvent> it = Simulation.iterator(settings); it.hasNext(); ) {
            SimEvent event = it.next();
            if (event.at().isBefore(now)) {
                events.add(event);
            }
        }

        // The reference: a monitor in this JVM that reads everything without crashing. Both see every
        // record before their clock starts (ticks begin once caught up), so both judge on the same facts.
        try (MonitorRig reference = MonitorRig.start(dir.resolve("reference"), Clock.systemUTC(),
                loader -> loader.override(ConfigKey.STATS_GRACE, "P400D"))) {
            Map<ConfigKey, String> child = childSettings(reference.config());
            send(reference.config(), events);
            Process first = startChild(child, "first");
            try {
                await("the child a third of the way through").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(20)).until(() -> processed(child) >= events.size() / 3.0);
                double processedAtKill = processed(child);
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
                assertThat(processedAtKill).as("killed while records were left to process")
                        .isLessThan(events.size() * 0.9);
            } finally {
                first.destroyForcibly();
            }

            Process second = startChild(child, "second");
            try {
                List<String> paths = new ArrayList<>(List.of("/api/alerts?status=open&limit=10000"));
                int year = WindowKind.financialYear(today);
                paths.add("/api/tsm?year=" + year);
                paths.add("/api/tsm?year=" + (year - 1));
                await("the restarted child's figures equal the reference's").atMost(Duration.ofSeconds(180))
                        .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                            assertThat(openCounts(child)).as("complaint_open")
                                    .isEqualTo(openCounts(reference.config().httpPort())).isNotEmpty();
                            for (String path : paths) {
                                assertThat(answer(port(child), path)).as(path)
                                        .isEqualTo(answer(reference.config().httpPort(), path));
                            }
                        });
                assertThat(answer(reference.config().httpPort(), "/api/tsm?year=" + year).toString())
                        .as("the comparison has figures in it").contains("\"received\"");
            } finally {
                second.destroy();
                if (!second.waitFor(60, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }

    /** The reference's cluster, registry and topics; its own application id, state and HTTP port. */
    private Map<ConfigKey, String> childSettings(MonitorConfig reference) throws IOException {
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.BOOTSTRAP_SERVERS, reference.bootstrapServers());
        s.put(ConfigKey.SCHEMA_REGISTRY_URL, reference.schemaRegistryUrl().toString());
        s.put(ConfigKey.APPLICATION_ID, KafkaTestCluster.uniqueName("crashing-monitor"));
        s.put(ConfigKey.STATE_DIR, dir.resolve("child-state").toString());
        s.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        s.put(ConfigKey.HTTP_ADVERTISED_HOST, "127.0.0.1");
        s.put(ConfigKey.HTTP_PORT, Integer.toString(freePort()));
        s.put(ConfigKey.TOPIC_PARTITIONS, Integer.toString(reference.topicPartitions()));
        s.put(ConfigKey.STATS_GRACE, "P400D");
        s.put(ConfigKey.TOPIC_CRM, reference.topics().crm());
        s.put(ConfigKey.TOPIC_CONTRACTOR, reference.topics().contractor());
        s.put(ConfigKey.TOPIC_WEBFORM, reference.topics().webform());
        s.put(ConfigKey.TOPIC_ALERTS, reference.topics().alerts());
        s.put(ConfigKey.TOPIC_STATS, reference.topics().stats());
        s.put(ConfigKey.TOPIC_TRENDS, reference.topics().trends());
        s.put(ConfigKey.TOPIC_DLQ, reference.topics().dlq());
        s.put(ConfigKey.TOPIC_HEARTBEAT, reference.topics().heartbeat());
        return s;
    }

    private Process startChild(Map<ConfigKey, String> settings, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(), "run");
        settings.forEach((key, value) -> builder.environment().put(key.envVar(), value));
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child-" + name + ".log").toFile()));
        return builder.start();
    }

    private static void send(MonitorConfig config, List<SimEvent> events) throws Exception {
        try (KafkaEventSink sink = KafkaEventSink.forConfig(config)) {
            for (SimEvent event : events) {
                sink.write(event);
            }
        }
    }

    private static int port(Map<ConfigKey, String> child) {
        return Integer.parseInt(child.get(ConfigKey.HTTP_PORT));
    }

    /** Source records accounted for: applied, ignored as repeats, dead-lettered, or survey feedback. */
    private static double processed(Map<ConfigKey, String> child) {
        String metrics = get(port(child), "/metrics");
        return sum(metrics, "complaint_events_tracked_total") + sum(metrics, "complaint_events_duplicate_total")
                + sum(metrics, "complaint_dlq_records_total") + sum(metrics, "complaint_survey_feedback_total");
    }

    private static Map<String, String> openCounts(Map<ConfigKey, String> child) {
        return openCounts(port(child));
    }

    /** complaint_open by its labels; NaN (not RUNNING) fails the comparison. */
    private static Map<String, String> openCounts(int port) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^complaint_open\\{([^}]*)\\} (\\S+)$").matcher(get(port, "/metrics"));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /** A query API answer without the name of the instance that served it. */
    private static JsonNode answer(int port, String path) throws IOException {
        JsonNode node = JSON.readTree(get(port, path));
        if (node instanceof ObjectNode object) {
            object.remove("servedBy");
        }
        return node;
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
