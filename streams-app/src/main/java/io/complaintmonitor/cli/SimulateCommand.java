package io.complaintmonitor.cli;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.config.ConfigLoader;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.TopicProvisioner;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.simulate.Incident;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.simulate.sink.EventSink;
import io.complaintmonitor.simulate.sink.JsonlEventSink;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import io.complaintmonitor.simulate.sink.PacedSink;
import io.complaintmonitor.simulate.sink.Progress;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A simulated landlord's complaint records, to Kafka or to a JSONL file the audit reads. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a landlord's complaints: the records its CRM, contractors and web form would send, "
                + "in time order, reproducibly from --seed. Writes them to the source topics in Avro (default) or "
                + "to a JSONL file (--out) that the audit reads. See README, Simulating a landlord."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of every random draw: the same seed and options give the same records (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--homes", paramLabel = "N", defaultValue = "20000",
            description = "homes owned, shared between the landlords (default: ${DEFAULT-VALUE})")
    int homes;

    @Option(names = "--rate-per-1000", paramLabel = "R", defaultValue = "40",
            description = "stage 1 complaints a year per 1,000 homes, TSM CH01 (default: ${DEFAULT-VALUE})")
    double ratePer1000;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2025-04-01",
            description = "first day complaints are received, yyyy-MM-dd (default: ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--to", paramLabel = "DATE", defaultValue = "2026-04-01",
            description = "the simulation ends at 00:00 London time on this day: no complaint received on it or "
                    + "later, later events cut (default: ${DEFAULT-VALUE})")
    String to;

    @Option(names = "--landlords", paramLabel = "N", defaultValue = "1",
            description = "landlords sharing the homes, LL-1 to LL-N; 1 = the monitor's default landlord, no "
                    + "landlordId written (default: ${DEFAULT-VALUE})")
    int landlords;

    @Option(names = "--incident", paramLabel = "SPEC",
            description = "a scripted incident, repeatable: " + Incident.SYNTAX)
    List<String> incidents = new ArrayList<>();

    @Option(names = "--incidents", paramLabel = "SET", defaultValue = "none",
            description = "none, or default: an ASB spike in the range's middle month and CON-3 collapsing in the "
                    + "quarter two thirds through it (default: ${DEFAULT-VALUE})")
    String incidentSet;

    @Option(names = "--bad-ratio", paramLabel = "F", defaultValue = "0",
            description = "fraction of records that are bad, for the dead-letter path, e.g. 0.01 (default: ${DEFAULT-VALUE})")
    double badRatio;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write JSONL in the audit's format to FILE (- for standard output) instead of Kafka")
    Path out;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_SECOND",
            description = "live pacing: at most this many records a second, none before its own time (default: as fast as possible)")
    Double rate;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            description = "Kafka to send to (default: bootstrap.servers from --config or the environment)")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "schema registry (default: schema.registry.url from --config or the environment; the demo "
                    + "serves one on its HTTP port)")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the monitor's properties file: topic names, Kafka client settings, calendar")
    Path configFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        MonitorConfig config = config();
        SimulationSettings settings = settings(config);
        PrintWriter err = spec.commandLine().getErr();
        Summary summary = new Summary();
        Progress progress = new Progress(err, System.console() != null,
                LondonTime.startOf(settings.from()), LondonTime.startOf(settings.to()));
        String target;
        try (EventSink sink = pace(open(config))) {
            target = out != null ? (isStdout() ? "standard output" : out.toString())
                    : "Kafka " + config.bootstrapServers() + " (" + String.join(", ", config.topics().sources()) + ")";
            Iterator<SimEvent> events = Simulation.iterator(settings);
            while (events.hasNext()) {
                SimEvent event = events.next();
                sink.write(event);
                summary.add(event);
                progress.advance(event.at());
            }
        } finally {
            progress.finish();
        }
        err.println(summary.describe(target, Duration.ofNanos(System.nanoTime() - started)));
        if (settings.landlords() > 1) {
            err.println("monitor setting for CH01: landlord.homes=" + homesSetting(settings));
        }
        err.flush();
        return 0;
    }

    /** Defaults, --config, the environment, then --bootstrap-servers and --schema-registry-url. */
    private MonitorConfig config() {
        ConfigLoader loader = new ConfigLoader();
        if (configFile != null) {
            loader.file(configFile);
        }
        return loader.environment(System.getenv())
                .override(ConfigKey.BOOTSTRAP_SERVERS, bootstrapServers)
                .override(ConfigKey.SCHEMA_REGISTRY_URL, schemaRegistryUrl)
                .load();
    }

    /** The options as settings, or a ParameterException saying what to fix (exit code 2). */
    SimulationSettings settings(MonitorConfig config) {
        if (out != null && (bootstrapServers != null || schemaRegistryUrl != null)) {
            throw invalid("--out writes a file; --bootstrap-servers and --schema-registry-url are for Kafka: give one or the other");
        }
        if (rate != null && !(rate > 0)) {
            throw invalid("--rate must be above 0 records a second, got " + rate);
        }
        List<Incident> scripted = new ArrayList<>();
        LocalDate fromDate = date("--from", from);
        LocalDate toDate = date("--to", to);
        switch (incidentSet.toLowerCase(Locale.ROOT)) {
            case "none" -> { }
            case "default" -> {
                if (fromDate.isBefore(toDate)) {
                    scripted.addAll(Incident.defaults(fromDate, toDate));
                }
            }
            default -> throw invalid("--incidents must be none or default, got \"" + incidentSet + "\"");
        }
        try {
            for (String text : incidents) {
                scripted.add(Incident.parse(text));
            }
            return SimulationSettings.builder().seed(seed).homes(homes).ratePer1000(ratePer1000).from(fromDate)
                    .to(toDate).landlords(landlords).incidents(scripted).badRatio(badRatio)
                    .calendar(MonitorApp.calendarOf(config)).build();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage().startsWith("incident") ? "--" + e.getMessage() : e.getMessage());
        }
    }

    private EventSink open(MonitorConfig config) throws IOException {
        if (out == null) {
            if (config.createTopics()) {
                TopicProvisioner.ensureTopics(config);
            }
            return KafkaEventSink.forConfig(config);
        }
        if (isStdout()) {
            // Standard output stays open for whoever writes after us: closing the sink only flushes it.
            return new JsonlEventSink(new BufferedWriter(new FilterWriter(
                    new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }));
        }
        if (Files.isDirectory(out)) {
            throw invalid("--out " + out + " is a directory; give a file name, e.g. events.jsonl");
        }
        return JsonlEventSink.toFile(out);
    }

    private EventSink pace(EventSink sink) {
        return rate == null ? sink : PacedSink.realTime(sink, rate);
    }

    private boolean isStdout() {
        return out != null && out.toString().equals("-");
    }

    private LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid(option + " \"" + text + "\" is not a date as yyyy-MM-dd, e.g. 2025-04-01");
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String homesSetting(SimulationSettings settings) {
        List<String> ids = settings.landlordIds();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parts.add(ids.get(i) + "=" + settings.homesOf(i));
        }
        return String.join(",", parts);
    }

    /** What was written: records per source, bad ones, complaints. */
    private static final class Summary {
        private final Map<Source, Long> bySource = new EnumMap<>(Source.class);
        private final Set<String> complaints = new HashSet<>();
        private long bad;
        private long total;

        void add(SimEvent event) {
            total++;
            bySource.merge(event.source(), 1L, Long::sum);
            if (event.isBad()) {
                bad++;
            } else if (event.complaintRef() != null) {
                complaints.add(event.complaintRef());
            }
        }

        String describe(String target, Duration took) {
            String sources = bySource.entrySet().stream()
                    .map(e -> String.format("%s %,d", e.getKey().label(), e.getValue()))
                    .collect(Collectors.joining(", "));
            return String.format("simulated %,d complaints: %,d records (%s; %,d bad) to %s in %.1f s",
                    complaints.size(), total, sources, bad, target, took.toMillis() / 1000.0);
        }
    }
}
