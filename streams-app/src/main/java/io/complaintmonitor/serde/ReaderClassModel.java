package io.complaintmonitor.serde;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro model a specific reader decodes with: the generated class's own conversions (Instant,
 * LocalDate), and class lookup limited to the named types of the reader schema. Used by the
 * deserializer and by the JSON codec, which builds records of the same generated types.
 *
 * <p>Why not {@link SpecificData} as it is: since Avro 1.12.2 its by-name class lookup refuses every
 * class outside a global trust list (system property or {@code ClassSecurityValidator.setGlobal}), our
 * generated classes included. Rather than widen a JVM-wide setting, this model only ever loads the
 * classes the reader schema names, and only if they are generated Avro types; it loads them without
 * running their static initialisers until that check passes, which is what the trust list guards.
 */
public final class ReaderClassModel extends SpecificData {

    private final Map<String, Class<?>> classes = new HashMap<>();

    public ReaderClassModel(Class<?> readerType) {
        super(readerType.getClassLoader());
        SpecificData generated = SpecificData.getForClass(readerType);
        generated.getConversions().forEach(this::addLogicalTypeConversion);
        Schema readerSchema = generated.getSchema(readerType);
        Set<String> names = new HashSet<>();
        collectNamedTypes(readerSchema, names);
        for (String name : names) {
            Class<?> type = loadGenerated(name, readerType.getClassLoader());
            if (type != null) {
                classes.put(name, type);
            }
        }
    }

    /** The generated Avro class called {@code fullName}, or null if there is none. */
    static Class<?> loadGenerated(String fullName, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(fullName, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        boolean generated = SpecificRecord.class.isAssignableFrom(type) || type.isEnum()
                || GenericFixed.class.isAssignableFrom(type);
        return generated ? type : null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> classes.get(schema.getFullName());
            default -> super.getClass(schema);
        };
    }

    private static void collectNamedTypes(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(schema.getFullName())) {
                    schema.getFields().forEach(field -> collectNamedTypes(field.schema(), names));
                }
            }
            case ENUM, FIXED -> names.add(schema.getFullName());
            case UNION -> schema.getTypes().forEach(branch -> collectNamedTypes(branch, names));
            case ARRAY -> collectNamedTypes(schema.getElementType(), names);
            case MAP -> collectNamedTypes(schema.getValueType(), names);
            default -> {
                // primitives name no class
            }
        }
    }
}
