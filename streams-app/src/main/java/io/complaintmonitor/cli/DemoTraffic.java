package io.complaintmonitor.cli;

import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.simulate.Incident;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import io.complaintmonitor.simulate.sink.EventSink;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import io.complaintmonitor.simulate.sink.PacedSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's traffic: a simulated landlord's last 12 months sent at full speed (so every panel,
 * the MRC's quarters included, has data at once), then its next months as they happen. The plan
 * (seed, size, range) is kept in the data directory, so a restarted demo carries on with the same
 * landlord and sends only what is due from then on, not the history again. Public for the
 * end-to-end test of the oversight stack, which runs the demo's own traffic.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    static final String PLAN_FILE = "demo-simulation.properties";
    /** How fast the past is replayed: well above what a 2-core machine processes, so the monitor sets the pace. */
    static final double BACKFILL_RATE = 20_000;

    private final Thread thread;
    private final CountDownLatch pastSent = new CountDownLatch(1);
    private volatile long sent;
    private volatile Exception failure;

    private DemoTraffic(Iterator<SimEvent> events, EventSink sink, Clock clock) {
        this.thread = new Thread(() -> run(events, sink, clock), "demo-simulator");
        this.thread.setDaemon(true);
    }

    /** The plan kept in {@code dataDir}, or a new one of {@code homes} homes from 12 months ago, kept there. */
    static SimulationSettings planIn(Path dataDir, long seed, int homes, Clock clock) throws IOException {
        Path planFile = dataDir.resolve(PLAN_FILE);
        if (Files.exists(planFile)) {
            return read(planFile);
        }
        SimulationSettings settings = plan(seed, homes, LondonTime.dateOf(clock.instant()));
        write(planFile, settings);
        return settings;
    }

    /**
     * Starts sending {@code settings}' records to {@code config}'s cluster; when {@code resumed},
     * only those from now on (the history went out on an earlier run).
     */
    public static DemoTraffic start(MonitorConfig config, SimulationSettings settings, boolean resumed,
            Clock clock) {
        Instant now = clock.instant();
        Iterator<SimEvent> events = Simulation.events(settings)
                .filter(e -> !resumed || !e.at().isBefore(now))
                .iterator();
        DemoTraffic traffic = new DemoTraffic(events,
                new PacedSink(KafkaEventSink.forConfig(config), BACKFILL_RATE, clock,
                        d -> Thread.sleep(d.toMillis())), clock);
        traffic.thread.start();
        return traffic;
    }

    /**
     * 12 months back and 12 ahead, with the default incidents placed in the past: a category spike
     * four months ago and a contractor collapsing two financial quarters ago, for the trend alerts.
     */
    public static SimulationSettings plan(long seed, int homes, LocalDate today) {
        LocalDate spikeMonth = today.minusMonths(4);
        var quarter = WindowKind.QUARTER.windowOf(today).previous().previous();
        List<Incident> incidents = List.of(
                new Incident.Spike("ASB", WindowKind.MONTH.windowOf(spikeMonth), Incident.Spike.DEFAULT_FACTOR),
                new Incident.Collapse("CON-3", quarter, Incident.Collapse.DEFAULT_SHARE));
        // As far ahead as the bundled calendar can count every clock of a complaint received then.
        LocalDate lastCounted = LocalDate.of(BankHolidayCalendars.bundled(BankHolidayCalendars.ENGLAND_AND_WALES)
                .lastYear(), 12, 31).minusDays(90);
        LocalDate to = today.plusMonths(12).isBefore(lastCounted) ? today.plusMonths(12) : lastCounted;
        return SimulationSettings.builder().seed(seed).homes(homes)
                .from(today.minusMonths(12)).to(to)
                .incidents(incidents).badRatio(0.002)
                .build();
    }

    private void run(Iterator<SimEvent> events, EventSink sink, Clock clock) {
        try (sink) {
            while (events.hasNext()) {
                SimEvent event = events.next();
                if (pastSent.getCount() > 0 && event.at().isAfter(clock.instant())) {
                    sink.flush();
                    pastSent.countDown();
                }
                sink.write(event);
                sent++;
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("demo simulator stopped: {}", e.getMessage(), e);
        } finally {
            pastSent.countDown();
        }
    }

    /** Waits until the simulated past is on Kafka; false if that took longer than {@code timeout}. */
    public boolean awaitPastSent(Duration timeout) throws InterruptedException {
        return pastSent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long sent() {
        return sent;
    }

    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path file, SimulationSettings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(s.seed()));
        p.setProperty("homes", Integer.toString(s.homes()));
        p.setProperty("from", s.from().toString());
        p.setProperty("to", s.to().toString());
        p.setProperty("incidents", String.join(" ", s.incidents().stream().map(Incident::spec).toList()));
        p.setProperty("badRatio", Double.toString(s.badRatio()));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "the demo's simulated landlord; delete it (or run demo --fresh) for a new one");
        }
    }

    private static SimulationSettings read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        Function<String, String> get = key -> {
            String value = p.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException(file + " has no " + key + ": delete it, or run demo --fresh");
            }
            return value;
        };
        String incidents = get.apply("incidents").trim();
        return SimulationSettings.builder()
                .seed(Long.parseLong(get.apply("seed")))
                .homes(Integer.parseInt(get.apply("homes")))
                .from(LocalDate.parse(get.apply("from")))
                .to(LocalDate.parse(get.apply("to")))
                .incidents(incidents.isEmpty() ? List.of()
                        : java.util.Arrays.stream(incidents.split(" ")).map(Incident::parse).toList())
                .badRatio(Double.parseDouble(get.apply("badRatio")))
                .build();
    }
}
