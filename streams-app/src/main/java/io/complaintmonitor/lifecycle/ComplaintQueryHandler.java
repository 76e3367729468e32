package io.complaintmonitor.lifecycle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.complaint.ComplaintKey;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.http.HttpHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.JsonText;
import io.complaintmonitor.serde.JsonSerde;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/complaints/{ref}[?landlord=ID]}: one complaint as the monitor sees it — each
 * stage's due dates and standing, the alerts raised, the checks still pending — read from the
 * {@code complaint-state} store by an interactive query. One instance holds every key today; with
 * several instances this answers for the keys held locally and says so (see README).
 */
public final class ComplaintQueryHandler implements HttpHandler {

    public static final String PREFIX = "/api/complaints";

    private final Supplier<KafkaStreams> streams;
    private final ComplaintRules rules;
    private final String defaultLandlordId;

    public ComplaintQueryHandler(Supplier<KafkaStreams> streams, ComplaintRules rules, String defaultLandlordId) {
        this.streams = streams;
        this.rules = rules;
        this.defaultLandlordId = defaultLandlordId;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.method().equals("GET")) {
            return HttpResponse.json(405, "{\"error\":\"use GET " + PREFIX + "/{complaintRef}\"}");
        }
        String ref = request.path().length() > PREFIX.length() + 1 ? request.path().substring(PREFIX.length() + 1) : "";
        if (ref.isBlank() || ref.contains("/")) {
            return HttpResponse.json(400, "{\"error\":\"give one complaint reference: " + PREFIX
                    + "/{complaintRef}[?landlord=ID]\"}");
        }
        String landlord = request.query().getOrDefault("landlord", defaultLandlordId);
        KafkaStreams running = streams.get();
        if (running == null) {
            return HttpResponse.json(503, "{\"error\":\"the monitor is starting; retry shortly\"}");
        }
        TrackedComplaint tracked;
        try {
            ReadOnlyKeyValueStore<String, TrackedComplaint> store = running.store(
                    StoreQueryParameters.fromNameAndType(LifecycleTopology.STATE_STORE,
                            QueryableStoreTypes.keyValueStore()));
            tracked = store.get(ComplaintKeys.of(new ComplaintKey(landlord, ref)));
        } catch (InvalidStateStoreException e) {
            return HttpResponse.json(503, "{\"error\":\"complaint state not queryable yet (Kafka Streams "
                    + JsonText.escape(running.state().name()) + "); retry shortly\"}");
        }
        if (tracked == null) {
            return HttpResponse.json(404, "{\"error\":\"no complaint " + JsonText.escape(ref) + " for landlord "
                    + JsonText.escape(landlord) + "\"}");
        }
        return HttpResponse.json(200, describe(tracked).toString());
    }

    private ObjectNode describe(TrackedComplaint tracked) {
        var mapper = JsonSerde.mapper();
        ComplaintState state = tracked.state();
        ObjectNode body = mapper.createObjectNode()
                .put("landlordId", state.landlordId())
                .put("complaintRef", state.complaintRef())
                .put("category", state.category());
        body.set("stages", mapper.valueToTree(rules.outcomesOf(state)));
        body.set("alertsRaised", mapper.valueToTree(state.raised()));
        ArrayNode pending = body.putArray("pendingChecks");
        for (Deadline deadline : tracked.scheduled()) {
            pending.add(mapper.valueToTree(deadline));
        }
        return body;
    }
}
