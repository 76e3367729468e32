package io.complaintmonitor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Confluent Schema Registry REST API (the Avro part of v1) over an {@link EmbeddedSchemaRegistry}.
 * Mount it under every prefix in {@link #PREFIXES}; {@link #routes()} gives the map for
 * {@code MonitorHttpServer.start}.
 *
 * <p>Answers and errors have Confluent's shapes and codes so Confluent's serializers, kafkajs, Karapace
 * tooling and our {@link RestSchemaRegistryClient} work against it unchanged. Not served: deletes,
 * modes, schema references, non-Avro schema types, compatibility levels other than BACKWARD, and
 * subjects containing '/' (the HTTP server hands handlers decoded paths).
 */
public final class RegistryHttpApi implements HttpHandler {

    public static final List<String> PREFIXES = List.of("/subjects", "/schemas", "/compatibility", "/config");
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedSchemaRegistry registry;

    public RegistryHttpApi(EmbeddedSchemaRegistry registry) {
        this.registry = registry;
    }

    /** This handler under each of {@link #PREFIXES}. */
    public Map<String, HttpHandler> routes() {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        PREFIXES.forEach(prefix -> routes.put(prefix, this));
        return routes;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request.method(), segments(request.path()), request);
        } catch (SchemaRegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.registryMessage());
        }
    }

    private HttpResponse route(String method, List<String> path, HttpRequest request) {
        String root = path.isEmpty() ? "" : path.get(0);
        return switch (root) {
            case "subjects" -> subjects(method, path, request);
            case "schemas" -> schemas(method, path);
            case "compatibility" -> compatibility(method, path, request);
            case "config" -> config(method, path, request);
            default -> notFound();
        };
    }

    private HttpResponse subjects(String method, List<String> path, HttpRequest request) {
        if (path.size() == 1) {
            return method.equals("GET") ? ok(stringArray(registry.subjects())) : methodNotAllowed();
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            // POST /subjects/{s}: is this schema registered under the subject, and as which version?
            return method.equals("POST")
                    ? ok(versionJson(registry.lookup(subject, schemaFrom(request))))
                    : methodNotAllowed();
        }
        if (!path.get(2).equals("versions")) {
            return notFound();
        }
        if (path.size() == 3) {
            return switch (method) {
                case "GET" -> ok(intArray(registry.versions(subject)));
                case "POST" -> {
                    StoredSchema stored = registry.register(subject, schemaFrom(request));
                    yield ok(JSON.createObjectNode().put("id", stored.id()));
                }
                default -> methodNotAllowed();
            };
        }
        if (path.size() == 4 && method.equals("GET")) {
            String version = path.get(3);
            StoredSchema stored = isLatest(version) ? registry.latest(subject)
                    : registry.version(subject, versionNumber(version));
            return ok(versionJson(stored));
        }
        return path.size() == 4 ? methodNotAllowed() : notFound();
    }

    private HttpResponse schemas(String method, List<String> path) {
        if (path.size() == 2 && path.get(1).equals("types")) {
            return method.equals("GET") ? ok(stringArray(List.of("AVRO"))) : methodNotAllowed();
        }
        if (path.size() != 3 || !path.get(1).equals("ids")) {
            return notFound();
        }
        if (!method.equals("GET")) {
            return methodNotAllowed();
        }
        int id;
        try {
            id = Integer.parseInt(path.get(2));
        } catch (NumberFormatException e) {
            throw SchemaRegistryException.schemaNotFound(path.get(2));
        }
        return ok(JSON.createObjectNode().put("schema", registry.schemaById(id)));
    }

    private HttpResponse compatibility(String method, List<String> path, HttpRequest request) {
        if (path.size() != 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            return notFound();
        }
        if (!method.equals("POST")) {
            return methodNotAllowed();
        }
        String subject = path.get(2);
        String version = path.get(4);
        String schema = schemaFrom(request);
        boolean compatible = isLatest(version) ? registry.isCompatibleWithLatest(subject, schema)
                : registry.isCompatibleWith(subject, versionNumber(version), schema);
        return ok(JSON.createObjectNode().put("is_compatible", compatible));
    }

    /**
     * One fixed level. GET answers it for any subject (what Confluent does with
     * {@code defaultToGlobal=true}); PUT accepts only that level, so clients that pin BACKWARD (kafkajs
     * does on first registration) succeed and clients asking for anything else learn it is unsupported.
     */
    private HttpResponse config(String method, List<String> path, HttpRequest request) {
        if (path.size() > 2) {
            return notFound();
        }
        return switch (method) {
            case "GET" -> ok(JSON.createObjectNode().put("compatibilityLevel", registry.compatibilityLevel()));
            case "PUT" -> {
                String level = bodyOf(request).path("compatibility").asText("");
                if (!level.equalsIgnoreCase(registry.compatibilityLevel())) {
                    throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                            "Invalid compatibility level '" + level + "': the embedded registry supports only "
                                    + registry.compatibilityLevel());
                }
                yield ok(JSON.createObjectNode().put("compatibility", registry.compatibilityLevel()));
            }
            default -> methodNotAllowed();
        };
    }

    private static String schemaFrom(HttpRequest request) {
        JsonNode body = bodyOf(request);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw SchemaRegistryException.invalidSchema("schemaType " + type
                    + " is not supported: the embedded registry stores Avro schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw SchemaRegistryException.invalidSchema("schema references are not supported by the embedded"
                    + " registry: register the schema with its named types inlined");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw SchemaRegistryException.invalidSchema("the request body has no \"schema\" string");
        }
        return schema.textValue();
    }

    private static JsonNode bodyOf(HttpRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new SchemaRegistryException(400, 400, "the request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new SchemaRegistryException(400, 400, "the request body is not JSON: " + e.getMessage());
        }
    }

    private static boolean isLatest(String version) {
        return version.equals("latest") || version.equals("-1");
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between"
                        + " [1, 2^31-1] and the string \"latest\"");
    }

    private static ObjectNode versionJson(StoredSchema stored) {
        return JSON.createObjectNode()
                .put("subject", stored.subject())
                .put("version", stored.version())
                .put("id", stored.id())
                .put("schema", stored.schema());
    }

    private static ArrayNode stringArray(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode intArray(List<Integer> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    private static HttpResponse ok(JsonNode body) {
        return new HttpResponse(200, CONTENT_TYPE, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse notFound() {
        return error(404, 404, "HTTP 404 Not Found");
    }

    private static HttpResponse methodNotAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    private static HttpResponse error(int status, int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
        return new HttpResponse(status, CONTENT_TYPE, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
