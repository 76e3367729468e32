package io.complaintmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.schema.CrmCaseEvent;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final String SUBJECT = "complaints.crm.v1-value";

    private final RegistryHttpApi api = new RegistryHttpApi(EmbeddedSchemaRegistry.start(new InMemorySchemaLog()));
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private MonitorHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        HttpHandler flaky = request -> {
            requests.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                return HttpResponse.json(failureStatus, "{\"error_code\":50301,\"message\":\"injected failure\"}");
            }
            return api.handle(request);
        };
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        RegistryHttpApi.PREFIXES.forEach(prefix -> routes.put(prefix, flaky));
        // Apicurio serves the same API under a base path: the client must keep it.
        routes.put("/apis/ccompat/v7", request -> api.handle(new HttpRequest(request.method(),
                request.path().substring("/apis/ccompat/v7".length()), request.query(), request.body())));
        server = MonitorHttpServer.start("127.0.0.1", 0, routes);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldRegisterFetchAndCheckWhenTalkingToEmbeddedRegistry() {
        RestSchemaRegistryClient client = client(4);
        Schema schema = CrmCaseEvent.getClassSchema();

        int id = client.register(SUBJECT, schema);

        RestSchemaRegistryClient fresh = client(4);
        assertThat(fresh.getById(id)).isEqualTo(schema);
        RegisteredSchema latest = fresh.latest(SUBJECT);
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.subject()).isEqualTo(SUBJECT);
        assertThat(latest.schema()).isEqualTo(schema);
        assertThat(fresh.lookup(SUBJECT, schema).id()).isEqualTo(id);
        assertThat(fresh.subjects()).containsExactly(SUBJECT);
        assertThat(fresh.isCompatible(SUBJECT, schema)).isTrue();
    }

    @Test
    void shouldSayIncompatibleWhenRequiredFieldAdded() {
        RestSchemaRegistryClient client = client(4);
        client.register("cases-value", parse(EmbeddedSchemaRegistryTest.V1));

        assertThat(client.isCompatible("cases-value", parse(EmbeddedSchemaRegistryTest.V2_REQUIRED_FIELD))).isFalse();
        assertThatThrownBy(() -> client.register("cases-value", parse(EmbeddedSchemaRegistryTest.V2_REQUIRED_FIELD)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
    }

    @Test
    void shouldAskRegistryOnceWhenSameSchemaRegisteredFetchedOrLookedUpTwice() {
        RestSchemaRegistryClient client = client(4);
        int id = client.register(SUBJECT, CrmCaseEvent.getClassSchema());
        client.register(SUBJECT, CrmCaseEvent.getClassSchema());
        assertThat(requests.get()).as("requests after registering twice").isEqualTo(1);

        RestSchemaRegistryClient reader = client(4);
        reader.getById(id);
        reader.getById(id);
        assertThat(requests.get()).as("requests after also fetching twice").isEqualTo(2);

        reader.lookup(SUBJECT, CrmCaseEvent.getClassSchema());
        reader.lookup(SUBJECT, CrmCaseEvent.getClassSchema());
        assertThat(requests.get()).as("requests after also looking up twice").isEqualTo(3);
    }

    @Test
    void shouldRetryAndSucceedWhenRegistryFailsTwiceWith503() {
        failuresLeft.set(2);

        int id = client(4).register(SUBJECT, CrmCaseEvent.getClassSchema());

        assertThat(id).isEqualTo(1);
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void shouldNotRetryWhenRegistryAnswers4xx() {
        RestSchemaRegistryClient client = client(4);

        assertThatThrownBy(() -> client.latest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.registryMessage()).isEqualTo("Subject 'nope-value' not found.");
                    assertThat(e.isTransient()).isFalse();
                });
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpWithRegistryErrorCodeWhenFailuresOutlastAttempts() {
        failuresLeft.set(100);
        failureStatus = 500;

        assertThatThrownBy(() -> client(3).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50301);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("gave up after 3 attempts");
                });
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void shouldRetryThenFailWithoutStatusWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                RestSchemaRegistryClient.Settings.forUrls("http://127.0.0.1:" + closedPort)
                        .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20)));

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("gave up after 3 attempts");
                });
    }

    @Test
    void shouldTimeOutEachAttemptWhenRegistryHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hung = new AtomicInteger();
        try (MonitorHttpServer hanging = MonitorHttpServer.start("127.0.0.1", 0, Map.of("/subjects", request -> {
            hung.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return HttpResponse.json(200, "[]");
        }))) {
            try {
                RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                        RestSchemaRegistryClient.Settings.forUrls(hanging.baseUri().toString())
                                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                                .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(5)));

                assertThatThrownBy(client::subjects)
                        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                            assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                            assertThat(e).hasRootCauseInstanceOf(HttpTimeoutException.class);
                        });
                assertThat(hung.get()).isEqualTo(2);
            } finally {
                // Before the server closes, so its workers are not left waiting.
                release.countDown();
            }
        }
    }

    @Test
    void shouldKeepBasePathWhenRegistryServedUnderPrefix() {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.baseUri() + "/apis/ccompat/v7/");

        int id = client.register("with space-value", CrmCaseEvent.getClassSchema());

        assertThat(client.subjects()).containsExactly("with space-value");
        assertThat(client.latest("with space-value").id()).isEqualTo(id);
        assertThat(requests.get()).as("requests that bypassed the base path").isZero();
    }

    @Test
    void shouldRefuseConfigurationWithoutUrl() {
        assertThatThrownBy(() -> RestSchemaRegistryClient.fromConfig(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl("localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http");
    }

    private RestSchemaRegistryClient client(int attempts) {
        return new RestSchemaRegistryClient(RestSchemaRegistryClient.Settings.forUrls(server.baseUri().toString())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(attempts, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }
}
