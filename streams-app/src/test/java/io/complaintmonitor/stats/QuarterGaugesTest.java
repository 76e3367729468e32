package io.complaintmonitor.stats;

import io.complaintmonitor.testing.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.ResponseOutcome;
import io.complaintmonitor.schema.WebFormType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MRC's quarter gauges read from the real topology's stores. It is Friday 24 October 2025:
 * FY2025-Q3, against FY2024-Q3. This quarter, landlord "default" (20,000 homes): A-1 answered by
 * the CRM on time, partly upheld with a £125.50 remedy, then referred to the Ombudsman; B-1
 * answered a day late by contractor K-1, not upheld, then escalated; C-1 refused (OUT_OF_TIME);
 * D-1 received in DAMP_MOULD; one survey feedback. A-1, B-1 and C-1 are REPAIRS. The same quarter
 * last year: L-1 (REPAIRS) answered on time by K-1.
 */
class QuarterGaugesTest {

    private static final HostInfo SELF = new HostInfo("monitor-1", 8080);
    private static final String NOW = "FY2025-Q3";
    private static final String LAST = "FY2024-Q3";

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
        var c = new ComplaintRecords("C-1");
        var d = new ComplaintRecords("D-1");
        var l = new ComplaintRecords("L-1");
        monitor.send(l.received("2024-11-04 10:00"), l.acknowledged(1, "2024-11-05 10:00"),
                l.contractor("K-1", ContractorUpdateType.RESPONSE_ISSUED, "2024-11-12 10:00").setStage(1)
                        .setOutcome(ResponseOutcome.UPHELD).build());
        monitor.send(a.received("2025-10-06 10:00"), a.acknowledged(1, "2025-10-07 10:00"),
                b.received("2025-10-06 10:00"), b.acknowledged(1, "2025-10-07 10:00"),
                a.crm(CrmEventType.RESPONSE_ISSUED, "2025-10-20 10:00").setStage(1)
                        .setOutcome(ResponseOutcome.PARTLY_UPHELD).setRemedyAmountPence(12_550L).build(),
                b.contractor("K-1", ContractorUpdateType.RESPONSE_ISSUED, "2025-10-22 10:00").setStage(1)
                        .setOutcome(ResponseOutcome.NOT_UPHELD).build(),
                a.crm(CrmEventType.OMBUDSMAN_REFERRED, "2025-10-21 10:00").build(),
                b.escalated("2025-10-23 10:00"),
                c.received("2025-10-08 10:00"), c.refused("2025-10-08 11:00"),
                d.crm(CrmEventType.RECEIVED, "2025-10-09 10:00").setCategory("DAMP_MOULD").build(),
                new ComplaintRecords("S-1").webform(WebFormType.SURVEY_FEEDBACK, "2025-10-10 10:00").build());
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    private FiguresGauges gauges() {
        return new FiguresGauges(() -> monitor.driver.getKeyValueStore(FiguresTopology.COUNTS_STORE),
                () -> monitor.driver.<String, DurationAggregate>getKeyValueStore(FiguresTopology.STATS_STORE),
                new InstanceRouter(SELF, InstanceRouter.Placement.single(SELF), Duration.ofSeconds(1)), running::get,
                monitor.config.landlordHomes(), monitor.config.defaultLandlordId(), clock).register(registry);
    }

