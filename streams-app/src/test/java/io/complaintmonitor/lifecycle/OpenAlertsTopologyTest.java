package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open-alerts store and {@code GET /api/alerts} on it: what on-call staff work through. */
class OpenAlertsTopologyTest extends MonitorDriverTest {

    private final ComplaintRecords c2 = new ComplaintRecords("C-2");

    private JsonNode get(Map<String, String> query) throws Exception {
        HttpResponse response = handler().handle(new HttpRequest("GET", AlertsQueryHandler.PREFIX, query, new byte[0]));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JsonSerde.mapper().readTree(response.body());
    }

    private AlertsQueryHandler handler() {
        return new AlertsQueryHandler(() -> monitor.driver.<String, Alert>getKeyValueStore(
                LifecycleTopology.OPEN_ALERTS_STORE), null);
    }

    @Test
    void shouldListOverdueAlertUntilTheAcknowledgementEndsIt() throws Exception {
        // Received Friday 19 December 2025: acknowledgement due Tuesday 30 December, overdue from the 31st.
        monitor.send(c1.received("2025-12-19 10:00"), c2.received("2025-12-22 10:00"));
        monitor.tick("2025-12-31T12:00:00Z");

        JsonNode open = get(Map.of("kind", "ACKNOWLEDGEMENT_OVERDUE"));
        assertThat(open.get("count").asInt()).isEqualTo(1);
        assertThat(open.get("partial").asBoolean()).as("one instance holds every task").isFalse();
        assertThat(open.get("alerts").get(0).get("complaintRef").asText()).isEqualTo("C-1");
        assertThat(open.get("alerts").get(0).get("dueDate").asText()).isEqualTo("2025-12-30");
        // Both have a due-soon alert still standing; C-1's is listed first (earlier due date).
        JsonNode all = get(Map.of());
        assertThat(all.get("alerts")).extracting(a -> a.get("complaintRef").asText() + " " + a.get("type").asText())
                .containsExactly("C-1 ACKNOWLEDGEMENT_DUE_SOON", "C-1 ACKNOWLEDGEMENT_OVERDUE",
                        "C-2 ACKNOWLEDGEMENT_DUE_SOON");
        assertThat(get(Map.of("limit", "1")).get("truncated").asBoolean()).isTrue();
        // The gauge counts the same store: complaint_alerts_open{kind,stage}.
        Map<String, Double> gauges = OpenAlertGauges.totals(() -> monitor.driver.<String, Alert>getKeyValueStore(
                LifecycleTopology.OPEN_ALERTS_STORE));
        assertThat(gauges).containsEntry("ACKNOWLEDGEMENT_OVERDUE|1", 1.0).containsEntry("ACKNOWLEDGEMENT_DUE_SOON|1", 2.0)
                .containsEntry("RESPONSE_OVERDUE|1", 0.0);

        monitor.send(c1.acknowledged(1, "2026-01-02 09:00"));
        assertThat(get(Map.of()).get("alerts")).extracting(a -> a.get("complaintRef").asText())
                .containsExactly("C-2");
        // A closure stops the clock: C-2's alert no longer stands either.
        monitor.send(c2.closed("2026-01-02 10:00"));
        assertThat(get(Map.of()).get("count").asInt()).isZero();
    }

    @Test
    void shouldRefuseParametersItCannotAnswerWithAMessageSayingWhatToWrite() {
        assertThat(status(Map.of("status", "resolved"))).isEqualTo(400);
        assertThat(status(Map.of("kind", "LATE"))).isEqualTo(400);
        assertThat(status(Map.of("stage", "3"))).isEqualTo(400);
        assertThat(status(Map.of("limit", "0"))).isEqualTo(400);
        assertThat(status(Map.of("colour", "red"))).isEqualTo(400);
        HttpResponse response = handler().handle(new HttpRequest("GET", AlertsQueryHandler.PREFIX,
                Map.of("kind", "LATE"), new byte[0]));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("RESPONSE_OVERDUE");
    }

    private int status(Map<String, String> query) {
        return handler().handle(new HttpRequest("GET", AlertsQueryHandler.PREFIX, query, new byte[0])).status();
    }
}
