package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Turns one non-null JSON value into the Java value a field of its kind holds, or an error. */
final class JsonValues {

    private static final int MAX_SHOWN = 60;

    private JsonValues() {
    }

    /** The decoded value, or null after adding an error for {@code spec}'s field. */
    static Object decode(FieldSpec spec, JsonNode node, GenericData model, List<FieldError> errors) {
        String problem = null;
        Object value = null;
        switch (spec.kind()) {
            case STRING -> {
                if (node.isTextual()) {
                    value = node.textValue();
                } else {
                    problem = expected("a string", node);
                }
            }
            case INT -> {
                if (!node.isIntegralNumber()) {
                    problem = expected("an integer", node);
                } else if (!node.canConvertToInt()) {
                    problem = "expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                            + ", got " + show(node);
                } else {
                    value = node.intValue();
                }
            }
            case LONG -> {
                if (!node.isIntegralNumber()) {
                    problem = expected("an integer", node);
                } else if (!node.canConvertToLong()) {
                    problem = "expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                            + ", got " + show(node);
                } else {
                    value = node.longValue();
                }
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    value = node.booleanValue();
                } else {
                    problem = expected("true or false", node);
                }
            }
            case ENUM -> {
                Schema enumSchema = spec.valueSchema();
                if (!node.isTextual()) {
                    problem = expected("a string, one of " + allowedSymbols(enumSchema), node);
                } else if (node.textValue().equals(enumSchema.getEnumDefault())) {
                    // The default symbol exists so old readers can decode new symbols; no sender means it.
                    problem = show(node) + " is only a reader's stand-in for symbols added later; expected one of "
                            + allowedSymbols(enumSchema);
                } else if (!enumSchema.hasEnumSymbol(node.textValue())) {
                    problem = "unknown symbol " + show(node) + "; expected one of " + allowedSymbols(enumSchema);
                } else {
                    value = model.createEnum(node.textValue(), enumSchema);
                }
            }
            case INSTANT -> {
                if (!node.isTextual()) {
                    problem = expected("a string (an ISO-8601 instant with an offset)", node);
                } else {
                    value = instant(node.textValue());
                    if (value == null) {
                        problem = instantProblem(node);
                    }
                }
            }
            case DATE -> {
                if (!node.isTextual()) {
                    problem = expected("a string (a date as yyyy-MM-dd)", node);
                } else {
                    value = date(node.textValue());
                    if (value == null) {
                        problem = show(node) + " is not a date as yyyy-MM-dd, e.g. 2025-12-19";
                    }
                }
            }
        }
        if (problem != null) {
            errors.add(new FieldError(spec.name(), problem));
        }
        return value;
    }

    /**
     * ISO-8601 with an offset ({@code Z}, {@code +01:00}), to the millisecond: Avro keeps
     * timestamp-millis, and a finer fraction (a database export's microseconds) is dropped.
     */
    static Instant instant(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS);
            instant.toEpochMilli();
            return instant;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** yyyy-MM-dd, a real calendar date, within the range of Avro's int days since 1970. */
    static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            Math.toIntExact(date.toEpochDay());
            return date;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String instantProblem(JsonNode node) {
        try {
            LocalDateTime.parse(node.textValue(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return show(node) + " has no offset; add Z for UTC or the local offset, e.g. +01:00";
        } catch (DateTimeParseException e) {
            return show(node) + " is not an ISO-8601 instant with an offset, e.g. 2025-12-19T10:15:00Z";
        }
    }

    static String allowedSymbols(Schema enumSchema) {
        return String.join(", ", enumSchema.getEnumSymbols().stream()
                .filter(symbol -> !symbol.equals(enumSchema.getEnumDefault()))
                .toList());
    }

    static String expected(String what, JsonNode node) {
        return "expected " + what + ", got " + show(node);
    }

    /** A JSON value as it was written, cut short; containers by kind only. */
    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual() && node.textValue().length() > MAX_SHOWN) {
            String quoted = new TextNode(node.textValue().substring(0, MAX_SHOWN)).toString();
            return quoted.substring(0, quoted.length() - 1) + "…\" (" + node.textValue().length() + " characters)";
        }
        return node.toString();
    }
}
