package io.complaintmonitor.cli;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.embedded.EmbeddedKafkaBroker;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.KafkaSchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.simulate.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything on one machine: a real Kafka broker, the schema registry and the monitor, in this process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a real Kafka broker, a schema registry and the monitor in this process.",
                "Data lives under --data-dir, so it survives a restart. Ctrl-C stops it cleanly."})
final class DemoCommand implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration BACKFILL_TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

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

    @Option(names = "--no-simulator", description = "run empty, for real sources: no simulated landlord")
    boolean noSimulator;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the simulated landlord (default: ${DEFAULT-VALUE}); kept in --data-dir")
    long seed;

    @Option(names = "--homes", paramLabel = "N", defaultValue = "60000",
            description = "homes of the simulated landlord (default: ${DEFAULT-VALUE}); kept in --data-dir")
    int homes;

    @Option(names = "--stop-after", paramLabel = "SECONDS",
            description = "stop cleanly this many seconds after it is ready, as Ctrl-C would (default: run until"
                    + " stopped); for scripted runs, such as the one that trains the image's AOT cache")
    Integer stopAfterSeconds;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (stopAfterSeconds != null && stopAfterSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stop-after must be at least 1 (seconds), got " + stopAfterSeconds);
        }
        if (fresh) {
            deleteRecursively(dataDir);
        }
        try (ShutdownSignal signal = ShutdownSignal.install();
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(dataDir.resolve("kafka"), kafkaPort).start()) {
            broker.awaitReady(START_TIMEOUT);
            ConfigLoader loader = options.loader(System.getenv())
                    .override(ConfigKey.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .override(ConfigKey.STATE_DIR, dataDir.resolve("streams").toString());
            MonitorConfig config = loader.load();
            boolean resumed = Files.exists(dataDir.resolve(DemoTraffic.PLAN_FILE));
            SimulationSettings plan = null;
            if (!noSimulator) {
                if (homes < 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--homes must be at least 1, got "
                            + homes);
                }
                plan = DemoTraffic.planIn(dataDir, seed, homes, Clock.systemUTC());
                // CH01 is per 1,000 homes: the simulated landlord's homes, not the default setting. And
                // its year of history counts in full even if a heartbeat gets in before it is sent.
                config = loader.override(ConfigKey.LANDLORD_HOMES, config.defaultLandlordId() + "=" + plan.homes())
                        .override(ConfigKey.STATS_GRACE, "P400D")
                        .load();
            }
            KafkaSchemaLog schemaLog = KafkaSchemaLog.open(broker.bootstrapServers());
            try (MonitorApp app = MonitorApp.start(config,
                    Optional.of(new RegistryHttpApi(EmbeddedSchemaRegistry.start(schemaLog))))) {
                app.streams().awaitRunning(START_TIMEOUT);
                try (DemoTraffic traffic = plan == null ? null : simulate(app, plan, resumed)) {
                    printUrls(app, broker, Duration.ofNanos(System.nanoTime() - started));
                    return signal.await(app.streams().failure(),
                            stopAfterSeconds == null ? null : Duration.ofSeconds(stopAfterSeconds));
                }
            } finally {
                schemaLog.close();
            }
        }
    }

    /** The simulated landlord: its last 12 months at full speed, then live; prints how it went. */
    private static DemoTraffic simulate(MonitorApp app, SimulationSettings plan, boolean resumed)
            throws InterruptedException {
        long start = System.nanoTime();
        System.out.printf("simulating a landlord of %,d homes (seed %d, %s to %s): %s%n", plan.homes(), plan.seed(),
                plan.from(), plan.to(), resumed ? "carrying on from now" : "sending the last 12 months...");
        DemoTraffic traffic = DemoTraffic.start(app.config(), plan, resumed, Clock.systemUTC());
        if (resumed) {
            System.out.println("  the history went out on an earlier run; live traffic continues as it happens");
        } else if (traffic.awaitPastSent(BACKFILL_TIMEOUT)) {
            System.out.printf("  %,d records of history sent in %.1f s; live traffic continues as it happens%n",
                    traffic.sent(), (System.nanoTime() - start) / 1e9);
        } else {
            System.out.printf("  still sending history after %d s (%,d records so far); it carries on%n",
                    BACKFILL_TIMEOUT.toSeconds(), traffic.sent());
        }
        return traffic;
    }

    private static void printUrls(MonitorApp app, EmbeddedKafkaBroker broker, Duration took) {
        System.out.printf("complaint-monitor demo ready in %.1f s%n", took.toMillis() / 1000.0);
        System.out.println("  kafka            " + broker.bootstrapServers());
        System.out.println("  schema registry  " + app.httpUri());
        System.out.println("  metrics          " + app.httpUri().resolve("/metrics"));
        System.out.println("  health           " + app.httpUri().resolve("/health/ready"));
        System.out.println("  open breaches    " + app.httpUri().resolve("/api/alerts?status=open"));
        System.out.println("  TSM this year    " + app.httpUri().resolve("/api/tsm"));
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
