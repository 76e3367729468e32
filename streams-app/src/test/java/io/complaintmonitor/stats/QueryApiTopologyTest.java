package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.serde.JsonSerde;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/tsm} and {@code /api/stats} on the stores of the real topology (TopologyTestDriver),
 * with figures worked out by hand. Landlord "default" has 20,000 homes (the default
 * {@code landlord.homes}); it is 15 November 2025, in the third quarter of financial year 2025.
 */
class QueryApiTopologyTest {

    private static final Clock NOV_15 = Clock.fixed(Instant.parse("2025-11-15T12:00:00Z"), ZoneOffset.UTC);
    private static final HostInfo SELF = new HostInfo("monitor-1", 8080);

    @TempDir
    Path stateDir;

    private MonitorDriver monitor;
    private TsmQueryHandler tsm;
    private StatsQueryHandler stats;

    @BeforeEach
    void sendAYearOfComplaints() {
        monitor = MonitorDriver.start(stateDir);
        var c1 = new ComplaintRecords("C-1");
        var c2 = new ComplaintRecords("C-2");
        var c3 = new ComplaintRecords("C-3");
        var c5 = new ComplaintRecords("C-5");
        var c6 = new ComplaintRecords("C-6");
        monitor.send(
                // Q1. Acknowledged after 1 working day; responded 9, 10, 11, 14 April: 4, within 10.
                c1.received("2025-04-07 10:00"), c1.acknowledged(1, "2025-04-08 10:00"),
                c1.responded(1, "2025-04-14 10:00"),
                // Handled by contractor K-1 (Code 5.5); not responded to.
                c6.received("2025-05-06 10:00"),
                c6.contractor("K-1", ContractorUpdateType.ACKNOWLEDGED, "2025-05-07 10:00").setStage(1)
                        .setDefinitionRecorded(true).build(),
                // Damp and mould: responded 4, 5, 6, 9, 10 June: 5 working days.
                c5.crm(CrmEventType.RECEIVED, "2025-06-02 10:00").setCategory("DAMP_MOULD")
                        .setHandlingTeam(ComplaintRecords.TEAM).build(),
                c5.acknowledged(1, "2025-06-03 10:00"), c5.responded(1, "2025-06-10 10:00"),
                // Q2. Responded 3-4, 7-11, 14-18, 21-25, 28-31 July: 21 working days, late; then escalated.
                c2.received("2025-07-01 10:00"), c2.acknowledged(1, "2025-07-02 10:00"),
                c2.responded(1, "2025-07-31 10:00"), c2.escalated("2025-08-04 10:00"),
                // Q3. Refused as out of time.
                c3.received("2025-10-06 10:00"), c3.refused("2025-10-07 10:00"));
        InstanceRouter router = new InstanceRouter(SELF, InstanceRouter.Placement.single(SELF), Duration.ofSeconds(1));
        tsm = new TsmQueryHandler(() -> monitor.driver.getKeyValueStore(FiguresTopology.COUNTS_STORE), router,
                monitor.config.landlordHomes(), monitor.config.defaultLandlordId(), NOV_15);
        stats = new StatsQueryHandler(() -> monitor.driver.<String, DurationAggregate>getKeyValueStore(
                FiguresTopology.STATS_STORE), router);
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    @Test
    void shouldGiveTheYearToDateTsmOfTheDefaultLandlordWithItsInputs() throws Exception {
        JsonNode body = ok(tsm, "/api/tsm", "year", "2025");
        assertThat(body.get("landlordId").asText()).isEqualTo("default");
        assertThat(body.get("homes").asInt()).isEqualTo(20_000);
        assertThat(body.get("servedBy").asText()).isEqualTo("monitor-1:8080");
        JsonNode ytd = body.get("yearToDate");
        assertThat(ytd.get("window").asText()).isEqualTo("FY2025");
        assertThat(ytd.get("from").asText()).isEqualTo("2025-04-01");
        assertThat(ytd.get("to").asText()).isEqualTo("2026-03-31");
        assertThat(ytd.get("status").asText()).isEqualTo("in-progress");
        // Received at stage 1: C-1, C-6, C-5, C-2, C-3 = 5; 5 x 1000 / 20,000 = 0.25.
        JsonNode stage1 = ytd.get("stage1");
        assertThat(stage1.get("received").asLong()).isEqualTo(5);
        assertThat(stage1.get("ch01PerThousandHomes").asDouble()).isEqualTo(0.25);
        // Responded: C-1 and C-5 on time, C-2 late: 2 of 3 both ways.
        assertThat(stage1.get("responded").asLong()).isEqualTo(3);
        assertThat(stage1.get("ch02").get("strict").asDouble()).isEqualTo(2.0 / 3);
        assertThat(stage1.get("ch02").get("withExtensions").asDouble()).isEqualTo(2.0 / 3);
        assertThat(stage1.get("outcomes").get("upheld").get("count").asLong()).isEqualTo(3);
        assertThat(stage1.get("outcomes").get("upheld").get("share").asDouble()).isEqualTo(1.0);
        // One escalation (C-2): 1 x 1000 / 20,000 = 0.05; escalation rate 1 / 3 stage 1 responses.
        assertThat(ytd.get("stage2").get("received").asLong()).isEqualTo(1);
        assertThat(ytd.get("stage2").get("ch01PerThousandHomes").asDouble()).isEqualTo(0.05);
        assertThat(ytd.get("stage2").get("ch02").get("strict").isNull()).as("nothing responded at stage 2").isTrue();
        assertThat(ytd.get("escalationRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(ytd.get("refusals").get("OUT_OF_TIME").asLong()).isEqualTo(1);
        assertThat(ytd.get("counts").get("stage1.received").asLong()).isEqualTo(5);
        assertThat(ytd.get("counts").get("stage1.responded.within-strict").asLong()).isEqualTo(2);
    }

    @Test
    void shouldGiveEachQuarterAndMarkTheOneNotStarted() throws Exception {
        JsonNode quarters = ok(tsm, "/api/tsm", "year", "2025", "landlord", "default").get("quarters");
        assertThat(quarters).hasSize(4);
        JsonNode q1 = quarters.get(0);
        assertThat(q1.get("window").asText()).isEqualTo("FY2025-Q1");
        assertThat(q1.get("status").asText()).isEqualTo("ended");
        // C-1, C-6, C-5 received: 3 x 1000 / 20,000 = 0.15; C-1 and C-5 responded on time.
        assertThat(q1.get("stage1").get("ch01PerThousandHomes").asDouble()).isEqualTo(0.15);
        assertThat(q1.get("stage1").get("ch02").get("strict").asDouble()).isEqualTo(1.0);
        JsonNode q2 = quarters.get(1);
        assertThat(q2.get("stage1").get("ch02").get("withExtensions").asDouble()).isEqualTo(0.0);
        assertThat(q2.get("escalationRate").asDouble()).isEqualTo(1.0);
        JsonNode q3 = quarters.get(2);
        assertThat(q3.get("status").asText()).isEqualTo("in-progress");
        assertThat(q3.get("stage1").get("received").asLong()).isEqualTo(1);
        assertThat(q3.get("refusedTotal").asLong()).isEqualTo(1);
        JsonNode q4 = quarters.get(3);
        assertThat(q4.get("window").asText()).isEqualTo("FY2025-Q4");
        assertThat(q4.get("status").asText()).isEqualTo("not-started");
        assertThat(q4.has("stage1")).isFalse();
    }

    @Test
    void shouldTakeTheCurrentFinancialYearWhenNoYearIsGiven() throws Exception {
        assertThat(ok(tsm, "/api/tsm").get("financialYear").asText()).isEqualTo("FY2025");
    }

    @Test
    void shouldGiveAContractorsFiguresAndSayCh01DoesNotApply() throws Exception {
        JsonNode body = ok(tsm, "/api/tsm", "year", "2025", "contractor", "K-1");
        assertThat(body.get("group").asText()).isEqualTo("contractorId=K-1");
        assertThat(body.get("ch01").asText()).startsWith("not applicable");
        assertThat(body.get("homes").isNull()).isTrue();
        JsonNode stage1 = body.get("yearToDate").get("stage1");
        assertThat(stage1.get("received").asLong()).isEqualTo(1);
        assertThat(stage1.get("ch01PerThousandHomes").isNull()).isTrue();
    }

    @Test
    void shouldSayWhatToWriteWhenAParameterIsWrong() {
        assertError(tsm, 400, "e.g. year=2025", "/api/tsm", "year", "25");
        assertError(tsm, 400, "e.g. year=2025", "/api/tsm", "year", "April");
        assertError(tsm, 400, "not both", "/api/tsm", "landlord", "default", "contractor", "K-1");
        assertError(tsm, 400, "use year, landlord or contractor", "/api/tsm", "yaer", "2025");
        assertError(tsm, 400, "without '|'", "/api/tsm", "landlord", "a|b");
        assertError(tsm, 404, "no homes configured", "/api/tsm", "landlord", "nobody");
        assertError(tsm, 404, "contractor K-9", "/api/tsm", "contractor", "K-9");
    }

    @Test
    void shouldListEveryWindowOfOneGroupWithItsDurations() throws Exception {
        JsonNode body = ok(stats, "/api/stats", "step", "stage1-response", "dimension", "category", "value",
                "REPAIRS", "window", "quarter");
        assertThat(body.get("servedBy").asText()).isEqualTo("monitor-1:8080");
        JsonNode windows = body.get("windows");
        assertThat(windows).hasSize(2);
        // C-1: 4 working days, within.
        assertThat(windows.get(0).get("window").asText()).isEqualTo("FY2025-Q1");
        assertThat(windows.get(0).get("count").asLong()).isEqualTo(1);
        assertThat(windows.get(0).get("withinRatio").asDouble()).isEqualTo(1.0);
        assertThat(windows.get(0).get("mean").asDouble()).isEqualTo(4.0);
        // C-2: 21 working days, late.
        assertThat(windows.get(1).get("window").asText()).isEqualTo("FY2025-Q2");
        assertThat(windows.get(1).get("withinTimescale").asLong()).isZero();
        assertThat(windows.get(1).get("max").asInt()).isEqualTo(21);
        assertThat(windows.get(1).get("p90").asInt()).isEqualTo(21);

        JsonNode fromQ2 = ok(stats, "/api/stats", "step", "stage1-response", "dimension", "category", "value",
                "REPAIRS", "window", "quarter", "from", "FY2025-Q2").get("windows");
        assertThat(fromQ2).hasSize(1);
        assertThat(fromQ2.get(0).get("window").asText()).isEqualTo("FY2025-Q2");
    }

    @Test
    void shouldListEveryValueOfADimensionWhenNoValueIsGiven() throws Exception {
        JsonNode body = ok(stats, "/api/stats", "step", "stage1-response", "dimension", "category", "window",
                "quarter", "to", "FY2025-Q1");
        assertThat(body.get("partial").asBoolean()).isFalse();
        assertThat(body.get("otherInstances")).isEmpty();
        JsonNode groups = body.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("value").asText()).isEqualTo("DAMP_MOULD");
        assertThat(groups.get(0).get("windows").get(0).get("mean").asDouble()).isEqualTo(5.0);
        assertThat(groups.get(1).get("value").asText()).isEqualTo("REPAIRS");
        assertThat(groups.get(1).get("windows")).hasSize(1);
    }

    @Test
    void shouldGiveTheAllGroupWithoutAValue() throws Exception {
        JsonNode windows = ok(stats, "/api/stats", "step", "stage1-response", "dimension", "all", "window", "month")
                .get("windows");
        assertThat(windows).extracting(w -> w.get("window").asText()).containsExactly("2025-04", "2025-06",
                "2025-07");
        assertThat(windows).extracting(w -> w.get("mean").asDouble()).containsExactly(4.0, 5.0, 21.0);
    }

    @Test
    void shouldNameWhatToWriteForEveryBadStatsParameter() {
        assertError(stats, 400, "step is required", "/api/stats", "dimension", "all", "window", "week");
        assertError(stats, 400, "use stage1-acknowledgement", "/api/stats", "step", "stage3", "dimension", "all",
                "window", "week");
        assertError(stats, 400, "use all, source, category", "/api/stats", "step", "stage1-response", "dimension",
                "colour", "window", "week");
        assertError(stats, 400, "window is required", "/api/stats", "step", "stage1-response", "dimension", "all");
        assertError(stats, 400, "day, week, month and quarter", "/api/stats", "step", "stage1-response",
                "dimension", "all", "window", "year");
        assertError(stats, 400, "write it like FY2025-Q1", "/api/stats", "step", "stage1-response", "dimension",
                "all", "window", "quarter", "from", "2025-Q1");
        assertError(stats, 400, "swap them", "/api/stats", "step", "stage1-response", "dimension", "all",
                "window", "quarter", "from", "FY2025-Q3", "to", "FY2025-Q1");
        assertError(stats, 400, "has no values", "/api/stats", "step", "stage1-response", "dimension", "all",
                "value", "REPAIRS", "window", "week");
        assertError(stats, 400, "unknown parameter 'kind'", "/api/stats", "step", "stage1-response", "dimension",
                "all", "kind", "week");
    }

    private static JsonNode ok(io.complaintmonitor.http.HttpHandler handler, String path, String... params)
            throws Exception {
        HttpResponse response = handler.handle(HttpRequest.get(path, query(params)));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return JsonSerde.mapper().readTree(response.body());
    }

    private static void assertError(io.complaintmonitor.http.HttpHandler handler, int status, String message,
            String path, String... params) {
        try {
            HttpResponse response = handler.handle(HttpRequest.get(path, query(params)));
            assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
            assertThat(response.bodyText()).contains(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> query(String... params) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.put(params[i], params[i + 1]);
        }
        return query;
    }
}
