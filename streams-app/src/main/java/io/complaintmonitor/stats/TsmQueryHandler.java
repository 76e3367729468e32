package io.complaintmonitor.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.TsmFigures;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.http.GetQueryHandler;
import io.complaintmonitor.http.HttpRequest;
import io.complaintmonitor.http.HttpResponse;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.http.LocalStore;
import io.complaintmonitor.serde.JsonSerde;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/tsm?year=2025[&landlord=ID | &contractor=ID]}: the complaint Tenant Satisfaction
 * Measures (CH01, CH02) and the headline figures of one financial year, to date and quarter by
 * quarter, with the inputs (homes, raw counts) so the arithmetic can be checked. Read from the
 * {@code headline-counts} store of the instance holding the group ({@link InstanceRouter}).
 */
public final class TsmQueryHandler extends GetQueryHandler<TsmQueryHandler.Query> {

    public static final String PATH = "/api/tsm";
    private static final Set<String> PARAMETERS = Set.of("year", "landlord", "contractor");
    private static final Pattern YEAR = Pattern.compile("(?:FY)?(\\d{4})");
    private static final String USAGE = PATH + "?year=2025[&landlord=ID] or " + PATH + "?year=2025&contractor=ID";

    private final LocalStore<Long> counts;
    private final InstanceRouter router;
    private final Map<String, Integer> homes;
    private final String defaultLandlordId;
    private final Clock clock;

    public TsmQueryHandler(LocalStore<Long> counts, InstanceRouter router, Map<String, Integer> homes,
            String defaultLandlordId, Clock clock) {
        super(PATH, USAGE);
        this.counts = counts;
        this.router = router;
        this.homes = Map.copyOf(homes);
        this.defaultLandlordId = defaultLandlordId;
        this.clock = clock;
    }

    @Override
    protected HttpResponse answer(Query query, HttpRequest request) {
        return router.route(FiguresTopology.COUNTS_STORE, query.group().asString(), request, () -> answer(query));
    }

    record Query(DimensionKey group, ReportingWindow year) {
    }

