package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintmonitor.cli.MonitorApp;
import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.serde.JsonSerde;
import io.complaintmonitor.testing.MonitorRig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one monitor sharing two partitions on the embedded broker: whichever instance
 * is asked, a key's query is answered by the instance that holds it. Landlord north (5,000 homes)
 * and south (8,000) each receive one complaint, received Monday 6 October 2025.
 */
class SeveralInstancesIT {

    private static final Clock OCT_24 = Clock.fixed(Instant.parse("2025-10-24T12:00:00Z"), ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Double> CH01 = Map.of("north", 0.2, "south", 0.125);

    @TempDir
    static Path dir;

    private static MonitorRig rig;
    private static MonitorApp second;
    private static List<String> instances;

    @BeforeAll
    static void startTwoInstancesAndSend() throws Exception {
        rig = MonitorRig.start(dir.resolve("one"), OCT_24, loader -> loader
                .override(ConfigKey.TOPIC_PARTITIONS, "2")
                .override(ConfigKey.LANDLORD_HOMES, "default=20000,north=5000,south=8000"));
        second = rig.startAnotherInstance(dir.resolve("two"));
        instances = List.of(base(rig.app()), base(second));
        await("both instances running in one group").atMost(Duration.ofSeconds(90)).until(() ->
                rig.app().streams().isRunning() && second.streams().isRunning()
                        && rig.app().streams().streams().metadataForAllStreamsClients().size() == 2);
        for (String landlord : CH01.keySet()) {
            var c = new ComplaintRecords(landlord.toUpperCase() + "-1", landlord);
            for (CrmCaseEvent event : new CrmCaseEvent[] {c.received("2025-10-06 10:00"),
                    c.acknowledged(1, "2025-10-07 10:00"), c.responded(1, "2025-10-20 10:00")}) {
                rig.send(rig.config().topics().crm(), rig.serdes().crm().serializer(), event);
            }
        }
        await("each landlord's receipt and response in the figures, asked of either instance").atMost(Duration.ofSeconds(90))
                .until(() -> {
                    for (String instance : instances) {
                        for (String landlord : CH01.keySet()) {
                            HttpResponse<String> r = get(instance, "/api/tsm?year=2025&landlord=" + landlord);
                            if (r.statusCode() != 200) {
                                return false;
                            }
                            // Everything the tests read: the receipt as well as the response.
                            JsonNode stage1 = JsonSerde.mapper().readTree(r.body()).get("yearToDate").get("stage1");
                            if (stage1.get("received").asLong() != 1 || stage1.get("responded").asLong() != 1) {
                                return false;
                            }
                        }
                    }
                    return rig.app().streams().isRunning() && second.streams().isRunning();
                });
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldAnswerEachLandlordFromTheInstanceHoldingItWhicheverInstanceIsAsked() throws Exception {
        int forwarded = 0;
        for (String landlord : CH01.keySet()) {
            String owner = ownerOf("landlordId=" + landlord);
            for (String instance : instances) {
                HttpResponse<String> response = get(instance, "/api/tsm?year=2025&landlord=" + landlord);
                JsonNode body = json(response);
                assertThat(body.get("servedBy").asText()).as(landlord + " asked of " + instance).isEqualTo(owner);
                assertThat(response.headers().firstValue("X-Served-By")).hasValue(owner);
                assertThat(body.get("yearToDate").get("stage1").get("ch01PerThousandHomes").asDouble())
                        .isEqualTo(CH01.get(landlord));
                if (!instance.endsWith(owner)) {
                    forwarded++;
                }
            }
        }
        assertThat(forwarded).as("each landlord asked of the instance not holding it").isEqualTo(2);
    }

    @Test
    void shouldAnswerAComplaintFromEitherInstance() throws Exception {
        for (String instance : instances) {
            JsonNode body = json(get(instance, "/api/complaints/NORTH-1?landlord=north"));
            assertThat(body.get("complaintRef").asText()).isEqualTo("NORTH-1");
            assertThat(instances).anyMatch(i -> i.endsWith(body.get("servedBy").asText()));
        }
    }

    @Test
    void shouldMarkAScanOfEveryValuePartialAndNameTheOtherInstance() throws Exception {
        Set<String> seen = new HashSet<>();
        for (String instance : instances) {
            JsonNode body = json(get(instance, "/api/stats?step=stage1-response&dimension=landlordId&window=quarter"));
            List<String> values = new ArrayList<>();
            body.get("groups").forEach(g -> values.add(g.get("value").asText()));
            seen.addAll(values);
            if (body.get("partial").asBoolean()) {
                assertThat(body.get("otherInstances")).hasSize(1);
                assertThat(instance).doesNotEndWith(body.get("otherInstances").get(0).asText());
                assertThat(instances).anyMatch(i -> i.endsWith(body.get("otherInstances").get(0).asText()));
            } else {
                assertThat(values).as("an instance holding everything lists everything").contains("north", "south");
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("north", "south");
    }

    @Test
    void shouldServeEachLandlordsGaugeFromOneInstanceOnly() throws Exception {
        for (String landlord : CH01.keySet()) {
            Pattern series = Pattern.compile("(?m)^complaint_tsm_ch01\\{[^}]*landlord=\\\"" + landlord
                    + "\\\"[^}]*period=\\\"year-to-date\\\"[^}]*stage=\\\"1\\\"[^}]*\\} (\\S+)$");
            List<String> values = new ArrayList<>();
            for (String instance : instances) {
                var m = series.matcher(get(instance, "/metrics").body());
                while (m.find()) {
                    values.add(m.group(1));
                }
            }
            assertThat(values).as(landlord).containsExactly(Double.toString(CH01.get(landlord)));
        }
    }

    @Test
    void shouldServeEachQuarterSeriesFromTheInstanceHoldingItsGroupOnly() throws Exception {
        Map<String, String> series = new java.util.LinkedHashMap<>();
        series.put("category=REPAIRS", "complaint_quarter_category_received\\{[^}]*category=\"REPAIRS\"");
        for (String landlord : CH01.keySet()) {
            series.put("landlordId=" + landlord, "complaint_quarter_received\\{[^}]*landlord=\"" + landlord
                    + "\"[^}]*stage=\"1\"");
        }
        for (Map.Entry<String, String> group : series.entrySet()) {
            Pattern sample = Pattern.compile("(?m)^" + group.getValue() + "[^}]*\\} (\\S+)$");
            List<String> servedBy = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String instance : instances) {
                String thisQuarter = get(instance, "/metrics").body().lines()
                        .filter(line -> line.contains("period=\"quarter-to-date\"")).collect(Collectors.joining("\n"));
                var m = sample.matcher(thisQuarter);
                while (m.find()) {
                    servedBy.add(instance);
                    values.add(m.group(1));
                }
            }
            // Both landlords' complaints are REPAIRS; one stage 1 complaint each.
            String expected = group.getKey().startsWith("category") ? "2.0" : "1.0";
            assertThat(values).as(group.getKey() + " served once").containsExactly(expected);
            assertThat(servedBy.get(0)).as(group.getKey()).endsWith(ownerOf(group.getKey()));
        }
    }

    /** host:port of the instance holding {@code group} of the counts, as the first instance sees it. */
    private static String ownerOf(String group) {
        var host = rig.app().streams().streams().queryMetadataForKey(FiguresTopology.COUNTS_STORE, group,
                Serdes.String().serializer()).activeHost();
        return host.host() + ":" + host.port();
    }

    private static String base(MonitorApp app) {
        return "http://127.0.0.1:" + app.config().httpPort();
    }

    private static HttpResponse<String> get(String instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonSerde.mapper().readTree(response.body());
    }
}
