package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.complaintmonitor.serde.ReaderClassModel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads and writes one Avro record type as a flat JSON object by walking its schema: field
 * names are the Avro names, instants ISO-8601, dates yyyy-MM-dd, enums their symbols.
 */
final class RecordJson {

    private final Schema schema;
    private final GenericData model;
    private final String label;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final Set<String> reserved;

    /**
     * @param model    creates the records: a class's own SpecificData gives its generated class
     *                 (and the conversions it was generated with), GenericData a generic record
     * @param label    names the record type in messages ("unknown field for crm records")
     * @param reserved top-level names the caller handles itself, such as "source"
     */
    RecordJson(Schema schema, GenericData model, String label, Set<String> reserved) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(schema.getFullName() + " is not a record schema");
        }
        this.schema = schema;
        this.model = model;
        this.label = label;
        this.reserved = Set.copyOf(reserved);
        for (Schema.Field field : schema.getFields()) {
            if (reserved.contains(field.name())) {
                throw new IllegalArgumentException("field " + schema.getName() + "." + field.name()
                        + " collides with the JSON envelope field of the same name");
            }
            fields.put(field.name(), FieldSpec.of(field, schema.getName()));
        }
    }

    static RecordJson forClass(Class<? extends SpecificRecord> type, String label, Set<String> reserved) {
        ReaderClassModel model = new ReaderClassModel(type);
        return new RecordJson(model.getSchema(type), model, label, reserved);
    }

    Schema schema() {
        return schema;
    }

    /**
     * Decodes {@code object} into a record, or returns null after adding every problem found to
     * {@code errors}: fields in schema order, then unknown fields in document order.
     */
    IndexedRecord read(ObjectNode object, List<FieldError> errors) {
        int before = errors.size();
        IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
        for (FieldSpec spec : fields.values()) {
            JsonNode node = object.get(spec.name());
            if (node == null) {
                if (spec.optional()) {
                    record.put(spec.field().pos(), defaultOf(spec));
                } else {
                    errors.add(new FieldError(spec.name(), "required field is missing"));
                }
                continue;
            }
            if (node.isNull()) {
                if (spec.nullable()) {
                    record.put(spec.field().pos(), null);
                } else {
                    errors.add(new FieldError(spec.name(), spec.optional()
                            ? "must not be null; leave it out to use the default"
                            : "required field must not be null"));
                }
                continue;
            }
            Object value = JsonValues.decode(spec, node, model, errors);
            record.put(spec.field().pos(), value);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name) && !reserved.contains(name)) {
                errors.add(new FieldError(name, unknownFieldMessage(name)));
            }
        }
        return errors.size() == before ? record : null;
    }

    /** Adds the record's non-null fields to {@code out}, in schema order. */
    ObjectNode write(IndexedRecord record, ObjectNode out) {
        if (!record.getSchema().getFullName().equals(schema.getFullName())) {
            throw new IllegalArgumentException("expected a " + schema.getFullName() + ", got a "
                    + record.getSchema().getFullName());
        }
        for (FieldSpec spec : fields.values()) {
            Object value = record.get(spec.field().pos());
            if (value == null) {
                if (!spec.optional()) {
                    throw new IllegalArgumentException("required field " + schema.getName() + "."
                            + spec.name() + " is null");
                }
                continue;
            }
            switch (spec.kind()) {
                case STRING, ENUM -> out.put(spec.name(), value.toString());
                case INT -> out.put(spec.name(), ((Number) value).intValue());
                case LONG -> out.put(spec.name(), ((Number) value).longValue());
                case BOOLEAN -> out.put(spec.name(), (Boolean) value);
                // A model without conversions holds the raw Avro long and int.
                case INSTANT -> out.put(spec.name(), (value instanceof Instant instant
                        ? instant : Instant.ofEpochMilli((Long) value)).toString());
                case DATE -> out.put(spec.name(), (value instanceof LocalDate date
                        ? date : LocalDate.ofEpochDay((Integer) value)).toString());
            }
        }
        return out;
    }

    private Object defaultOf(FieldSpec spec) {
        return spec.field().hasDefaultValue() ? model.getDefaultValue(spec.field()) : null;
    }

    private String unknownFieldMessage(String name) {
        String suggestion = closestField(name);
        return suggestion != null
                ? "unknown field for " + label + " records; did you mean \"" + suggestion + "\"?"
                : "unknown field for " + label + " records; expected one of " + String.join(", ", fields.keySet());
    }

    /** The one known field within two edits of {@code name} (case ignored), if there is exactly one. */
    private String closestField(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String known : fields.keySet()) {
            int distance = editDistance(name.toLowerCase(), known.toLowerCase());
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return bestDistance <= 2 && !tie ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
