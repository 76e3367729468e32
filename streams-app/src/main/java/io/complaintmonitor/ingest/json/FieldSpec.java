package io.complaintmonitor.ingest.json;

import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * One field of an Avro record as JSON sees it: its value kind, and whether it may be absent.
 * Built from the schema alone, so a field added to an .avsc needs no code here.
 */
record FieldSpec(Schema.Field field, Kind kind, Schema valueSchema, boolean nullable) {

    /** The JSON shapes the event schemas use; anything else is refused when the codec is built. */
    enum Kind { STRING, INT, LONG, BOOLEAN, ENUM, INSTANT, DATE }

    String name() {
        return field.name();
    }

    /** Absent (or null, if nullable) is fine: the record gets the schema default, else null. */
    boolean optional() {
        return nullable || field.hasDefaultValue();
    }

    static FieldSpec of(Schema.Field field, String recordName) {
        Schema schema = field.schema();
        boolean nullable = false;
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes().stream()
                    .filter(s -> s.getType() != Schema.Type.NULL)
                    .toList();
            if (branches.size() != 1 || branches.size() == schema.getTypes().size()) {
                throw unsupported(recordName, field, "a union other than [null, T]");
            }
            nullable = true;
            schema = branches.get(0);
        }
        LogicalType logical = schema.getLogicalType();
        String logicalName = logical == null ? null : logical.getName();
        Kind kind = switch (schema.getType()) {
            case STRING -> logicalName == null ? Kind.STRING : null;
            case INT -> logicalName == null ? Kind.INT : "date".equals(logicalName) ? Kind.DATE : null;
            case LONG -> logicalName == null ? Kind.LONG
                    : "timestamp-millis".equals(logicalName) ? Kind.INSTANT : null;
            case BOOLEAN -> Kind.BOOLEAN;
            case ENUM -> Kind.ENUM;
            default -> null;
        };
        if (kind == null) {
            throw unsupported(recordName, field,
                    logicalName == null ? schema.getType().getName() : logicalName);
        }
        return new FieldSpec(field, kind, schema, nullable);
    }

    private static IllegalArgumentException unsupported(String recordName, Schema.Field field, String what) {
        return new IllegalArgumentException("JSON ingest does not support " + what + " (field "
                + recordName + "." + field.name() + "); extend FieldSpec before using it in a schema");
    }
}
