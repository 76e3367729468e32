package io.complaintmonitor.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.schema.CrmCaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;

/** The schema walk itself, on schemas that have no generated class. */
class RecordJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldReadAndWriteFieldsAddedToTheSchemaWhenNoCodeNamesThem() throws Exception {
        Schema grown = crmWith(
                new Schema.Field("tenure", Schema.createUnion(Schema.create(Schema.Type.NULL),
                        Schema.create(Schema.Type.STRING)), "new optional string", Schema.Field.NULL_DEFAULT_VALUE),
                new Schema.Field("reviewedAt", Schema.createUnion(Schema.create(Schema.Type.NULL),
                        LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))),
                        "new optional instant", Schema.Field.NULL_DEFAULT_VALUE),
                new Schema.Field("priority", Schema.create(Schema.Type.INT), "new with a default", 3));
        RecordJson json = new RecordJson(grown, GenericData.get(), "crm", Set.of("source"));
        ObjectNode input = (ObjectNode) MAPPER.readTree(EventJsonExamples.CRM_RECEIVED);
        input.remove("source");
        input.put("tenure", "SHARED_OWNERSHIP").put("reviewedAt", "2025-12-22T09:00:00+00:00");

        List<FieldError> errors = new ArrayList<>();
        IndexedRecord record = json.read(input, errors);

        assertThat(errors).isEmpty();
        assertThat(record.get(grown.getField("tenure").pos())).isEqualTo("SHARED_OWNERSHIP");
        assertThat(record.get(grown.getField("reviewedAt").pos())).isEqualTo(Instant.parse("2025-12-22T09:00:00Z"));
        assertThat(record.get(grown.getField("priority").pos())).isEqualTo(3);
        ObjectNode written = json.write(record, JsonNodeFactory.instance.objectNode());
        assertThat(written.get("tenure").textValue()).isEqualTo("SHARED_OWNERSHIP");
        assertThat(written.get("reviewedAt").textValue()).isEqualTo("2025-12-22T09:00:00Z");
        assertThat(written.get("priority").intValue()).isEqualTo(3);
    }

    @Test
    void shouldRejectNullWhenAFieldHasADefaultButIsNotNullable() throws Exception {
        Schema grown = crmWith(new Schema.Field("priority", Schema.create(Schema.Type.INT), "with a default", 3));
        RecordJson json = new RecordJson(grown, GenericData.get(), "crm", Set.of("source"));
        ObjectNode input = (ObjectNode) MAPPER.readTree(EventJsonExamples.CRM_RECEIVED);
        input.putNull("priority");

        List<FieldError> errors = new ArrayList<>();
        assertThat(json.read(input, errors)).isNull();
        assertThat(errors).extracting(FieldError::describe)
                .containsExactly("priority: must not be null; leave it out to use the default");
    }

    @Test
    void shouldRefuseAtConstructionWhenTheSchemaHasAFieldJsonIngestCannotCarry() {
        Schema withArray = crmWith(new Schema.Field("tags", Schema.createArray(Schema.create(Schema.Type.STRING))));

        assertThatThrownBy(() -> new RecordJson(withArray, GenericData.get(), "crm", Set.of("source")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON ingest does not support array (field CrmCaseEvent.tags); "
                        + "extend FieldSpec before using it in a schema");
    }

    @Test
    void shouldRefuseAtConstructionWhenASchemaFieldIsNamedLikeTheEnvelope() {
        Schema withSource = crmWith(new Schema.Field("source", Schema.create(Schema.Type.STRING)));

        assertThatThrownBy(() -> new RecordJson(withSource, GenericData.get(), "crm", Set.of("source")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field CrmCaseEvent.source collides with the JSON envelope field of the same name");
    }

    private static Schema crmWith(Schema.Field... added) {
        Schema base = CrmCaseEvent.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.addAll(List.of(added));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
