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
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.http.LocalStore;
import io.complaintmonitor.http.JsonText;
import io.complaintmonitor.serde.JsonSerde;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/complaints/{ref}[?landlord=ID]}: one complaint as the monitor sees it — each
 * stage's due dates and standing, the alerts raised, the checks still pending — read from the
 * {@code complaint-state} store of the instance that holds the complaint: with several instances,
 * the query is forwarded there ({@link InstanceRouter}) and {@code servedBy} names it.
 */
public final class ComplaintQueryHandler implements HttpHandler {

    public static final String PREFIX = "/api/complaints";

    private final LocalStore<TrackedComplaint> states;
    private final InstanceRouter router;
    private final ComplaintRules rules;
    private final String defaultLandlordId;

    public ComplaintQueryHandler(LocalStore<TrackedComplaint> states, InstanceRouter router, ComplaintRules rules,
            String defaultLandlordId) {
        this.states = states;
        this.router = router;
        this.rules = rules;
        this.defaultLandlordId = defaultLandlordId;
    }

    /** The store the handler reads, on a running Kafka Streams client. */
    public static LocalStore<TrackedComplaint> store(Supplier<KafkaStreams> streams) {
        return LocalStore.of(streams, LifecycleTopology.STATE_STORE);
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
        String key = ComplaintKeys.of(new ComplaintKey(landlord, ref));
        return router.route(LifecycleTopology.STATE_STORE, key, request, () -> answer(key, ref, landlord));
    }

    private HttpResponse answer(String key, String ref, String landlord) {
        TrackedComplaint tracked;
        try {
            tracked = states.get().get(key);
        } catch (InvalidStateStoreException e) {
            return HttpResponse.error(503, "complaint state not queryable yet (" + e.getMessage() + "); retry shortly");
        }
        if (tracked == null) {
            return HttpResponse.json(404, "{\"error\":\"no complaint " + JsonText.escape(ref) + " for landlord "
                    + JsonText.escape(landlord) + "\"}");
        }
        return HttpResponse.json(200, describe(tracked).put("servedBy", router.selfName()).toString());
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
