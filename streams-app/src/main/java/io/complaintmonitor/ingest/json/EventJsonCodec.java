package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.ingest.SourceTopics;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON form of the three source records: one flat object, field names as in the .avsc,
 * plus {@code "source": "crm" | "contractor" | "webform"}. The Avro schemas drive both
 * directions, so a new optional field in an .avsc is accepted and written without a change here.
 *
 * <p>This layer checks shape only: JSON types, required fields, enum symbols, instants and
 * dates. Contract rules (stage 1 or 2, a stage required for some types) are judged later.
 * Immutable and thread-safe.
 */
public final class EventJsonCodec {

    public static final String SOURCE_FIELD = "source";

    private static final String SOURCES = Arrays.stream(Source.values())
            .map(Source::label)
            .collect(Collectors.joining(", "));

    private final Map<Source, RecordJson> bySource = new EnumMap<>(Source.class);
    private final ObjectMapper mapper = StrictJson.mapper();

    public EventJsonCodec() {
        for (Source source : Source.values()) {
            bySource.put(source, RecordJson.forClass(recordClass(source), source.label(), Set.of(SOURCE_FIELD)));
        }
    }

    /** The Avro record class each source writes; the one place to extend for a fourth source. */
    static Class<? extends SpecificRecord> recordClass(Source source) {
        return switch (source) {
            case CRM -> CrmCaseEvent.class;
            case CONTRACTOR -> ContractorComplaintUpdate.class;
            case WEBFORM -> WebFormSubmission.class;
        };
    }

    /**
     * Decodes one event.
     *
     * @param sourceLabel the source the caller already knows (the HTTP path), or null when the
     *                    object must say it; if both say, they must agree
     * @param object      the JSON value; anything but an object is refused
     */
    public ParseResult parse(String sourceLabel, JsonNode object) {
        if (object == null || !object.isObject()) {
            return new ParseResult.Invalid(List.of(
                    new FieldError(null, "expected a JSON object, got " + JsonValues.show(object))));
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<Source> source = resolveSource(sourceLabel, object.get(SOURCE_FIELD), errors);
        if (source.isEmpty()) {
            return new ParseResult.Invalid(errors);
        }
        IndexedRecord record = bySource.get(source.get()).read((ObjectNode) object, errors);
        if (record == null) {
            return new ParseResult.Invalid(errors);
        }
        return new ParseResult.Valid(new SourcedRecord(source.get(), (SpecificRecord) record));
    }

    /**
     * The record as a JSON object: {@code source} first, then the non-null fields in schema
     * order, instants as ISO-8601 UTC ({@code 2025-12-19T10:15:00Z}), dates as yyyy-MM-dd.
     *
     * @throws IllegalArgumentException for a record of no source's type
     */
    public ObjectNode toJson(SpecificRecord record) {
        Source source = sourceOf(record);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put(SOURCE_FIELD, source.label());
        return bySource.get(source).write(record, out);
    }

    /** {@link #toJson} as one line of JSONL, without the line break. */
    public String toJsonLine(SpecificRecord record) {
        try {
            return mapper.writeValueAsString(toJson(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    /** The source whose topic carries records of this type. */
    public static Source sourceOf(SpecificRecord record) {
        for (Source source : Source.values()) {
            if (recordClass(source).isInstance(record)) {
                return source;
            }
        }
        throw new IllegalArgumentException("no source writes " + record.getClass().getName());
    }

    private static Optional<Source> resolveSource(String callerLabel, JsonNode field, List<FieldError> errors) {
        Optional<Source> fromCaller = Optional.empty();
        if (callerLabel != null) {
            fromCaller = SourceTopics.ofLabel(callerLabel);
            if (fromCaller.isEmpty()) {
                errors.add(new FieldError(SOURCE_FIELD, unknownSource(callerLabel)));
                return Optional.empty();
            }
        }
        if (field == null || field.isNull()) {
            if (fromCaller.isEmpty()) {
                errors.add(new FieldError(SOURCE_FIELD, "required field is missing; expected one of " + SOURCES));
            }
            return fromCaller;
        }
        if (!field.isTextual()) {
            errors.add(new FieldError(SOURCE_FIELD, JsonValues.expected("a string, one of " + SOURCES, field)));
            return Optional.empty();
        }
        Optional<Source> fromRecord = SourceTopics.ofLabel(field.textValue());
        if (fromRecord.isEmpty()) {
            errors.add(new FieldError(SOURCE_FIELD, unknownSource(field.textValue())));
            return Optional.empty();
        }
        if (fromCaller.isPresent() && fromCaller.get() != fromRecord.get()) {
            errors.add(new FieldError(SOURCE_FIELD, "is \"" + field.textValue()
                    + "\" but the record was submitted as \"" + callerLabel + "\""));
            return Optional.empty();
        }
        return fromRecord;
    }

    static String unknownSource(String label) {
        return "unknown source " + JsonValues.show(TextNode.valueOf(label)) + "; expected one of " + SOURCES;
    }
}
