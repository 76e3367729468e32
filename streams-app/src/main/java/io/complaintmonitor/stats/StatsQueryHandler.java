package io.complaintmonitor.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.http.GetQueryHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.http.LocalStore;
import io.complaintmonitor.serde.JsonSerde;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/stats?step=S&dimension=D[&value=V]&window=K[&from=W][&to=W]}: the stage-duration
 * statistics of one step, per window of one kind, from the {@code stage-duration-stats} store.
 * With a value (or {@code dimension=all}) it is one group, answered by the instance that holds it
 * ({@link InstanceRouter}); without, every value of the dimension that this instance holds, with
 * {@code "partial": true} and the other instances named when there are several (they are not asked:
 * ask each, or ask for one value, which is routed).
 */
public final class StatsQueryHandler extends GetQueryHandler<StatsQueryHandler.Query> {

    public static final String PATH = "/api/stats";
    private static final Set<String> PARAMETERS = Set.of("step", "dimension", "value", "window", "from", "to");
    private static final String USAGE = PATH + "?step=stage1-response&dimension=category[&value=REPAIRS]"
            + "&window=quarter[&from=FY2025-Q1][&to=FY2025-Q4]";
    private static final List<WindowKind> KINDS = List.of(WindowKind.DAY, WindowKind.WEEK, WindowKind.MONTH,
            WindowKind.QUARTER);

    private final LocalStore<DurationAggregate> stats;
    private final InstanceRouter router;

    public StatsQueryHandler(LocalStore<DurationAggregate> stats, InstanceRouter router) {
        super(PATH, USAGE);
        this.stats = stats;
        this.router = router;
    }

    @Override
    protected HttpResponse answer(Query query, HttpRequest request) {
        if (query.value() == null) {
            return scan(query);
        }
        String group = new DimensionKey(query.dimension(), query.value()).asString();
        return router.route(FiguresTopology.STATS_STORE, group, request, () -> one(query));
    }

    record Query(Step step, Dimension dimension, String value, WindowKind kind, ReportingWindow from,
            ReportingWindow to) {

        boolean wants(ReportingWindow window) {
            return (from == null || !window.start().isBefore(from.start()))
                    && (to == null || !window.start().isAfter(to.start()));
        }
    }

    @Override
    protected Query parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name
                        + "': use step, dimension, value, window, from and to, as " + USAGE);
            }
        }
        Step step = Step.ofLabel(required(params, "step", "stage1-acknowledgement, stage1-response, "
                + "stage2-acknowledgement or stage2-response"));
        Dimension dimension = Dimension.ofLabel(required(params, "dimension",
                "all, source, category, contractorId, handlingTeam or landlordId"));
        String value = params.get("value");
        if (dimension == Dimension.ALL) {
            if (value != null && !value.equals("all")) {
                throw new IllegalArgumentException("dimension=all has no values: leave value out");
            }
            value = "all";
        } else if (value != null && (value.isBlank() || value.indexOf('|') >= 0)) {
            throw new IllegalArgumentException("value must be non-empty and without '|', e.g. value=REPAIRS; "
                    + "leave it out for every value of " + dimension.label());
        }
        WindowKind kind = WindowKind.ofLabel(required(params, "window", "day, week, month or quarter"));
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("stage durations are kept by day, week, month and quarter: use one "
                    + "of those (a year's headline figures are at /api/tsm)");
        }
        ReportingWindow from = params.containsKey("from") ? kind.parse(params.get("from")) : null;
        ReportingWindow to = params.containsKey("to") ? kind.parse(params.get("to")) : null;
        if (from != null && to != null && to.start().isBefore(from.start())) {
            throw new IllegalArgumentException("from (" + from.label() + ") is after to (" + to.label()
                    + "): swap them");
        }
        return new Query(step, dimension, value, kind, from, to);
    }

    private static String required(Map<String, String> params, String name, String accepted) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: use " + name + "=" + accepted + ", as " + USAGE);
        }
        return value;
    }

    private HttpResponse one(Query query) {
        ObjectNode body = head(query).put("value", query.value());
        try {
            Map<String, Map<ReportingWindow, DurationAggregate>> found = FiguresQueries.stats(stats.get(),
                    query.step(), query.dimension().label(), query.value(), query.kind());
            windows(body.putArray("windows"), query, found.getOrDefault(query.value(), Map.of()));
        } catch (InvalidStateStoreException e) {
            return unavailable(e);
        }
        body.put("servedBy", router.selfName());
        return HttpResponse.json(200, body.toString());
    }

    private HttpResponse scan(Query query) {
        ObjectNode body = head(query);
        try {
            Map<String, Map<ReportingWindow, DurationAggregate>> found = FiguresQueries.stats(stats.get(),
                    query.step(), query.dimension().label(), null, query.kind());
            ArrayNode groups = body.putArray("groups");
            found.forEach((value, windows) -> {
                ObjectNode group = JsonSerde.mapper().createObjectNode().put("value", value);
                windows(group.putArray("windows"), query, windows);
                if (!group.withArray("windows").isEmpty()) {
                    groups.add(group);
                }
            });
        } catch (InvalidStateStoreException e) {
            return unavailable(e);
        }
        List<String> others = router.otherInstances(FiguresTopology.STATS_STORE);
        body.put("partial", !others.isEmpty());
        ArrayNode names = body.putArray("otherInstances");
        others.forEach(names::add);
        body.put("servedBy", router.selfName());
        return HttpResponse.json(200, body.toString()).withHeader(InstanceRouter.SERVED_BY, router.selfName());
    }

    private static ObjectNode head(Query query) {
        return JsonSerde.mapper().createObjectNode()
                .put("step", query.step().label())
                .put("dimension", query.dimension().label())
                .put("window", query.kind().label());
    }

    private static void windows(ArrayNode out, Query query, Map<ReportingWindow, DurationAggregate> windows) {
        windows.forEach((window, aggregate) -> {
            if (query.wants(window)) {
                boolean any = aggregate.count() > 0;
                out.addObject()
                        .put("window", window.label())
                        .put("from", window.start().toString())
                        .put("to", window.end().minusDays(1).toString())
                        .put("count", aggregate.count())
                        .put("withinTimescale", aggregate.withinTimescale())
                        .put("withinRatio", any ? aggregate.withinRatio() : null)
                        .put("mean", any ? aggregate.mean() : null)
                        .put("max", any ? aggregate.max() : null)
                        .put("p50", any ? aggregate.percentile(0.5) : null)
                        .put("p90", any ? aggregate.percentile(0.9) : null)
                        .put("extensions", aggregate.extensions());
            }
        });
    }

    private static HttpResponse unavailable(InvalidStateStoreException e) {
        return HttpResponse.error(503, "figures not queryable yet (" + e.getMessage() + "); retry shortly");
    }
}
