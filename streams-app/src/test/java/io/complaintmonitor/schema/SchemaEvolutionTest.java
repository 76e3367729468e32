package io.complaintmonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .avsc files are the contract with every producer: each current schema must read data
 * written with every released version in schemas/history (BACKWARD), and follow our schema style.
 */
class SchemaEvolutionTest {

    private static final Path SCHEMAS = Path.of("..", "schemas");
    private static final Map<String, Schema> CURRENT = parseCurrent();

    static Stream<Arguments> releasedVersions() throws IOException {
        List<Arguments> versions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SCHEMAS.resolve("history"))) {
            files.filter(f -> f.toString().endsWith(".avsc")).sorted().forEach(file -> versions.add(
                    Arguments.of(file.getParent().getFileName().toString(), file.getFileName().toString(), file)));
        }
        return versions.stream();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("releasedVersions")
    void shouldReadEveryReleasedVersionWithTheCurrentSchema(String name, String version, Path file)
            throws IOException {
        Schema released = new Schema.Parser().parse(file.toFile());
        Schema current = CURRENT.get(name);
        assertThat(current).as("current schema for released %s", name).isNotNull();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, released).getType())
                .as("current %s reading %s", name, version)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldKeepAReleasedVersionOfEveryRecordSchema() {
        for (String name : CURRENT.keySet()) {
            assertThat(SCHEMAS.resolve("history").resolve(name).resolve("v1.avsc")).as(name).exists();
        }
    }

    @Test
    void shouldDetectABreakingChangeSuchAsANewRequiredField() {
        // Proves the check above can fail: a field without a default cannot be read from old data.
        Schema current = CURRENT.get("CrmCaseEvent");
        String broken = current.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"tenancyType\",\"type\":\"string\",\"doc\":\"x\"},");
        Schema evolved = new Schema.Parser().parse(broken);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(evolved, current).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldDocumentEveryRecordFieldAndEnum() {
        for (Schema schema : CURRENT.values()) {
            assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
            for (Schema.Field field : schema.getFields()) {
                assertThat(field.doc()).as(schema.getName() + "." + field.name()).isNotBlank();
                Schema type = nonNull(field.schema());
                if (type.getType() == Schema.Type.ENUM) {
                    assertThat(type.getDoc()).as(type.getName()).isNotBlank();
                    assertThat(type.getEnumDefault()).as(type.getName() + " needs a default to grow").isEqualTo("UNKNOWN");
                }
            }
        }
    }

    @Test
    void shouldGenerateTheJavaClassesFromTheseFiles() {
        // The generated classes carry Java-only string properties; compare what goes on the wire.
        assertThat(canonical(CrmCaseEvent.getClassSchema())).isEqualTo(canonical(CURRENT.get("CrmCaseEvent")));
        assertThat(canonical(ContractorComplaintUpdate.getClassSchema()))
                .isEqualTo(canonical(CURRENT.get("ContractorComplaintUpdate")));
        assertThat(canonical(WebFormSubmission.getClassSchema())).isEqualTo(canonical(CURRENT.get("WebFormSubmission")));
        assertThat(canonical(BreachAlert.getClassSchema())).isEqualTo(canonical(CURRENT.get("BreachAlert")));
        assertThat(canonical(TrendAlert.getClassSchema())).isEqualTo(canonical(CURRENT.get("TrendAlert")));
    }

    private static String canonical(Schema schema) {
        return org.apache.avro.SchemaNormalization.toParsingForm(schema);
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        }
        return schema;
    }

    private static Map<String, Schema> parseCurrent() {
        Schema.Parser parser = new Schema.Parser();
        try {
            File[] enums = SCHEMAS.resolve("enums").toFile().listFiles((dir, n) -> n.endsWith(".avsc"));
            for (File file : enums) {
                parser.parse(file);
            }
            Map<String, Schema> records = new TreeMap<>();
            try (Stream<Path> files = Files.list(SCHEMAS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
                    Schema schema = parser.parse(file.toFile());
                    records.put(schema.getName(), schema);
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
