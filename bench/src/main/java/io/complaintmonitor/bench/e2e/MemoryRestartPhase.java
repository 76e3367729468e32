package io.complaintmonitor.bench.e2e;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.simulate.CategoryMix;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 5: the monitor as a child JVM ({@code java -Xmx.. -jar complaint-monitor.jar run}), so
 * its memory is its own, pointed at the bench broker and registry. It reads one RECEIVED event for
 * each of many complaints received in the last day (so it tracks them all and no deadline passes);
 * peak RSS is the kernel's VmHWM, heap the JVM's own figure from /metrics, sampled while it works.
 * Then it is stopped with SIGTERM (a clean close) and started again on the same state directory:
 * how long until /health/ready answers 200 (RUNNING), and until a new complaint can be queried.
 */
final class MemoryRestartPhase {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration SAMPLE = Duration.ofSeconds(1);
    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$");
    private static final Pattern HEAP_COMMITTED = Pattern.compile(
            "(?m)^jvm_memory_committed_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$");

    private final BenchCluster cluster;
    private final BenchOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    MemoryRestartPhase(BenchCluster cluster, BenchOptions options) {
        this.cluster = cluster;
        this.options = options;
    }

    Results.Memory run() throws Exception {
        if (!Files.isRegularFile(options.monitorJar())) {
            throw new IllegalStateException("no " + options.monitorJar() + ": build it (bench/run.sh does)");
        }
        int complaints = options.complaintsForMemory();
        Map<ConfigKey, String> settings = cluster.settings("memory", "memory");
        port = freePort();
        settings.put(ConfigKey.HTTP_PORT, String.valueOf(port));
        MonitorConfig config = cluster.config(settings);
        double writeSeconds = feed(config, complaints);
        System.out.printf("  %,d complaints written in %.1f s; starting the monitor (-Xmx%s)%n", complaints,
                writeSeconds, options.monitorHeap());

        long start = System.nanoTime();
        Process monitor = startChild(settings);
        long peakHeap = 0;
        double catchUp;
        try {
            HeapSampler sampler = new HeapSampler(monitor);
            sampler.start();
            catchUp = CatchUp.await(cluster.admin(), config.applicationId(), config.topics().sources(),
                    CatchUp.TICKS_SLACK, start, TIMEOUT,
                    () -> !monitor.isAlive(), () -> Cpu.NONE, () -> false).seconds();
            // A few more samples after the last commit: the store's memtables and caches settle.
            Thread.sleep(3_000);
            sampler.interrupt();
            sampler.join();
            peakHeap = sampler.peakHeap;
            long rssAtEnd = status(monitor.pid(), "VmRSS");
            long peakRss = status(monitor.pid(), "VmHWM");
            long heapCommitted = (long) metric(HEAP_COMMITTED);
            long stopStart = System.nanoTime();
            stop(monitor);
            double stopSeconds = (System.nanoTime() - stopStart) / 1e9;

            long restart = System.nanoTime();
            Process again = startChild(settings);
            try {
                awaitReady(again);
                double ready = (System.nanoTime() - restart) / 1e9;
                String ref = "MEM-AFTER-RESTART";
                try (KafkaEventSink sink = KafkaEventSink.forConfig(config)) {
                    sink.write(received(ref, "mem-after-restart", Instant.now(), 0));
                }
                awaitStatus(again, "/api/complaints/" + ref, 200);
                double processing = (System.nanoTime() - restart) / 1e9;
                return new Results.Memory(complaints, options.monitorHeap(), Results.round(writeSeconds, 2),
                        Results.round(catchUp, 2), Math.round(complaints / catchUp), peakRss, rssAtEnd, peakHeap,
                        heapCommitted, Results.round(stopSeconds, 2), Results.round(ready, 2),
                        Results.round(processing, 2));
            } finally {
                stop(again);
            }
        } finally {
            if (monitor.isAlive()) {
                stop(monitor);
            }
        }
    }

    /** One RECEIVED event per complaint, received over the last 12 hours, so nothing falls due for days. */
    private static double feed(MonitorConfig config, int complaints) throws IOException {
        long start = System.nanoTime();
        Instant now = Instant.now();
        long stepMillis = Math.max(1, Duration.ofHours(12).toMillis() / complaints);
        try (KafkaEventSink sink = KafkaEventSink.forConfig(config)) {
            for (int i = 0; i < complaints; i++) {
                Instant at = now.minusMillis((long) (complaints - i) * stepMillis);
                sink.write(received(String.format("MEM-%07d", i), "mem-" + i, at, i));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static SimEvent received(String ref, String eventId, Instant at, int i) {
        return new SimEvent(at, Source.CRM, CrmCaseEvent.newBuilder().setEventId(eventId).setComplaintRef(ref)
                .setType(CrmEventType.RECEIVED)
                .setCategory(CategoryMix.CATEGORIES.get(i % CategoryMix.CATEGORIES.size()))
                .setOccurredAt(at).build(), SimEvent.Defect.NONE);
    }

    private Process startChild(Map<ConfigKey, String> settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The collector the Dockerfile runs the monitor with (see the README's "JVM settings"), and
        // its ahead-of-time cache when this JVM has one: the same jar's, trained the image's way, and
        // required (AOTMode=on), so the child fails rather than quietly running without it.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + options.monitorHeap(), "-XX:+UseParallelGC"));
        EndToEndBenchmark.aotCache().ifPresent(cache ->
                command.addAll(List.of(EndToEndBenchmark.AOT_CACHE_OPTION + cache, "-XX:AOTMode=on")));
        command.addAll(List.of("-jar", options.monitorJar().toString(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command);
        settings.forEach((key, value) -> builder.environment().put(key.envVar(), value));
        Path log = options.childLog().toAbsolutePath();
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    private void awaitReady(Process monitor) throws Exception {
        awaitStatus(monitor, "/health/ready", 200);
    }

    private void awaitStatus(Process monitor, String path, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!monitor.isAlive()) {
                throw new IllegalStateException("the monitor exited with " + monitor.exitValue() + "; see "
                        + options.childLog());
            }
            if (get(path).map(r -> r.statusCode() == status).orElse(false)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + status + " from " + path + " within 5 minutes");
    }

    private java.util.Optional<HttpResponse<String>> get(String path) throws InterruptedException {
        try {
            return java.util.Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private double metric(Pattern pattern) throws InterruptedException {
        String body = get("/metrics").map(HttpResponse::body).orElse("");
        Matcher m = pattern.matcher(body);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    /** A value in bytes from /proc/PID/status (given there in kB), e.g. VmHWM: the peak resident set. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** SIGTERM, which the monitor answers with a clean close; SIGKILL only if that takes over a minute. */
    private static void stop(Process monitor) throws InterruptedException {
        monitor.destroy();
        if (!monitor.waitFor(60, TimeUnit.SECONDS)) {
            monitor.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Samples the child's heap in use from its /metrics while it works. */
    private final class HeapSampler extends Thread {
        private final Process monitor;
        private volatile long peakHeap;

        HeapSampler(Process monitor) {
            super("heap-sampler");
            setDaemon(true);
            this.monitor = monitor;
        }

        @Override
        public void run() {
            try {
                while (monitor.isAlive() && !isInterrupted()) {
                    peakHeap = Math.max(peakHeap, (long) metric(HEAP_USED));
                    Thread.sleep(SAMPLE.toMillis());
                }
            } catch (InterruptedException e) {
                // Asked to stop.
            } catch (RuntimeException e) {
                System.out.println("  heap sampling stopped: " + e.getMessage());
            }
        }
    }
}
