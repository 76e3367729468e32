package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.MonitorHttpServer;
import io.complaintmonitor.registry.EmbeddedSchemaRegistry;
import io.complaintmonitor.registry.InMemorySchemaLog;
import io.complaintmonitor.registry.RegistryHttpApi;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.schema.CrmCaseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our registry and serdes against an implementation we did not write: the npm package
 * {@code @kafkajs/confluent-schema-registry} (pinned in src/test/node/schema-registry-compat). Each side
 * encodes a CrmCaseEvent the other decodes, through the embedded registry on the monitor's HTTP server.
 * Skipped only when node or npm is not installed.
 */
class NpmSchemaRegistryCompatIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "complaints.crm.v1";
    private static final String SUBJECT = TOPIC + "-value";
    private static final Path SOURCE = Path.of("src", "test", "node", "schema-registry-compat");
    private static final Path WORK = Path.of("target", "npm-compat");
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);

    private static boolean nodeInstalled;
    private static boolean npmInstalled;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private MonitorHttpServer server;
    private SpecificAvroSerde<CrmCaseEvent> javaSerde;

    @BeforeAll
    static void installNpmClient() throws Exception {
        nodeInstalled = commandRuns("node", "--version");
        npmInstalled = commandRuns("npm", "--version");
        if (!nodeInstalled || !npmInstalled) {
            return;
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "compat.js")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            // --ignore-scripts: nothing the client needs runs at install time.
            run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), NPM_CI_TIMEOUT, "npm-ci");
        }
    }

    @BeforeEach
    void startRegistry() throws Exception {
        // Here rather than in @BeforeAll, so each test is reported skipped with the reason.
        assumeTrue(nodeInstalled, "node is not installed: skipping the kafkajs compatibility test");
        assumeTrue(npmInstalled, "npm is not installed: skipping the kafkajs compatibility test");
        RegistryHttpApi api = new RegistryHttpApi(EmbeddedSchemaRegistry.start(new InMemorySchemaLog()));
        HttpHandler recording = request -> {
            HttpResponse response = api.handle(request);
            calls.add(request.method() + " " + request.path() + " " + response.status());
            return response;
        };
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        RegistryHttpApi.PREFIXES.forEach(prefix -> routes.put(prefix, recording));
        server = MonitorHttpServer.start("127.0.0.1", 0, routes);
        javaSerde = AvroSerdes.specific(RestSchemaRegistryClient.forUrl(server.baseUri().toString()),
                CrmCaseEvent.class, false);
    }

    @AfterEach
    void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldDecodeInJavaWhatKafkajsRegisteredAndEncoded() throws Exception {
        // Pretty-printed, so equal ids below come from the registry's canonicalisation, not equal text.
        Path schemaFile = write("schema.avsc",
                JSON.readTree(CrmCaseEvent.getClassSchema().toString()).toPrettyString());
        Path recordFile = write("record.json", fullEventAsJsJson().toString());

        JsonNode encoded = JSON.readTree(node("encode", server.baseUri().toString(), SUBJECT,
                schemaFile.toAbsolutePath().toString(), recordFile.toAbsolutePath().toString()));
        byte[] fromNode = HexFormat.of().parseHex(encoded.get("hex").asText());
        int nodeId = encoded.get("id").asInt();

        assertThat(fromNode[0]).as("magic byte").isZero();
        assertThat(AvroWireFormat.schemaId(fromNode, TOPIC)).isEqualTo(nodeId);
        assertThat(javaSerde.deserializer().deserialize(TOPIC, fromNode)).isEqualTo(CrmCaseEvents.full());
        byte[] fromJava = javaSerde.serializer().serialize(TOPIC, CrmCaseEvents.full());
        assertThat(AvroWireFormat.schemaId(fromJava, TOPIC)).as("id Java gets for the same schema").isEqualTo(nodeId);
        assertThat(fromJava).as("both implementations' bytes").isEqualTo(fromNode);
        assertThat(calls).as("requests kafkajs and Java made")
                .contains("GET /config/" + SUBJECT + " 200", "POST /subjects/" + SUBJECT + "/versions 200")
                .allSatisfy(call -> assertThat(call).endsWith(" 200"));
    }

    @Test
    void shouldDecodeInKafkajsWhatJavaEncoded() throws Exception {
        byte[] fromJava = javaSerde.serializer().serialize(TOPIC, CrmCaseEvents.full());
        int id = AvroWireFormat.schemaId(fromJava, TOPIC);

        JsonNode decoded = JSON.readTree(node("decode", server.baseUri().toString(),
                HexFormat.of().formatHex(fromJava)));

        // Through text, so 12345 read back as an int node equals the long it was put as.
        assertThat(decoded).isEqualTo(JSON.readTree(fullEventAsJsJson().toString()));
        assertThat(decoded.get("occurredAt").asLong()).isEqualTo(CrmCaseEvents.OCCURRED_AT.toEpochMilli());
        assertThat(calls).as("requests kafkajs and Java made")
                .contains("GET /schemas/ids/" + id + " 200")
                .allSatisfy(call -> assertThat(call).endsWith(" 200"));
    }

    /**
     * CrmCaseEvents.full() as avsc represents it: unions unwrapped, enums as strings, and the logical
     * types as their underlying numbers (epoch millis, epoch days).
     */
    private static ObjectNode fullEventAsJsJson() {
        CrmCaseEvent event = CrmCaseEvents.full();
        return JSON.createObjectNode()
                .put("eventId", event.getEventId())
                .put("complaintRef", event.getComplaintRef())
                .put("type", event.getType().name())
                .put("stage", event.getStage())
                .put("occurredAt", event.getOccurredAt().toEpochMilli())
                .put("category", event.getCategory())
                .put("channel", event.getChannel().name())
                .put("definitionRecorded", event.getDefinitionRecorded())
                .put("newDueDate", (int) event.getNewDueDate().toEpochDay())
                .put("extensionReason", event.getExtensionReason())
                .put("updateIntervalWorkingDays", event.getUpdateIntervalWorkingDays())
                .put("outcome", event.getOutcome().name())
                .put("remedyAmountPence", event.getRemedyAmountPence())
                .putNull("refusalReason")
                .put("handlingTeam", event.getHandlingTeam())
                .put("reasonableAdjustments", event.getReasonableAdjustments())
                .put("landlordId", event.getLandlordId());
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(WORK.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "compat.js"));
        command.addAll(Arrays.asList(args));
        return run(command, NODE_TIMEOUT, "node-" + args[0]);
    }

    /** Runs {@code command} in {@link #WORK}; returns its stdout, fails with its stderr. */
    private static String run(List<String> command, Duration timeout, String logName) throws Exception {
        Path out = WORK.resolve(logName + ".out");
        Path err = WORK.resolve(logName + ".err");
        Process process = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(finished).as("%s finished within %s", command, timeout).isTrue();
            assertThat(process.exitValue())
                    .as("exit code of %s; stderr:%n%s", command, Files.readString(err))
                    .isZero();
            return Files.readString(out);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static boolean commandRuns(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            } finally {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
