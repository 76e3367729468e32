package io.complaintmonitor.ingest;

import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.JsonText;
import io.complaintmonitor.ingest.json.IngestBodyParser;
import io.complaintmonitor.ingest.json.IngestOutcome;

/**
 * {@code POST /ingest/{source}}: one JSON object or an array in the audit's format. Every element
 * is checked first; a batch with any bad element is refused whole (400, nothing sent), so a
 * client can fix it and resend without duplicates. Accepted records are on Kafka before 202.
 */
public final class IngestHttpHandler implements HttpHandler {

    public static final String PREFIX = "/ingest";

    private final IngestBodyParser parser;
    private final SourceRecordSender sender;

    public IngestHttpHandler(IngestBodyParser parser, SourceRecordSender sender) {
        this.parser = parser;
        this.sender = sender;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        if (!request.method().equals("POST")) {
            return HttpResponse.json(405, "{\"error\":\"use POST /ingest/{crm|contractor|webform}\"}");
        }
        String label = request.path().substring(Math.min(request.path().length(), PREFIX.length() + 1));
        IngestOutcome outcome = parser.parse(label, request.bodyText());
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            try {
                sender.sendAll(accepted.records());
            } catch (java.util.concurrent.ExecutionException e) {
                return HttpResponse.json(503, "{\"error\":\"could not write to Kafka: "
                        + JsonText.escape(String.valueOf(e.getCause().getMessage())) + "\"}");
            }
        }
        return HttpResponse.json(outcome.status(), outcome.body());
    }
}
