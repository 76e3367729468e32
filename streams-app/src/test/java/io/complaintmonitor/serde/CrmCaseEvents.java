package io.complaintmonitor.serde;

import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.ResponseOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Sample CrmCaseEvents for serde tests: one with every optional field set. */
final class CrmCaseEvents {

    static final Instant OCCURRED_AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final LocalDate NEW_DUE_DATE = LocalDate.of(2025, 4, 11);

    private CrmCaseEvents() {
    }

    static CrmCaseEvent full() {
        return CrmCaseEvent.newBuilder()
                .setEventId("evt-0001")
                .setComplaintRef("CMP-2025-0042")
                .setType(CrmEventType.EXTENSION_AGREED)
                .setStage(1)
                .setOccurredAt(OCCURRED_AT)
                .setCategory("DAMP_AND_MOULD")
                .setChannel(ContactChannel.WEB_FORM)
                .setDefinitionRecorded(true)
                .setNewDueDate(NEW_DUE_DATE)
                .setExtensionReason("CONTRACTOR_DELAY")
                .setUpdateIntervalWorkingDays(5)
                .setOutcome(ResponseOutcome.PARTLY_UPHELD)
                .setRemedyAmountPence(12_345L)
                .setRefusalReason(null)
                .setHandlingTeam("north")
                .setReasonableAdjustments(false)
                .setLandlordId("LL-7")
                .build();
    }

    static CrmCaseEvent minimal() {
        return CrmCaseEvent.newBuilder()
                .setEventId("evt-0002")
                .setComplaintRef("CMP-2025-0043")
                .setType(CrmEventType.RECEIVED)
                .setOccurredAt(OCCURRED_AT)
                .build();
    }

    /** CrmCaseEvent's schema as it was before {@code field} was added (a new record with the rest). */
    static Schema schemaWithout(String field) {
        Schema current = CrmCaseEvent.getClassSchema();
        List<Schema.Field> fields = current.getFields().stream()
                .filter(f -> !f.name().equals(field))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** Same name as CrmCaseEvent but eventId an int: no reader of the real schema can read it. */
    static Schema schemaWithEventIdAsInt() {
        return new Schema.Parser().parse("""
                {"type":"record","name":"CrmCaseEvent","namespace":"io.complaintmonitor.schema",
                 "fields":[{"name":"eventId","type":"int"}]}""");
    }

    static Schema otherSchema() {
        return new Schema.Parser().parse("""
                {"type":"record","name":"Other","namespace":"t","fields":[{"name":"n","type":"int"}]}""");
    }

    /** {@code event}'s values in a GenericRecord of {@code schema}, logical types as their raw numbers. */
    static GenericRecord asGeneric(CrmCaseEvent event, Schema schema) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = event.get(field.name());
            if (value instanceof Instant instant) {
                value = instant.toEpochMilli();
            } else if (value instanceof LocalDate date) {
                value = (int) date.toEpochDay();
            } else if (value instanceof Enum<?> symbol) {
                value = new GenericData.EnumSymbol(enumSchema(field.schema()), symbol.name());
            }
            record.put(field.name(), value);
        }
        return record;
    }

    private static Schema enumSchema(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(s -> s.getType() == Schema.Type.ENUM).findFirst().orElseThrow();
        }
        return schema;
    }
}
