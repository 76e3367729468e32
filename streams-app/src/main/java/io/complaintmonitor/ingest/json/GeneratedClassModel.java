package io.complaintmonitor.ingest.json;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A SpecificData that builds one generated record type, its enums included, with the record's
 * own conversions (Instant, LocalDate).
 *
 * <p>Why not the record's SpecificData: since Avro 1.12.2 its by-name class lookup refuses every
 * class outside a JVM-wide trust list, our generated ones included. This model only resolves
 * the named types of the one schema it serves, and only to generated Avro records and enums,
 * loaded without initialising them first. (The {@code serde} package's reader model does the
 * same for decoding; the two may share one class once both are on main.)
 */
final class GeneratedClassModel extends SpecificData {

    private final Map<String, Class<?>> classes = new HashMap<>();

    GeneratedClassModel(Class<? extends SpecificRecord> type) {
        super(type.getClassLoader());
        SpecificData generated = SpecificData.getForClass(type);
        generated.getConversions().forEach(this::addLogicalTypeConversion);
        register(generated.getSchema(type), type.getClassLoader());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> classes.get(schema.getFullName());
            default -> super.getClass(schema);
        };
    }

    private void register(Schema schema, ClassLoader loader) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!classes.containsKey(schema.getFullName())) {
                    load(schema.getFullName(), loader);
                    schema.getFields().forEach(field -> register(field.schema(), loader));
                }
            }
            case ENUM -> load(schema.getFullName(), loader);
            case UNION -> schema.getTypes().forEach(branch -> register(branch, loader));
            default -> {
                // FieldSpec refuses arrays, maps and fixed; primitives name no class.
            }
        }
    }

    private void load(String fullName, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(fullName, false, loader);
            if (SpecificRecord.class.isAssignableFrom(type) || type.isEnum()) {
                classes.put(fullName, type);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            classes.put(fullName, null); // a generic record or symbol then, as Avro itself would fall back
        }
    }
}
