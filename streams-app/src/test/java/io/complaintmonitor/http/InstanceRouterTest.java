package io.complaintmonitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router against a second, real HTTP server standing in for the instance that holds a key. */
class InstanceRouterTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 1);

    private MonitorHttpServer other;
    private HostInfo otherHost;
    private HostInfo deadHost;
    private InstanceRouter router;

    @BeforeEach
    void start() throws IOException {
        other = MonitorHttpServer.start("127.0.0.1", 0, Map.of("/api", request -> HttpResponse.json(200,
                "{\"path\":\"" + JsonText.escape(request.pathAndQuery()) + "\",\"forwardedBy\":\""
                        + request.header(InstanceRouter.FORWARDED) + "\"}")));
        otherHost = new HostInfo("127.0.0.1", other.port());
        try (ServerSocket free = new ServerSocket(0)) {
            deadHost = new HostInfo("127.0.0.1", free.getLocalPort());
        }
        InstanceRouter.Placement placement = new InstanceRouter.Placement() {
            @Override
            public Optional<HostInfo> activeHost(String store, String key) {
                return switch (key) {
                    case "here" -> Optional.of(SELF);
                    case "there" -> Optional.of(otherHost);
                    case "gone" -> Optional.of(deadHost);
                    default -> Optional.empty();
                };
            }

            @Override
            public Set<HostInfo> hostsOf(String store) {
                return Set.of(SELF, otherHost);
            }
        };
        router = new InstanceRouter(SELF, placement, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        other.close();
    }

    @Test
    void shouldAnswerLocallyAndSaySoWhenThisInstanceHoldsTheKey() {
        HttpResponse response = router.route("store", "here", HttpRequest.get("/api/x", Map.of()),
                () -> HttpResponse.json(200, "{\"local\":true}"));
        assertThat(response.bodyText()).isEqualTo("{\"local\":true}");
        assertThat(response.headers()).containsEntry(InstanceRouter.SERVED_BY, "127.0.0.1:1");
        assertThat(router.isLocal("store", "here")).isTrue();
        assertThat(router.isLocal("store", "there")).isFalse();
    }

    @Test
    void shouldForwardTheSameGetToTheOwnerAndReturnItsAnswerWhenAnotherInstanceHoldsTheKey() {
        HttpResponse response = router.route("store", "there",
                HttpRequest.get("/api/tsm", Map.of("year", "2025", "landlord", "north & south")),
                () -> { throw new AssertionError("must not answer locally"); });
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(
                "{\"path\":\"/api/tsm?landlord=north+%26+south&year=2025\",\"forwardedBy\":\"127.0.0.1:1\"}");
        assertThat(response.headers()).containsEntry(InstanceRouter.SERVED_BY, "127.0.0.1:" + other.port());
    }

    @Test
    void shouldRefuseToForwardAgainWhenAForwardedRequestFindsTheKeyMoved() {
        HttpRequest forwarded = new HttpRequest("GET", "/api/tsm", Map.of(), new byte[0],
                Map.of("x-forwarded-by-monitor", "127.0.0.1:9"));
        HttpResponse response = router.route("store", "there", forwarded, () -> HttpResponse.json(200, "{}"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).contains("forwarded here by 127.0.0.1:9").contains("retry");
    }

    @Test
    void shouldAnswer503WhenNoInstanceCanBeNamedAnd502WhenTheOwnerDoesNotAnswer() {
        assertThat(router.route("store", "nowhere", HttpRequest.get("/api/x", Map.of()),
                () -> HttpResponse.json(200, "{}")).status()).isEqualTo(503);
        HttpResponse gone = router.route("store", "gone", HttpRequest.get("/api/x", Map.of()),
                () -> HttpResponse.json(200, "{}"));
        assertThat(gone.status()).isEqualTo(502);
        assertThat(gone.bodyText()).contains("127.0.0.1:" + deadHost.port()).contains("did not answer");
    }

    @Test
    void shouldListTheOtherInstancesHoldingAStore() {
        assertThat(router.otherInstances("store")).containsExactly("127.0.0.1:" + other.port());
        assertThat(new InstanceRouter(SELF, InstanceRouter.Placement.single(SELF), Duration.ofSeconds(1))
                .otherInstances("store")).isEmpty();
    }
}
