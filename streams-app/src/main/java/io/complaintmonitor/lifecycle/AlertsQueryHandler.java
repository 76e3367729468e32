package io.complaintmonitor.lifecycle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.http.GetQueryHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.serde.JsonSerde;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/alerts?status=open[&kind=RESPONSE_OVERDUE][&stage=1][&landlord=ID][&category=C]
 * [&contractor=ID][&team=T][&limit=N]}: the breach alerts whose breach still stands, from the
 * {@code open-alerts} store, most overdue first (earliest due date). Every alert ever raised is on
 * {@code complaints.alerts.v1}; only open ones are kept for this query, so status=open is the only
 * status it answers.
 *
 * <p>Alerts live with their complaint's task. With several instances each answers for the tasks
 * it holds and says so: {@code "partial": true} and the other instances to ask, by name.
 */
public final class AlertsQueryHandler extends GetQueryHandler<AlertsQueryHandler.Query> {

    public static final String PREFIX = "/api/alerts";
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> PARAMETERS =
            Set.of("status", "kind", "stage", "landlord", "category", "contractor", "team", "limit");

    private final Supplier<ReadOnlyKeyValueStore<String, Alert>> store;
    private final InstanceRouter router;

    /**
     * @param store the instance's {@code open-alerts} store; may throw InvalidStateStoreException while starting
     * @param router where the other instances are; null for a single instance
     */
    public AlertsQueryHandler(Supplier<ReadOnlyKeyValueStore<String, Alert>> store, InstanceRouter router) {
        super(PREFIX, PREFIX + "?status=open");
        this.store = store;
        this.router = router;
    }

    /** What to list: the alerts passing {@code filter}, at most {@code limit}. */
    record Query(String status, Predicate<Alert> filter, int limit) {
    }

    @Override
    protected Query parse(Map<String, String> q) {
        for (String name : q.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "': use "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
        }
        String status = q.getOrDefault("status", "open");
        if (!status.equals("open")) {
            throw new IllegalArgumentException("status must be open: the monitor keeps the alerts that still stand; "
                    + "every alert, resolved or not, is on the alerts topic");
        }
        Predicate<Alert> filter = a -> true;
        if (q.containsKey("kind")) {
            AlertType kind;
            try {
                kind = AlertType.valueOf(q.get("kind").toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be one of " + List.of(AlertType.values()));
            }
            filter = filter.and(a -> a.type() == kind);
        }
        if (q.containsKey("stage")) {
            String stage = q.get("stage");
            if (!stage.equals("1") && !stage.equals("2")) {
                throw new IllegalArgumentException("stage must be 1 or 2");
            }
            filter = filter.and(a -> a.stage() == Integer.parseInt(stage));
        }
        filter = filter.and(equal(q.get("landlord"), Alert::landlordId))
                .and(equal(q.get("category"), Alert::category))
                .and(equal(q.get("contractor"), Alert::contractorId))
                .and(equal(q.get("team"), Alert::handlingTeam));
        int limit;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return new Query(status, filter, limit);
    }

    @Override
    protected HttpResponse answer(Query query, HttpRequest request) {
        Predicate<Alert> filter = query.filter();
        int limit = query.limit();
        String status = query.status();
        List<Alert> matching = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = store.get().all()) {
            while (all.hasNext()) {
                Alert alert = all.next().value;
                if (filter.test(alert)) {
                    matching.add(alert);
                }
            }
        } catch (InvalidStateStoreException e) {
            return HttpResponse.error(503, "alerts not queryable yet (Kafka Streams is starting or rebalancing); retry shortly");
        }
        matching.sort(Comparator.comparing(Alert::dueDate).thenComparing(Alert::raisedAt).thenComparing(Alert::alertId));
        var mapper = JsonSerde.mapper();
        ObjectNode body = mapper.createObjectNode().put("status", status).put("count", matching.size())
                .put("truncated", matching.size() > limit);
        List<String> others = router == null ? List.of() : router.otherInstances(LifecycleTopology.OPEN_ALERTS_STORE);
        body.put("partial", !others.isEmpty());
        others.forEach(body.putArray("otherInstances")::add);
        if (router != null) {
            body.put("servedBy", router.selfName());
        }
        ArrayNode alerts = body.putArray("alerts");
        matching.stream().limit(limit).forEach(a -> alerts.add(mapper.valueToTree(a)));
        return HttpResponse.json(200, body.toString());
    }

    private static Predicate<Alert> equal(String wanted, java.util.function.Function<Alert, String> field) {
        return wanted == null ? a -> true : a -> wanted.equals(field.apply(a));
    }
}