    @Override
    protected Query parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "': use year, landlord or contractor, as "
                        + USAGE);
            }
        }
        LocalDate today = LondonTime.dateOf(clock.instant());
        String yearText = params.getOrDefault("year", Integer.toString(WindowKind.financialYear(today)));
        Matcher m = YEAR.matcher(yearText.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2999) {
            throw new IllegalArgumentException("year '" + yearText + "' is not a financial year: write the calendar "
                    + "year it starts in, e.g. year=2025 for April 2025 to March 2026");
        }
        ReportingWindow year = WindowKind.YEAR.parse("FY" + m.group(1));
        String landlord = params.get("landlord");
        String contractor = params.get("contractor");
        if (landlord != null && contractor != null) {
            throw new IllegalArgumentException("give landlord or contractor, not both: " + USAGE);
        }
        DimensionKey group;
        if (contractor != null) {
            group = group(Dimension.CONTRACTOR, contractor, "contractor");
        } else {
            group = group(Dimension.LANDLORD, landlord == null ? defaultLandlordId : landlord, "landlord");
        }
        return new Query(group, year);
    }

    private static DimensionKey group(Dimension dimension, String id, String parameter) {
        if (id.isBlank() || id.indexOf('|') >= 0) {
            throw new IllegalArgumentException(parameter + " must be an id without '|', e.g. " + parameter
                    + "=" + (dimension == Dimension.LANDLORD ? "default" : "K-1") + "; got '" + id + "'");
        }
        return new DimensionKey(dimension, id);
    }

    private HttpResponse answer(Query query) {
        LocalDate today = LondonTime.dateOf(clock.instant());
        boolean landlord = query.group().dimension() == Dimension.LANDLORD;
        Integer homesOwned = landlord ? homes.get(query.group().value()) : null;
        var mapper = JsonSerde.mapper();
        ObjectNode body = mapper.createObjectNode();
        try {
            ReadOnlyKeyValueStore<String, Long> store = counts.get();
            Map<String, Long> yearCounts = FiguresQueries.counts(store, query.group().asString(), query.year());
            if (yearCounts.isEmpty() && homesOwned == null) {
                String who = (landlord ? "landlord " : "contractor ") + query.group().value();
                return HttpResponse.error(404, "no figures for " + who + " in " + query.year().label()
                        + (landlord ? " and no homes configured for it (landlord.homes)" : "")
                        + ": check the id, or ask for another year");
            }
            body.put(landlord ? "landlordId" : "contractorId", query.group().value());
            body.put("group", query.group().asString());
            body.put("financialYear", query.year().label());
            body.put("asOf", today.toString());
            body.put("homes", homesOwned);
            if (!landlord) {
                body.put("ch01", "not applicable: CH01 is complaints per 1,000 homes the landlord owns, and a "
                        + "contractor's complaints (Code 5.5) have no such base");
            } else if (homesOwned == null) {
                body.put("ch01", "not available: no homes configured for this landlord (landlord.homes)");
            }
            ObjectNode ytd = window(body.putObject("yearToDate"), query.year(), today);
            figures(ytd, yearCounts, homesOwned);
            ArrayNode quarters = body.putArray("quarters");
            for (ReportingWindow q = WindowKind.QUARTER.windowOf(query.year().start());
                    q.start().isBefore(query.year().end()); q = q.next()) {
                ObjectNode quarter = window(quarters.addObject(), q, today);
                if (!today.isBefore(q.start())) {
                    figures(quarter, FiguresQueries.counts(store, query.group().asString(), q), homesOwned);
                }
            }
        } catch (InvalidStateStoreException e) {
            return HttpResponse.error(503, "figures not queryable yet (" + e.getMessage() + "); retry shortly");
        }
        body.set("definitions", definitions(mapper.createObjectNode()));
        body.put("servedBy", router.selfName());
        return HttpResponse.json(200, body.toString());
    }

    private static ObjectNode window(ObjectNode node, ReportingWindow window, LocalDate today) {
        node.put("window", window.label());
        node.put("from", window.start().toString());
        node.put("to", window.end().minusDays(1).toString());
        node.put("status", today.isBefore(window.start()) ? "not-started"
                : today.isBefore(window.end()) ? "in-progress" : "ended");
        return node;
    }

    private static void figures(ObjectNode node, Map<String, Long> counts, Integer homes) {
        TsmFigures figures = TsmFigures.of(counts, homes);
        stage(node.putObject("stage1"), figures.stage1());
        stage(node.putObject("stage2"), figures.stage2());
        node.put("escalationRate", figures.escalationRate());
        ObjectNode refusals = node.putObject("refusals");
        figures.refusals().forEach(refusals::put);
        node.put("refusedTotal", figures.refusedTotal());
        node.put("withdrawn", figures.withdrawn());
        node.put("surveyFeedback", figures.surveyFeedback());
        node.putObject("ombudsman").put("referred", figures.ombudsmanReferred())
                .put("determined", figures.ombudsmanDetermined());
        ObjectNode raw = node.putObject("counts");
        counts.forEach(raw::put);
    }

    private static void stage(ObjectNode node, TsmFigures.StageFigures stage) {
        node.put("received", stage.received());
        node.put("ch01PerThousandHomes", stage.perThousandHomes());
        node.put("responded", stage.responded());
        node.put("respondedWithin", stage.respondedWithin());
        node.put("respondedWithinStrict", stage.respondedWithinStrict());
        node.putObject("ch02").put("strict", stage.withinStrict()).put("withExtensions", stage.withinWithExtensions());
        ObjectNode outcomes = node.putObject("outcomes");
        for (String outcome : TsmFigures.OUTCOMES) {
            outcomes.putObject(outcome).put("count", stage.outcomes().get(outcome))
                    .put("share", stage.outcomeShare(outcome));
        }
        node.putObject("remedies").put("offered", stage.remediesOffered()).put("totalPounds", stage.remedyPounds());
    }

    private static ObjectNode definitions(ObjectNode node) {
        return node
                .put("ch01PerThousandHomes", "complaints received at the stage in the window x 1000 / homes")
                .put("ch02.strict", "responses within the Code's timescale, no extension counted / responses issued")
                .put("ch02.withExtensions", "responses by the due date, an extension agreed within the Code's limits "
                        + "counting / responses issued")
                .put("escalationRate", "stage 2 escalation requests received / stage 1 responses issued, both in "
                        + "the window")
                .put("outcomes.share", "responses with the outcome / responses issued at the stage")
                .put("counting", "each event counts in the window of its own date (Europe/London); quarters and "
                        + "years start on 1 April");
    }
}
