package io.complaintmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryHttpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryHttpApi api = new RegistryHttpApi(EmbeddedSchemaRegistry.start(new InMemorySchemaLog()));

    @Test
    void shouldAnswerIdWhenSchemaPostedToVersions() throws Exception {
        HttpResponse response = post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V1));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"id\":1}"));
    }

    @Test
    void shouldAnswerSubjectVersionIdAndSchemaWhenLatestRequested() throws Exception {
        post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V1));
        post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V2_OPTIONAL_FIELD));

        JsonNode latest = json(get("/subjects/cases-value/versions/latest"));
        JsonNode first = json(get("/subjects/cases-value/versions/1"));

        assertThat(latest.get("subject").asText()).isEqualTo("cases-value");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(latest.get("schema").asText()).get("fields")).hasSize(2);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(json(get("/subjects/cases-value/versions"))).isEqualTo(JSON.readTree("[1,2]"));
        assertThat(json(get("/subjects"))).isEqualTo(JSON.readTree("[\"cases-value\"]"));
        assertThat(json(get("/schemas/ids/1")).get("schema").asText())
                .isEqualTo(first.get("schema").asText());
    }

    @Test
    void shouldAnswerConfluentErrorBodiesWhenThingsAreMissing() throws Exception {
        assertError(get("/subjects/nope-value/versions/latest"), 404, 40401);
        assertError(get("/schemas/ids/42"), 404, 40403);
        post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V1));
        assertError(get("/subjects/cases-value/versions/9"), 404, 40402);
        assertError(get("/subjects/cases-value/versions/zero"), 422, 42202);
        assertError(post("/subjects/cases-value", schemaBody(EmbeddedSchemaRegistryTest.OTHER)), 404, 40403);
    }

    @Test
    void shouldAnswer409WhenIncompatibleSchemaRegistered() throws Exception {
        post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V1));

        HttpResponse response = post("/subjects/cases-value/versions",
                schemaBody(EmbeddedSchemaRegistryTest.V2_REQUIRED_FIELD));

        assertError(response, 409, 409);
        assertThat(json(response).get("message").asText()).contains("incompatible with an earlier schema");
    }

    @Test
    void shouldAnswer42201WhenSchemaInvalidOrNotAvro() throws Exception {
        assertError(post("/subjects/x-value/versions", schemaBody("{\"type\":\"nonsense\"}")), 422, 42201);
        assertError(post("/subjects/x-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"), 422, 42201);
        assertError(post("/subjects/x-value/versions", "not json"), 400, 400);
    }

    @Test
    void shouldAnswerIsCompatibleAgainstLatest() throws Exception {
        post("/subjects/cases-value/versions", schemaBody(EmbeddedSchemaRegistryTest.V1));

        assertThat(json(post("/compatibility/subjects/cases-value/versions/latest",
                schemaBody(EmbeddedSchemaRegistryTest.V2_OPTIONAL_FIELD))))
                .isEqualTo(JSON.readTree("{\"is_compatible\":true}"));
        assertThat(json(post("/compatibility/subjects/cases-value/versions/latest",
                schemaBody(EmbeddedSchemaRegistryTest.V2_REQUIRED_FIELD))))
                .isEqualTo(JSON.readTree("{\"is_compatible\":false}"));
    }

    @Test
    void shouldAnswerBackwardForGlobalAndSubjectConfigAndRefuseOtherLevels() throws Exception {
        assertThat(json(get("/config"))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertThat(json(get("/config/anything-value")))
                .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertThat(json(put("/config/cases-value", "{\"compatibility\":\"BACKWARD\"}")))
                .isEqualTo(JSON.readTree("{\"compatibility\":\"BACKWARD\"}"));
        assertError(put("/config/cases-value", "{\"compatibility\":\"NONE\"}"), 422, 42203);
    }

    @Test
    void shouldAnswer404And405ForUnknownPathsAndMethods() throws Exception {
        assertError(get("/subjects/cases-value/whatever"), 404, 404);
        assertError(api.handle(new HttpRequest("DELETE", "/subjects", Map.of(), new byte[0])), 405, 405);
    }

    private HttpResponse get(String path) {
        return api.handle(new HttpRequest("GET", path, Map.of(), new byte[0]));
    }

    private HttpResponse post(String path, String body) {
        return api.handle(new HttpRequest("POST", path, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse put(String path, String body) {
        return api.handle(new HttpRequest("PUT", path, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    private static JsonNode json(HttpResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse response, int status, int errorCode) throws Exception {
        assertThat(response.status()).as("HTTP status").isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("error_code").asInt()).as("error_code in %s", body).isEqualTo(errorCode);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
