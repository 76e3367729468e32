package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.testing.MonitorRig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API and the figures gauges on the real embedded broker, after Avro records on the CRM
 * topic: two complaints received Monday 6 October 2025 and acknowledged the next day (response
 * due 21 October), responded Monday 20 October (9 working days) and Wednesday 22 October (11,
 * late). The wall clock stands at Friday 24 October 2025: week 2025-W43, FY2025-Q3.
 */
class QueryApiIT {

    private static final Clock OCT_24 = Clock.fixed(Instant.parse("2025-10-24T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path stateDir;

    private static MonitorRig rig;

    @BeforeAll
    static void startAndSend() throws Exception {
        rig = MonitorRig.start(stateDir, OCT_24, loader -> loader.override(ConfigKey.LANDLORD_HOMES,
                "default=20000,north=5000"));
        var a = new ComplaintRecords("A-1");
        var b = new ComplaintRecords("B-1");
        for (CrmCaseEvent event : new CrmCaseEvent[] {a.received("2025-10-06 10:00"),
                a.acknowledged(1, "2025-10-07 10:00"), b.received("2025-10-06 10:00"),
                b.acknowledged(1, "2025-10-07 10:00"), a.responded(1, "2025-10-20 10:00"),
                b.responded(1, "2025-10-22 10:00")}) {
            rig.send(rig.config().topics().crm(), rig.serdes().crm().serializer(), event);
        }
        await("both responses in the year's figures").atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> tsm = rig.get("/api/tsm?year=2025");
            return tsm.statusCode() == 200
                    && json(tsm).get("yearToDate").get("stage1").get("responded").asLong() == 2;
        });
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldAnswerTheTsmOfTheYearAndSayWhichInstanceServedIt() throws Exception {
        HttpResponse<String> response = rig.get("/api/tsm?year=2025&landlord=default");
        String self = "127.0.0.1:" + rig.config().httpPort();
        assertThat(response.headers().firstValue(InstanceRouter.SERVED_BY)).hasValue(self);
        JsonNode body = json(response);
        assertThat(body.get("servedBy").asText()).isEqualTo(self);
        JsonNode stage1 = body.get("yearToDate").get("stage1");
        // 2 x 1000 / 20,000 homes; one of two responses within the timescale.
        assertThat(stage1.get("ch01PerThousandHomes").asDouble()).isEqualTo(0.1);
        assertThat(stage1.get("ch02").get("strict").asDouble()).isEqualTo(0.5);
        assertThat(body.get("quarters").get(2).get("window").asText()).isEqualTo("FY2025-Q3");
        assertThat(body.get("quarters").get(2).get("stage1").get("received").asLong()).isEqualTo(2);
        assertThat(body.get("quarters").get(3).get("status").asText()).isEqualTo("not-started");
        assertThat(rig.get("/api/tsm?year=twenty").statusCode()).isEqualTo(400);
        assertThat(rig.get("/api/tsm?landlord=nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerTheStageDurationsOfOneGroupAndOfEveryValue() throws Exception {
        JsonNode week = json(rig.get("/api/stats?step=stage1-response&dimension=source&value=crm&window=week"));
        assertThat(week.get("windows")).hasSize(1);
        JsonNode w43 = week.get("windows").get(0);
        assertThat(w43.get("window").asText()).isEqualTo("2025-W43");
        assertThat(w43.get("count").asLong()).isEqualTo(2);
        assertThat(w43.get("withinRatio").asDouble()).isEqualTo(0.5);
        assertThat(w43.get("mean").asDouble()).isEqualTo(10.0);
        assertThat(w43.get("p50").asInt()).isEqualTo(9);
        assertThat(w43.get("p90").asInt()).isEqualTo(11);

        JsonNode all = json(rig.get("/api/stats?step=stage1-response&dimension=category&window=quarter"));
        assertThat(all.get("partial").asBoolean()).as("one instance holds everything").isFalse();
        assertThat(all.get("groups").get(0).get("value").asText()).isEqualTo("REPAIRS");
        assertThat(rig.get("/api/stats?step=stage1-response&dimension=category&window=fortnight").body())
                .contains("use day, week, month, quarter or year");
    }

    @Test
    void shouldServeTheFiguresAsGaugesLabelledWithTheCurrentYearAndQuarter() throws Exception {
        await("gauges read from the stores").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = rig.get("/metrics").body();
            assertThat(sample(metrics, "complaint_tsm_ch01", "landlord=\"default\"", "stage=\"1\"",
                    "period=\"year-to-date\"", "financial_year=\"FY2025\"", "quarter=\"FY2025-Q3\"")).isEqualTo(0.1);
            assertThat(sample(metrics, "complaint_tsm_ch02", "landlord=\"default\"", "stage=\"1\"",
                    "period=\"quarter-to-date\"", "basis=\"strict\"")).isEqualTo(0.5);
            assertThat(sample(metrics, "complaint_tsm_ch01", "landlord=\"north\"", "stage=\"1\"",
                    "period=\"year-to-date\"")).isEqualTo(0.0);
            assertThat(sample(metrics, "complaint_step_within_timescale_ratio", "step=\"stage1-response\"",
                    "source=\"crm\"", "window=\"week\"")).isEqualTo(0.5);
            assertThat(sample(metrics, "complaint_step_duration_working_days", "step=\"stage1-response\"",
                    "source=\"crm\"", "window=\"quarter\"", "statistic=\"p90\"")).isEqualTo(11.0);
        });
    }

    /** The value of the one sample of {@code name} whose labels include every one of {@code labels}. */
    private static double sample(String metrics, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        Double found = null;
        while (m.find()) {
            String have = m.group(1);
            if (Arrays.stream(labels).allMatch(have::contains)) {
                assertThat(found).as("one sample of " + name + " with " + Arrays.toString(labels)).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as(name + " with " + Arrays.toString(labels)).isNotNull();
        return found;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonSerde.mapper().readTree(response.body());
    }
}
