package io.complaintmonitor.cli;

import io.complaintmonitor.config.MonitorConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The monitor against an existing Kafka cluster and schema registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the monitor against an existing Kafka cluster and schema registry.",
                "Settings come from --config FILE and environment variables (KAFKA_BOOTSTRAP_SERVERS,",
                "SCHEMA_REGISTRY_URL, MONITOR_*, and KAFKA_* for the Kafka clients); see the README."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    MonitorOptions options;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = options.load(System.getenv());
        try (ShutdownSignal signal = ShutdownSignal.install();
                MonitorApp app = MonitorApp.start(config, Optional.empty())) {
            System.out.println("complaint-monitor on " + config.bootstrapServers() + ", registry "
                    + config.schemaRegistryUrl());
            System.out.println("  health  " + app.httpUri().resolve("/health/ready"));
            System.out.println("  metrics " + app.httpUri().resolve("/metrics"));
            return signal.await(app.streams().failure());
        }
    }
}
