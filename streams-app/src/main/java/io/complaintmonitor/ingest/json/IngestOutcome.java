package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What {@code POST /ingest/{source}} answers, decided before anything is sent to Kafka. */
public sealed interface IngestOutcome permits IngestOutcome.Accepted, IngestOutcome.Rejected {

    int status();

    /** The JSON response body. */
    String body();

    /** Every element is valid: send {@code records} in this order, then answer 202. */
    record Accepted(List<SourcedRecord> records) implements IngestOutcome {

        public Accepted {
            records = List.copyOf(records);
        }

        @Override
        public int status() {
            return 202;
        }

        @Override
        public String body() {
            return JsonNodeFactory.instance.objectNode().put("accepted", records.size()).toString();
        }
    }

    /**
     * Nothing is to be sent. Either {@code error} says why the request as a whole was refused
     * (no such source, not JSON, not an object or array), or {@code rejected} lists each bad
     * element; the good elements of the batch are refused with them.
     */
    record Rejected(int status, String error, List<ElementErrors> rejected) implements IngestOutcome {

        public Rejected {
            rejected = List.copyOf(rejected);
        }

        static Rejected request(int status, String error) {
            return new Rejected(status, error, List.of());
        }

        static Rejected elements(List<ElementErrors> rejected) {
            return new Rejected(400, null, rejected);
        }

        @Override
        public String body() {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("accepted", 0);
            if (error != null) {
                body.put("error", error);
            }
            ArrayNode elements = body.putArray("rejected");
            for (ElementErrors element : rejected) {
                ObjectNode entry = elements.addObject().put("index", element.index());
                ArrayNode errors = entry.putArray("errors");
                for (FieldError fieldError : element.errors()) {
                    ObjectNode e = errors.addObject();
                    if (fieldError.field() != null) {
                        e.put("field", fieldError.field());
                    }
                    e.put("message", fieldError.message());
                }
            }
            return body.toString();
        }
    }
}
