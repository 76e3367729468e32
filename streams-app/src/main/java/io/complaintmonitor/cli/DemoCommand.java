package io.complaintmonitor.cli;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.embedded.EmbeddedKafkaBroker;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything on one machine: a real Kafka broker, the schema registry and the monitor, in this process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a real Kafka broker, a schema registry and the monitor in this process.",
                "Data lives under --data-dir, so it survives a restart. Ctrl-C stops it cleanly."})
final class DemoCommand implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Mixin
    MonitorOptions options;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "where the broker's log and the monitor's state live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--fresh", description = "delete --data-dir first and start from nothing")
    boolean fresh;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "port of the embedded broker on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (fresh) {
            deleteRecursively(dataDir);
        }
        try (ShutdownSignal signal = ShutdownSignal.install();
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(dataDir.resolve("kafka"), kafkaPort).start()) {
            broker.awaitReady(START_TIMEOUT);
            MonitorConfig config = options.loader(System.getenv())
                    .override(ConfigKey.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .override(ConfigKey.STATE_DIR, dataDir.resolve("streams").toString())
                    .load();
            KafkaSchemaLog schemaLog = KafkaSchemaLog.open(broker.bootstrapServers());
            try (MonitorApp app = MonitorApp.start(config,
                    Optional.of(new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog))))) {
                app.streams().awaitRunning(START_TIMEOUT);
                printUrls(app, broker, Duration.ofNanos(System.nanoTime() - started));
                return signal.await(app.streams().failure());
            } finally {
                schemaLog.close();
            }
        }
    }

    private static void printUrls(MonitorApp app, EmbeddedKafkaBroker broker, Duration took) {
        System.out.printf("complaint-monitor demo ready in %.1f s%n", took.toMillis() / 1000.0);
        System.out.println("  kafka            " + broker.bootstrapServers());
        System.out.println("  schema registry  " + app.httpUri());
        System.out.println("  metrics          " + app.httpUri().resolve("/metrics"));
        System.out.println("  health           " + app.httpUri().resolve("/health/ready"));
        System.out.println("Ctrl-C stops it; data stays in " + broker.dataDirectory().getParent() + " (--fresh wipes it).");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
