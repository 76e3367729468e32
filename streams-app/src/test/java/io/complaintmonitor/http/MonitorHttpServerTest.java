package io.complaintmonitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorHttpServerTest {

    private final AtomicReference<String> state = new AtomicReference<>("REBALANCING");
    private final AtomicReference<HttpRequest> seen = new AtomicReference<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private MonitorHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = MonitorHttpServer.start("127.0.0.1", 0, Map.of(
                "/health", new HealthHandler(state::get),
                "/api", request -> {
                    seen.set(request);
                    return HttpResponse.json(200, "{\"api\":true}");
                },
                "/api/boom", request -> {
                    throw new IllegalStateException("store \"x\" not ready");
                }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerLiveAtOnceButReadyOnlyWhenStreamsIsRunning() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        var notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"streams\":\"REBALANCING\"");
        state.set("RUNNING");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPickAPortWhenAskedForPortZeroAndSayItInTheBaseUri() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
    }

    @Test
    void shouldRouteToTheLongestMatchingPrefixWithDecodedQueryAndBody() throws Exception {
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                        server.baseUri().resolve("/api/alerts?status=open&kind=RESPONSE_OVERDUE&x=a%20b"))
                .POST(BodyPublishers.ofString("[1,2]")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen.get().path()).isEqualTo("/api/alerts");
        assertThat(seen.get().query()).containsEntry("status", "open").containsEntry("x", "a b");
        assertThat(seen.get().bodyText()).isEqualTo("[1,2]");
        assertThat(get("/api/boom").statusCode()).isEqualTo(500);
    }

    @Test
    void shouldNotMatchAPrefixInTheMiddleOfAPathSegment() throws Exception {
        assertThat(get("/apiary").statusCode()).isEqualTo(404);
        assertThat(get("/nothing").body()).contains("no such path: /nothing");
    }

    @Test
    void shouldReportAFailingHandlerAsAJsonError() throws Exception {
        var response = get("/api/boom");
        assertThat(response.body()).isEqualTo("{\"error\":\"store \\\"x\\\" not ready\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    private java.net.http.HttpResponse<String> get(String path) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                BodyHandlers.ofString());
    }
}
