package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.complaintmonitor.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TSM and step gauges read from the real topology's stores. Two stage 1 complaints from the
 * CRM, both received Monday 6 October 2025 and acknowledged Tuesday 7 October (response due 21
 * October): one responded Monday 20 October (8-10, 13-17, 20 October: 9 working days), one
 * Wednesday 22 October (11, late). It is Friday 24 October: week 2025-W43, FY2025-Q3.
 */
class FiguresGaugesTest {

    private static final HostInfo SELF = new HostInfo("monitor-1", 8080);

    @TempDir
    Path stateDir;

    private MonitorDriver monitor;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock(Instant.parse("2025-10-24T12:00:00Z"));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private FiguresGauges gauges;

    @BeforeEach
    void start() {
        monitor = MonitorDriver.start(stateDir, Map.of(ConfigKey.LANDLORD_HOMES, "default=20000,north=5000"));
        var a = new ComplaintRecords("A-1");
        var b = new ComplaintRecords("B-1");
        monitor.send(a.received("2025-10-06 10:00"), a.acknowledged(1, "2025-10-07 10:00"),
                b.received("2025-10-06 10:00"), b.acknowledged(1, "2025-10-07 10:00"),
                a.responded(1, "2025-10-20 10:00"), b.responded(1, "2025-10-22 10:00"));
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    private FiguresGauges gauges(InstanceRouter.Placement placement) {
        return new FiguresGauges(() -> monitor.driver.getKeyValueStore(FiguresTopology.COUNTS_STORE),
                () -> monitor.driver.<String, DurationAggregate>getKeyValueStore(FiguresTopology.STATS_STORE),
                new InstanceRouter(SELF, placement, Duration.ofSeconds(1)), running::get,
                monitor.config.landlordHomes(), monitor.config.defaultLandlordId(), clock).register(registry);
    }

    @Test
    void shouldServeCh01AndCh02ForTheYearAndQuarterToDateLabelledWithBoth() {
        gauges = gauges(InstanceRouter.Placement.single(SELF));
        // 2 received x 1000 / 20,000 homes = 0.1, the year and the quarter alike.
        assertThat(tsm(FiguresGauges.CH01, "default", "1", "year-to-date")).isEqualTo(0.1);
        assertThat(tsm(FiguresGauges.CH01, "default", "1", "quarter-to-date")).isEqualTo(0.1);
        assertThat(tsm(FiguresGauges.CH01, "default", "2", "year-to-date")).isEqualTo(0.0);
        // One of two responses within the timescale.
        assertThat(ch02("default", "1", "year-to-date", "strict")).isEqualTo(0.5);
        assertThat(ch02("default", "1", "quarter-to-date", "with-extensions")).isEqualTo(0.5);
        assertThat(ch02("default", "2", "year-to-date", "strict")).as("nothing responded at stage 2").isNaN();
        // A configured landlord with no complaints yet: none per 1,000 homes.
        assertThat(tsm(FiguresGauges.CH01, "north", "1", "year-to-date")).isEqualTo(0.0);
    }

    @Test
    void shouldServeTheCurrentWindowsStepFiguresPerSource() {
        gauges = gauges(InstanceRouter.Placement.single(SELF));
        for (String window : new String[] {"week", "month", "quarter"}) {
            assertThat(step(FiguresGauges.WITHIN_RATIO, "stage1-response", "crm", window, null)).as(window)
                    .isEqualTo(0.5);
        }
        // 9 and 11 working days: mean 10; nearest rank p50 the 1st of 2 (9), p90 the 2nd (11).
        assertThat(step(FiguresGauges.DURATION, "stage1-response", "crm", "week", "mean")).isEqualTo(10.0);
        assertThat(step(FiguresGauges.DURATION, "stage1-response", "crm", "week", "p50")).isEqualTo(9.0);
        assertThat(step(FiguresGauges.DURATION, "stage1-response", "crm", "week", "p90")).isEqualTo(11.0);
        assertThat(step(FiguresGauges.DURATION, "stage1-response", "crm", "week", "max")).isEqualTo(11.0);
        // Both acknowledged in week 2025-W41, not this week; none came from the web form.
        assertThat(step(FiguresGauges.WITHIN_RATIO, "stage1-acknowledgement", "crm", "week", null)).isNaN();
        assertThat(step(FiguresGauges.WITHIN_RATIO, "stage1-acknowledgement", "crm", "month", null)).isEqualTo(1.0);
        assertThat(step(FiguresGauges.WITHIN_RATIO, "stage1-response", "webform", "week", null)).isNaN();
    }

    @Test
    void shouldReplaceLastQuartersSeriesWhenANewQuarterStarts() {
        gauges = gauges(InstanceRouter.Placement.single(SELF));
        assertThat(registry.find(FiguresGauges.CH01).tag("quarter", "FY2025-Q3").gauges()).isNotEmpty();

        clock.set(Instant.parse("2026-01-05T09:00:00Z"));
        gauges.refresh();
        assertThat(registry.find(FiguresGauges.CH01).tag("quarter", "FY2025-Q3").gauges()).isEmpty();
        assertThat(registry.find(FiguresGauges.CH02).tag("quarter", "FY2025-Q3").gauges()).isEmpty();
        assertThat(tsm(FiguresGauges.CH01, "default", "1", "year-to-date", "FY2025-Q4")).isEqualTo(0.1);
        assertThat(tsm(FiguresGauges.CH01, "default", "1", "quarter-to-date", "FY2025-Q4")).isEqualTo(0.0);
        // A new week: nothing done in it yet.
        assertThat(step(FiguresGauges.WITHIN_RATIO, "stage1-response", "crm", "week", null)).isNaN();
    }

    @Test
    void shouldServeNaNWhileKafkaStreamsIsNotRunning() {
        running.set(false);
        gauges = gauges(InstanceRouter.Placement.single(SELF));
        assertThat(tsm(FiguresGauges.CH01, "default", "1", "year-to-date")).isNaN();
        assertThat(step(FiguresGauges.DURATION, "stage1-response", "crm", "week", "mean")).isNaN();
    }

    @Test
    void shouldServeOnlyTheGroupsThisInstanceHolds() {
        HostInfo other = new HostInfo("monitor-2", 8080);
        gauges = gauges(new InstanceRouter.Placement() {
            @Override
            public Optional<HostInfo> activeHost(String store, String key) {
                return Optional.of(key.equals("landlordId=north") || key.equals("source=webform") ? other : SELF);
            }

            @Override
            public Set<HostInfo> hostsOf(String store) {
                return Set.of(SELF, other);
            }
        });
        assertThat(registry.find(FiguresGauges.CH01).tag("landlord", "north").gauges()).isEmpty();
        assertThat(registry.find(FiguresGauges.CH01).tag("landlord", "default").gauges())
                .as("year and quarter to date, same quarter last year; stages 1 and 2").hasSize(6);
        assertThat(registry.find(FiguresGauges.WITHIN_RATIO).tag("source", "webform").gauges()).isEmpty();
        assertThat(registry.find(FiguresGauges.WITHIN_RATIO).gauges()).hasSize(2 * 4 * 3);
    }

    private double tsm(String name, String landlord, String stage, String period) {
        return tsm(name, landlord, stage, period, "FY2025-Q3");
    }

    private double tsm(String name, String landlord, String stage, String period, String quarter) {
        Gauge gauge = registry.find(name).tags("landlord", landlord, "stage", stage, "period", period,
                "financial_year", "FY2025", "quarter", quarter).gauge();
        assertThat(gauge).as(name + " " + landlord + " " + stage + " " + period + " " + quarter).isNotNull();
        return gauge.value();
    }

    private double ch02(String landlord, String stage, String period, String basis) {
        Gauge gauge = registry.find(FiguresGauges.CH02).tags("landlord", landlord, "stage", stage, "period", period,
                "basis", basis, "quarter", "FY2025-Q3").gauge();
        assertThat(gauge).isNotNull();
        return gauge.value();
    }

    private double step(String name, String step, String source, String window, String statistic) {
        var search = registry.find(name).tags("step", step, "source", source, "window", window);
        if (statistic != null) {
            search = search.tag("statistic", statistic);
        }
        Gauge gauge = search.gauge();
        assertThat(gauge).as(name + " " + step + " " + source + " " + window).isNotNull();
        return gauge.value();
    }
}
