package io.complaintmonitor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Debian {@code prometheus} binary, started on a free port to scrape the monitor every
 * second with the project's rule files (evaluated every second), stopped on close.
 */
final class RealPrometheus implements AutoCloseable {

    static final Path PROJECT_RULES = Path.of("..", "prometheus", "rules");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI api;
    private final Path log;

    private RealPrometheus(Process process, URI api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** The prometheus executable on PATH, if the Debian package (or any other) installed one. */
    static Optional<String> executable() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dirName, "prometheus");
            if (!dirName.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    static RealPrometheus scraping(String executable, int monitorPort, Path dir) throws IOException {
        return scraping(executable, monitorPort, dir, PROJECT_RULES);
    }

    /** As above, loading the rule files in {@code rules} instead of the project's. */
    static RealPrometheus scraping(String executable, int monitorPort, Path dir, Path rules) throws IOException {
        Path config = Files.createDirectories(dir).resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", List.of(
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules.toAbsolutePath().normalize().resolve("*.yml"),
                "scrape_configs:",
                "  - job_name: complaint-monitor",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + monitorPort + "']",
                "")));
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(executable, "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + dir.resolve("tsdb"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RealPrometheus(process, URI.create("http://127.0.0.1:" + port + "/api/v1/"), log);
    }

    /** The answer of {@code /api/v1/query} for {@code expr} at the current time, whatever its status. */
    JsonNode query(String expr) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve("query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** The alerts Prometheus holds now, pending and firing ({@code /api/v1/alerts}). */
    JsonNode alerts() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve("alerts")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("data").path("alerts");
    }

    /** Whether the server answers and has scraped the monitor at least once. */
    boolean hasScrapedTheMonitor() throws Exception {
        JsonNode up = query("up{job=\"complaint-monitor\"}").path("data").path("result");
        return up.size() == 1 && up.get(0).path("value").get(1).asText().equals("1");
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertThat(process.isAlive()).as("prometheus stopped").isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
