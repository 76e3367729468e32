package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Strict JSON parsing shared by the ingest paths, with errors worded for the sender. */
final class StrictJson {

    private StrictJson() {
    }

    /** Duplicate keys are errors: Jackson would otherwise keep the last one, silently. */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Exactly one JSON value: anything after it is an error, where Jackson would ignore it.
     *
     * @return the value, or null for input with no value at all
     */
    static JsonNode readOne(ObjectMapper mapper, String text) throws JsonProcessingException {
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode node = mapper.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON value",
                        parser.currentTokenLocation());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("I/O error reading a string", e);
        }
    }

    /**
     * Jackson's message on one line, without the "[Source: ...]" noise it adds, prefixed with the
     * position: {@code "line 3, column 7: "}, or the column alone for a one-line document.
     */
    static String describe(JsonProcessingException e, boolean withLine) {
        String message = e.getOriginalMessage()
                .replaceAll("\\s*\\(start marker at \\[Source: .*?\\]\\)", "")
                .replaceAll("\\s*\\R\\s*", " ");
        var location = e.getLocation();
        if (location == null || location.getColumnNr() < 0) {
            return message;
        }
        String column = "column " + location.getColumnNr();
        return (withLine ? "line " + location.getLineNr() + ", " + column : column) + ": " + message;
    }
}
