package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The Jackson setup shared by the JSON ingest paths. */
final class StrictJson {

    private StrictJson() {
    }

    /**
     * Duplicate keys and trailing values are errors: Jackson would otherwise keep the last
     * duplicate and ignore what follows the first value, both silent data loss.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Jackson's message on one line, without the excerpt of the input it appends, prefixed with
     * the position ({@code "line 3, column 7: "}; the column alone for a single-line document).
     */
    static String describe(JsonProcessingException e, boolean withLine) {
        String message = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        var location = e.getLocation();
        if (location == null || location.getColumnNr() < 0) {
            return message;
        }
        String column = "column " + location.getColumnNr();
        return (withLine ? "line " + location.getLineNr() + ", " + column : column) + ": " + message;
    }
}
