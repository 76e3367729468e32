package io.complaintmonitor.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The one-machine default schema registry: Confluent's rules for ids, versions and BACKWARD
 * compatibility over a {@link SchemaLog}. {@link RegistryHttpApi} serves it over HTTP.
 *
 * <p>Ids are global, as in Confluent: the same schema gets the same id under every subject, and
 * registering a schema a subject already has returns its existing id. One instance writes a log:
 * two registries appending to the same topic could hand out the same id (Confluent elects a leader
 * for that; a one-machine monitor does not need one).
 */
public final class EmbeddedSchemaRegistry {

    public static final String COMPATIBILITY_LEVEL = "BACKWARD";

    private final SchemaLog log;
    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private int nextId = 1;

    private EmbeddedSchemaRegistry(SchemaLog log) {
        this.log = log;
    }

    /** Rebuilds the index from everything in {@code log}, then serves from memory and appends to it. */
    public static EmbeddedSchemaRegistry start(SchemaLog log) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(log);
        for (StoredSchema entry : log.replay()) {
            // Canonicalise again: a newer Avro may print a schema differently than the one that stored it.
            String canonical = canonical(parse(entry.schema()));
            registry.apply(new StoredSchema(entry.subject(), entry.version(), entry.id(), canonical));
        }
        return registry;
    }

    /** Registers {@code schemaText} under {@code subject}; an identical schema gets its existing id. */
    public synchronized StoredSchema register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = canonical(schema);
        TreeMap<Integer, StoredSchema> versions = subjects.getOrDefault(subject, new TreeMap<>());
        for (StoredSchema existing : versions.values()) {
            if (existing.schema().equals(canonical)) {
                return existing;
            }
        }
        if (!versions.isEmpty()) {
            StoredSchema latest = versions.lastEntry().getValue();
            List<String> problems = incompatibilities(schema, parse(latest.schema()));
            if (!problems.isEmpty()) {
                throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \""
                                + subject + "\", details: " + problems);
            }
        }
        int id = idsBySchema.getOrDefault(canonical, nextId);
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        StoredSchema entry = new StoredSchema(subject, version, id, canonical);
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            // Nothing changed in memory, so the caller may simply try again.
            throw new SchemaRegistryException(500, SchemaRegistryException.BACKEND_STORE_ERROR,
                    "Error while registering schema: could not write the schema log (" + e.getMessage() + ")");
        }
        apply(entry);
        return entry;
    }

    /** The version of {@code subject} holding {@code schemaText}: {@code POST /subjects/{s}}. */
    public synchronized StoredSchema lookup(String subject, String schemaText) {
        String canonical = canonical(parse(schemaText));
        return versionsOf(subject).values().stream()
                .filter(stored -> stored.schema().equals(canonical))
                .findFirst()
                .orElseThrow(() -> SchemaRegistryException.schemaNotFound("not found under subject " + subject));
    }

    public synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw SchemaRegistryException.schemaNotFound(String.valueOf(id));
        }
        return schema;
    }

    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsOf(subject).keySet());
    }

    public synchronized StoredSchema version(String subject, int version) {
        StoredSchema stored = versionsOf(subject).get(version);
        if (stored == null) {
            throw SchemaRegistryException.versionNotFound(version);
        }
        return stored;
    }

    public synchronized StoredSchema latest(String subject) {
        return versionsOf(subject).lastEntry().getValue();
    }

    /**
     * Whether {@code schemaText} could be registered next under {@code subject}. As in Confluent, a
     * subject with no versions accepts anything.
     */
    public synchronized boolean isCompatibleWithLatest(String subject, String schemaText) {
        Schema candidate = parse(schemaText);
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            return true;
        }
        return incompatibilities(candidate, parse(versions.lastEntry().getValue().schema())).isEmpty();
    }

    /** Whether {@code schemaText} is compatible with one given version of {@code subject}. */
    public synchronized boolean isCompatibleWith(String subject, int version, String schemaText) {
        Schema candidate = parse(schemaText);
        return incompatibilities(candidate, parse(version(subject, version).schema())).isEmpty();
    }

    public String compatibilityLevel() {
        return COMPATIBILITY_LEVEL;
    }

    private TreeMap<Integer, StoredSchema> versionsOf(String subject) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private void apply(StoredSchema entry) {
        subjects.computeIfAbsent(entry.subject(), ignored -> new TreeMap<>()).put(entry.version(), entry);
        schemasById.putIfAbsent(entry.id(), entry.schema());
        idsBySchema.putIfAbsent(entry.schema(), entry.id());
        nextId = Math.max(nextId, entry.id() + 1);
    }

    /** BACKWARD: a consumer on the new schema must read everything written with the latest one. */
    private static List<String> incompatibilities(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (SchemaCompatibility.Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage());
        }
        return problems.isEmpty() ? List.of(result.getDescription()) : problems;
    }

    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw SchemaRegistryException.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            // SchemaParseException, and AvroTypeException for a default that does not match its type.
            throw SchemaRegistryException.invalidSchema(e.getMessage());
        }
    }

    /**
     * Avro's own JSON printing of the parsed schema: whitespace, attribute order and the
     * {@code "string"} / {@code {"type":"string"}} spellings no longer matter, while docs, defaults and
     * logical types still do. Not the Parsing Canonical Form: that drops defaults, and two schemas
     * that differ in a default resolve differently, so they must not share an id.
     */
    static String canonical(Schema schema) {
        return schema.toString();
    }

    /** For logging: subject to number of versions. */
    @Override
    public synchronized String toString() {
        return subjects.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", ", "EmbeddedSchemaRegistry{", "}"));
    }
}
