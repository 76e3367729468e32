package io.complaintmonitor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Talks the Confluent Schema Registry REST API (v1) over {@link HttpClient}: works against Confluent,
 * Apicurio's ccompat API (give its base URL, e.g. {@code http://host:8080/apis/ccompat/v7}), Karapace,
 * Redpanda and our {@link EmbeddedSchemaRegistry}.
 *
 * <p>Ids are cached for ever (an id never changes meaning), and so are (subject, schema) to id answers
 * (a registered version is immutable). Transport errors, 408, 429 and 5xx are retried with
 * exponential backoff; other 4xx are the registry's final word and are not.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // What Confluent's own client sends: registries that predate the v1 type still answer JSON.
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to reach the registry. Several base URLs are tried in turn, one per attempt, as Confluent's
     * client does with a comma-separated {@code schema.registry.url}.
     */
    public record Settings(List<URI> baseUris, Duration connectTimeout, Duration requestTimeout,
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, String basicAuthUserInfo) {

        public Settings {
            baseUris = List.copyOf(baseUris);
            if (baseUris.isEmpty()) {
                throw new IllegalArgumentException("at least one schema registry URL is needed");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
        }

        /** Defaults for a comma-separated list of base URLs: 5 s to connect, 10 s a request, 4 attempts. */
        public static Settings forUrls(String urls) {
            if (urls == null || urls.isBlank()) {
                throw new IllegalArgumentException("no schema registry URL given");
            }
            List<URI> uris = Arrays.stream(urls.split(","))
                    .map(String::trim)
                    .filter(url -> !url.isEmpty())
                    .map(RestSchemaRegistryClient::parseBaseUri)
                    .toList();
            return new Settings(uris, Duration.ofSeconds(5), Duration.ofSeconds(10), 4,
                    Duration.ofMillis(100), Duration.ofSeconds(2), null);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(baseUris, connect, request, maxAttempts, initialBackoff, maxBackoff, basicAuthUserInfo);
        }

        public Settings withRetries(int attempts, Duration initial, Duration max) {
            return new Settings(baseUris, connectTimeout, requestTimeout, attempts, initial, max, basicAuthUserInfo);
        }

        /** {@code user:password} for HTTP basic authentication. */
        public Settings withBasicAuth(String userInfo) {
            return new Settings(baseUris, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
                    userInfo);
        }
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    // Keyed on Avro's Schema equality, which ignores docs: two schemas that differ only in docs share
    // an id here. Confluent's client does the same, and it cannot change how a record decodes.
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(Settings settings) {
        this.settings = settings;
        // HTTP/1.1: the JDK client's default h2c upgrade attempt confuses some proxies in front of registries.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    public static RestSchemaRegistryClient forUrl(String urls) {
        return new RestSchemaRegistryClient(Settings.forUrls(urls));
    }

    /** Builds a client from serde-style configuration: {@code schema.registry.url}, {@code basic.auth.user.info}. */
    public static RestSchemaRegistryClient fromConfig(Map<String, ?> configs) {
        Object url = configs.get(URL_CONFIG);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing configuration " + URL_CONFIG);
        }
        Settings settings = Settings.forUrls(url.toString());
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO_CONFIG);
        if (userInfo != null && !userInfo.toString().isBlank()) {
            settings = settings.withBasicAuth(userInfo.toString());
        }
        return new RestSchemaRegistryClient(settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        // POST is safe to retry here: registering an already registered schema returns its id.
        JsonNode answer = call("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id", "register under " + subject);
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = lookups.get(key);
        if (cached != null) {
            return cached;
        }
        // Only found versions are cached: a schema not registered yet may be registered by someone else.
        JsonNode answer = call("POST", "/subjects/" + segment(subject), schemaBody(schema));
        RegisteredSchema found = registeredSchema(answer, subject, schema);
        lookups.put(key, found);
        idsBySubjectSchema.putIfAbsent(key, found.id());
        return found;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "schema " + id + " is " + type + ", not AVRO");
        }
        Schema schema = parse(requiredText(answer, "schema", "schema " + id), "schema " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = call("GET", "/subjects/" + segment(subject) + "/versions/latest", null);
        return registeredSchema(answer, subject, null);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = call("POST", "/compatibility/subjects/" + segment(subject) + "/versions/latest",
                schemaBody(schema));
        JsonNode verdict = answer.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw malformed("compatibility check for " + subject, "is_compatible");
        }
        return verdict.booleanValue();
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = call("GET", "/subjects", null);
        if (!answer.isArray()) {
            throw malformed("list subjects", "a JSON array");
        }
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    private RegisteredSchema registeredSchema(JsonNode answer, String subject, Schema known) {
        String what = "subject " + subject;
        int id = requiredInt(answer, "id", what);
        int version = requiredInt(answer, "version", what);
        Schema schema = known != null ? known
                : schemasById.computeIfAbsent(id, ignored -> parse(requiredText(answer, "schema", what), what));
        return new RegisteredSchema(answer.path("subject").asText(subject), version, id, schema);
    }

    private static ObjectNode schemaBody(Schema schema) {
        // No schemaType: AVRO is the default everywhere, and older registries reject the field.
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        byte[] payload = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        SchemaRegistryException lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            URI base = settings.baseUris().get((attempt - 1) % settings.baseUris().size());
            URI uri = URI.create(base + path);
            String context = method + " " + uri;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(method, uri, payload), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                lastFailure = new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, 0,
                        "no answer from the schema registry (" + e + ")", context, e);
                backOff(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return readJson(response.body(), context);
            }
            SchemaRegistryException failure = errorFrom(status, response.body(), context);
            if (!failure.isTransient()) {
                throw failure;
            }
            lastFailure = failure;
            backOff(attempt);
        }
        throw new SchemaRegistryException(lastFailure.httpStatus(), lastFailure.errorCode(),
                lastFailure.registryMessage(),
                "gave up after " + settings.maxAttempts() + " attempts of " + method + " " + path, lastFailure);
    }

    private HttpRequest request(String method, URI uri, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (settings.basicAuthUserInfo() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(settings.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        if (payload == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
    }

    private void backOff(int attempt) {
        if (attempt >= settings.maxAttempts()) {
            return;
        }
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        // Jitter so that many stream threads failing together do not retry in lock step.
        long delay = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private static SchemaRegistryException errorFrom(int status, byte[] body, String context) {
        int errorCode = status;
        String message = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                errorCode = json.path("error_code").asInt(status);
                message = json.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // A proxy's HTML error page, say: keep its start as the message.
            message = message.length() > 200 ? message.substring(0, 200) + "..." : message;
        }
        if (message.isBlank()) {
            message = "HTTP " + status;
        }
        return new SchemaRegistryException(status, errorCode, message, context, null);
    }

    private static JsonNode readJson(byte[] body, String context) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(200, 0, "answer is not JSON: " + e.getMessage(), context, e);
        }
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, 0, "the registry returned an unparseable Avro schema: "
                    + e.getMessage(), what, e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed(what, field);
        }
        return value.intValue();
    }

    private static String requiredText(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(what, field);
        }
        return value.textValue();
    }

    private static SchemaRegistryException malformed(String what, String expected) {
        return new SchemaRegistryException(200, 0, "answer lacks " + expected, what, null);
    }

    /** Percent-encodes one path segment; URLEncoder is for forms and writes spaces as '+'. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI parseBaseUri(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("schema registry URL must be http or https: " + url);
        }
        return uri;
    }
}