    @Test
    void shouldServeTheLandlordsQuarterBesideTheSameQuarterLastYear() {
        gauges = gauges();
        assertThat(landlord(QuarterGauges.RECEIVED, NOW, "stage", "1")).isEqualTo(4.0);
        assertThat(landlord(QuarterGauges.RECEIVED, NOW, "stage", "2")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.RECEIVED, LAST, "stage", "1")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.OUTCOMES, NOW, "stage", "1", "outcome", "partly-upheld")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.OUTCOMES, NOW, "stage", "1", "outcome", "not-upheld")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.OUTCOMES, NOW, "stage", "1", "outcome", "upheld")).isEqualTo(0.0);
        assertThat(landlord(QuarterGauges.OUTCOMES, LAST, "stage", "1", "outcome", "upheld")).isEqualTo(1.0);
        // One escalation request over two stage 1 responses; none last year over one response.
        assertThat(landlord(QuarterGauges.ESCALATION_RATE, NOW)).isEqualTo(0.5);
        assertThat(landlord(QuarterGauges.ESCALATION_RATE, LAST)).isEqualTo(0.0);
        assertThat(landlord(QuarterGauges.REFUSALS, NOW, "reason", "OUT_OF_TIME")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.REFUSALS, LAST, "reason", "OUT_OF_TIME")).as("served for both periods")
                .isEqualTo(0.0);
        assertThat(landlord(QuarterGauges.REMEDIES, NOW, "stage", "1")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.REMEDY_POUNDS, NOW, "stage", "1")).isEqualTo(125.5);
        assertThat(landlord(QuarterGauges.OMBUDSMAN, NOW, "event", "referred")).isEqualTo(1.0);
        assertThat(landlord(QuarterGauges.OMBUDSMAN, NOW, "event", "determined")).isEqualTo(0.0);
        assertThat(landlord(QuarterGauges.SURVEY, NOW)).isEqualTo(1.0);
        // A landlord with nothing yet: zeros, no refusal reasons.
        assertThat(gauge(QuarterGauges.RECEIVED, "landlord", "north", "quarter", NOW, "stage", "1")).isEqualTo(0.0);
        assertThat(registry.find(QuarterGauges.REFUSALS).tag("landlord", "north").gauges()).isEmpty();
    }

    @Test
    void shouldServeCh01AndCh02ForTheSameQuarterLastYear() {
        gauges = gauges();
        // 1 received x 1000 / 20,000 homes; answered on time.
        assertThat(gauge(FiguresGauges.CH01, "landlord", "default", "period", QuarterGauges.LAST_YEAR,
                "financial_year", "FY2024", "quarter", LAST, "stage", "1")).isEqualTo(0.05);
        assertThat(gauge(FiguresGauges.CH02, "landlord", "default", "period", QuarterGauges.LAST_YEAR,
                "quarter", LAST, "stage", "1", "basis", "strict")).isEqualTo(1.0);
    }

    @Test
    void shouldServeStageOneVolumesPerCategoryAndResponsesPerContractor() {
        gauges = gauges();
        assertThat(gauge(QuarterGauges.CATEGORY_RECEIVED, "category", "REPAIRS", "quarter", NOW)).isEqualTo(3.0);
        assertThat(gauge(QuarterGauges.CATEGORY_RECEIVED, "category", "DAMP_MOULD", "quarter", NOW)).isEqualTo(1.0);
        assertThat(gauge(QuarterGauges.CATEGORY_RECEIVED, "category", "REPAIRS", "quarter", LAST)).isEqualTo(1.0);
        assertThat(gauge(QuarterGauges.CATEGORY_RECEIVED, "category", "DAMP_MOULD", "period",
                QuarterGauges.LAST_YEAR)).isEqualTo(0.0);
        // K-1: B-1 a day late this quarter, L-1 on time last year.
        assertThat(gauge(QuarterGauges.CONTRACTOR_RESPONSES, "contractor", "K-1", "quarter", NOW)).isEqualTo(1.0);
        assertThat(gauge(QuarterGauges.CONTRACTOR_WITHIN, "contractor", "K-1", "quarter", NOW)).isEqualTo(0.0);
        assertThat(gauge(QuarterGauges.CONTRACTOR_WITHIN, "contractor", "K-1", "quarter", LAST)).isEqualTo(1.0);
    }

    @Test
    void shouldServeOnlyTheTwentyLargestCategoriesLargestFirstThenByName() {
        List<Object> receipts = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            String category = String.format("CAT-%02d", i);
            receipts.add(new ComplaintRecords("X-" + i).crm(CrmEventType.RECEIVED, "2025-10-13 10:00")
                    .setCategory(category).build());
        }
        monitor.send(receipts.toArray());
        gauges = gauges();
        List<String> served = registry.find(QuarterGauges.CATEGORY_RECEIVED).tag("period", QuarterGauges.THIS_QUARTER)
                .gauges().stream().map(g -> g.getId().getTag("category")).sorted().toList();
        assertThat(served).hasSize(QuarterGauges.MAX_VALUES).contains("REPAIRS", "CAT-01", "CAT-19")
                .doesNotContain("CAT-20", "CAT-21", "DAMP_MOULD");
    }

    @Test
    void shouldMoveBothPeriodsWhenANewQuarterStarts() {
        gauges = gauges();
        clock.set(Instant.parse("2026-01-05T09:00:00Z"));
        gauges.refresh();
        assertThat(registry.find(QuarterGauges.RECEIVED).tag("quarter", NOW).gauges()).isEmpty();
        assertThat(registry.find(QuarterGauges.CATEGORY_RECEIVED).tag("quarter", NOW).gauges())
                .as("no category received anything in FY2025-Q4 or FY2024-Q4").isEmpty();
        assertThat(landlord(QuarterGauges.RECEIVED, "FY2025-Q4", "stage", "1")).isEqualTo(0.0);
        assertThat(landlord(QuarterGauges.RECEIVED, "FY2024-Q4", "stage", "1")).isEqualTo(0.0);
    }

    @Test
    void shouldServeTheLandlordsAsNaNAndNoCategoriesWhileKafkaStreamsIsNotRunning() {
        running.set(false);
        gauges = gauges();
        assertThat(landlord(QuarterGauges.RECEIVED, NOW, "stage", "1")).isNaN();
        assertThat(landlord(QuarterGauges.ESCALATION_RATE, LAST)).isNaN();
        assertThat(registry.find(QuarterGauges.CATEGORY_RECEIVED).gauges()).isEmpty();
        assertThat(registry.find(QuarterGauges.CONTRACTOR_WITHIN).gauges()).isEmpty();
    }

    private double landlord(String name, String quarter, String... tags) {
        List<String> all = new ArrayList<>(List.of("landlord", "default", "quarter", quarter, "period",
                quarter.equals(LAST) || quarter.equals("FY2024-Q4") ? QuarterGauges.LAST_YEAR
                        : QuarterGauges.THIS_QUARTER));
        all.addAll(List.of(tags));
        return gauge(name, all.toArray(String[]::new));
    }

    private double gauge(String name, String... tags) {
        Search search = registry.find(name).tags(tags);
        Gauge gauge = search.gauge();
        assertThat(gauge).as(name + " " + List.of(tags)).isNotNull();
        assertThat(search.gauges()).as(name + " " + List.of(tags) + " one series").hasSize(1);
        return gauge.value();
    }
}
