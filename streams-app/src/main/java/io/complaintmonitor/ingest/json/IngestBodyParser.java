package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.ingest.SourceTopics;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsing half of {@code POST /ingest/{source}}: a body of one JSON object or an array of
 * them becomes either every record, to send, or a 400 naming each bad element by index.
 *
 * <p>A batch with any bad element is refused whole and nothing of it is sent, so the client can
 * fix the batch and resend all of it without creating duplicates of the good ones. A pure
 * function: no I/O, no Kafka, safe to share between threads.
 */
public final class IngestBodyParser {

    private final EventJsonCodec codec;
    private final ObjectMapper mapper = StrictJson.mapper();

    public IngestBodyParser(EventJsonCodec codec) {
        this.codec = codec;
    }

    /**
     * @param sourceLabel the {@code {source}} path segment; elements may repeat it in their
     *                    {@code source} field but not contradict it
     * @param body        the request body as text
     */
    public IngestOutcome parse(String sourceLabel, String body) {
        if (sourceLabel == null || SourceTopics.ofLabel(sourceLabel).isEmpty()) {
            // The path names no resource: one answer for the request, not one per element.
            return IngestOutcome.Rejected.request(404, EventJsonCodec.unknownSource(String.valueOf(sourceLabel)));
        }
        JsonNode root;
        try {
            root = body == null ? null : StrictJson.readOne(mapper, body);
        } catch (JsonProcessingException e) {
            return IngestOutcome.Rejected.request(400, "body is not valid JSON at " + StrictJson.describe(e, true));
        }
        if (root == null) {
            return IngestOutcome.Rejected.request(400, "body is empty; send one JSON object or an array of objects");
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else if (root.isObject()) {
            elements.add(root);
        } else {
            return IngestOutcome.Rejected.request(400,
                    "expected one JSON object or an array of objects, got " + JsonValues.show(root));
        }
        List<SourcedRecord> records = new ArrayList<>(elements.size());
        List<ElementErrors> rejected = new ArrayList<>();
        for (int index = 0; index < elements.size(); index++) {
            ParseResult result = codec.parse(sourceLabel, elements.get(index));
            if (result instanceof ParseResult.Valid valid) {
                records.add(valid.record());
            } else {
                rejected.add(new ElementErrors(index, ((ParseResult.Invalid) result).errors()));
            }
        }
        return rejected.isEmpty() ? new IngestOutcome.Accepted(records) : IngestOutcome.Rejected.elements(rejected);
    }
}
