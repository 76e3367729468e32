package io.complaintmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    static final String V1 = """
            {"type":"record","name":"Case","namespace":"t","fields":[{"name":"ref","type":"string"}]}""";
    // Same schema as V1, spelled differently: whitespace, attribute order, {"type":"string"}.
    static final String V1_RESPELLED = """
            {
              "namespace": "t", "name": "Case", "type": "record",
              "fields": [ { "type": {"type": "string"}, "name": "ref" } ]
            }""";
    static final String V2_OPTIONAL_FIELD = """
            {"type":"record","name":"Case","namespace":"t","fields":[{"name":"ref","type":"string"},
             {"name":"team","type":["null","string"],"default":null}]}""";
    static final String V2_REQUIRED_FIELD = """
            {"type":"record","name":"Case","namespace":"t","fields":[{"name":"ref","type":"string"},
             {"name":"team","type":"string"}]}""";
    static final String OTHER = """
            {"type":"record","name":"Alert","namespace":"t","fields":[{"name":"kind","type":"int"}]}""";

    private final InMemorySchemaLog log = new InMemorySchemaLog();
    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(log);

    @Test
    void shouldReturnSameIdAndVersionWhenIdenticalSchemaRegisteredAgain() {
        StoredSchema first = registry.register("cases-value", V1);
        StoredSchema again = registry.register("cases-value", V1_RESPELLED);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(1);
        assertThat(registry.versions("cases-value")).containsExactly(1);
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void shouldGiveSameGlobalIdWhenSchemaRegisteredUnderAnotherSubject() {
        registry.register("alerts-value", OTHER);
        StoredSchema underCases = registry.register("cases-value", V1);
        StoredSchema underAudit = registry.register("audit-value", V1);

        assertThat(underAudit.id()).isEqualTo(underCases.id());
        assertThat(underAudit.version()).isEqualTo(1);
        assertThat(registry.subjects()).containsExactly("alerts-value", "audit-value", "cases-value");
    }

    @Test
    void shouldAddVersionWithNewIdWhenOptionalFieldAdded() {
        StoredSchema v1 = registry.register("cases-value", V1);
        StoredSchema v2 = registry.register("cases-value", V2_OPTIONAL_FIELD);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.id()).isEqualTo(v1.id() + 1);
        assertThat(registry.latest("cases-value")).isEqualTo(v2);
        assertThat(registry.version("cases-value", 1)).isEqualTo(v1);
    }

    @Test
    void shouldRefuseWith409WhenRequiredFieldAddedWithoutDefault() {
        registry.register("cases-value", V1);

        assertThatThrownBy(() -> registry.register("cases-value", V2_REQUIRED_FIELD))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible", "cases-value", "team");
                });
        assertThat(registry.versions("cases-value")).containsExactly(1);
    }

    @Test
    void shouldAnswerCompatibilityAgainstLatestAndAcceptAnythingForNewSubject() {
        registry.register("cases-value", V1);

        assertThat(registry.isCompatibleWithLatest("cases-value", V2_OPTIONAL_FIELD)).isTrue();
        assertThat(registry.isCompatibleWithLatest("cases-value", V2_REQUIRED_FIELD)).isFalse();
        assertThat(registry.isCompatibleWithLatest("no-such-value", V2_REQUIRED_FIELD)).isTrue();
    }

    @Test
    void shouldAnswer40403WhenIdUnknown() {
        assertThatThrownBy(() -> registry.schemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                });
    }

    @Test
    void shouldAnswer40401WhenSubjectUnknownAnd40402WhenVersionUnknown() {
        registry.register("cases-value", V1);

        assertThatThrownBy(() -> registry.latest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.version("cases-value", 7))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40402));
    }

    @Test
    void shouldRefuseWith42201WhenSchemaIsNotAvro() {
        assertThatThrownBy(() -> registry.register("cases-value", "{\"type\":\"recordz\"}"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldFindVersionWhenLookingUpRegisteredSchema() {
        registry.register("cases-value", V1);
        StoredSchema v2 = registry.register("cases-value", V2_OPTIONAL_FIELD);

        assertThat(registry.lookup("cases-value", V2_OPTIONAL_FIELD)).isEqualTo(v2);
        assertThatThrownBy(() -> registry.lookup("cases-value", OTHER))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void shouldRebuildSameIdsAndContinueNumberingWhenRestartedOnSameLog() {
        StoredSchema v1 = registry.register("cases-value", V1);
        StoredSchema v2 = registry.register("cases-value", V2_OPTIONAL_FIELD);
        StoredSchema other = registry.register("alerts-value", OTHER);

        EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(log);

        assertThat(restarted.subjects()).containsExactly("alerts-value", "cases-value");
        assertThat(restarted.version("cases-value", 1)).isEqualTo(v1);
        assertThat(restarted.latest("cases-value")).isEqualTo(v2);
        assertThat(restarted.register("cases-value", V1_RESPELLED).id()).isEqualTo(v1.id());
        StoredSchema fresh = restarted.register("fresh-value",
                V1.replace("\"Case\"", "\"Fresh\""));
        assertThat(fresh.id()).isEqualTo(other.id() + 1);
    }

    @Test
    void shouldLeaveStateUnchangedAndAnswer50001WhenLogAppendFails() {
        log.failNextAppends(1);

        assertThatThrownBy(() -> registry.register("cases-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                });
        assertThat(registry.subjects()).isEmpty();
        assertThat(registry.register("cases-value", V1).id()).isEqualTo(1);
    }
}
