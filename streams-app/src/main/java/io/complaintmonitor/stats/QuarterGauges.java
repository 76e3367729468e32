package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.TsmFigures;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.http.InstanceRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The Member Responsible for Complaints' quarter: the headline counts of the current financial
 * quarter to date and of the same quarter last year, side by side ({@code period} =
 * {@code quarter-to-date} or {@code same-quarter-last-year}; {@code quarter} names the quarter the
 * figure is about), read from the {@code headline-counts} store at each scrape. Run by
 * {@link FiguresGauges}, which owns the clock, the running check and the store.
 *
 * <ul>
 * <li>Per landlord ({@code landlord.homes} and the default landlord, the groups
 *     {@code landlordId=…} this instance holds): complaints received per stage, outcomes per stage,
 *     escalation rate, refusals by reason, remedies offered (count and pounds), Ombudsman
 *     referrals and determinations, survey feedback.</li>
 * <li>Per category (groups {@code category=…}, every landlord together): stage 1 complaints
 *     received.</li>
 * <li>Per contractor (groups {@code contractorId=…}, Code 5.5): responses (stages 1 and 2) and
 *     the share within the Code's timescale (an agreed extension counting up to the Code's
 *     limit, as the breach alerts judge).</li>
 * </ul>
 *
 * <p>Categories, contractors and refusal reasons are free codes sent by the sources, so their
 * series are bounded: only values with a count in one of the two quarters, at most
 * {@link #MAX_VALUES} of them per metric and instance, the largest first (ties by name). They are
 * found by scanning the store's keys of the dimension ({@code category=…|…}): a scan of every
 * window kept for those groups, proportional to categories (or contractors) times windows.
 * Categories and contractors are hashed over instances like any group, so with several instances
 * each serves the ones it holds (and its own largest {@link #MAX_VALUES}); while the store cannot be
 * read they are not served at all, while the landlords' series are NaN.
 */
final class QuarterGauges {

    static final String RECEIVED = "complaint.quarter.received";
    static final String CATEGORY_RECEIVED = "complaint.quarter.category.received";
    static final String OUTCOMES = "complaint.quarter.outcomes";
    static final String ESCALATION_RATE = "complaint.quarter.escalation.rate";
    static final String REFUSALS = "complaint.quarter.refusals";
    static final String REMEDIES = "complaint.quarter.remedies.offered";
    static final String REMEDY_POUNDS = "complaint.quarter.remedy.offered.pounds";
    static final String OMBUDSMAN = "complaint.quarter.ombudsman";
    static final String SURVEY = "complaint.quarter.survey.feedback";
    static final String CONTRACTOR_RESPONSES = "complaint.quarter.contractor.responses";
    static final String CONTRACTOR_WITHIN = "complaint.quarter.contractor.within.timescale.ratio";
    /** The most categories, contractors or refusal reasons served per metric (and instance). */
    static final int MAX_VALUES = 20;
    static final String THIS_QUARTER = "quarter-to-date";
    static final String LAST_YEAR = "same-quarter-last-year";

    private final InstanceRouter router;
    private final Set<String> landlords;
    private final Map<String, MultiGauge> gauges = new HashMap<>();

    QuarterGauges(InstanceRouter router, Set<String> landlords) {
        this.router = router;
        this.landlords = landlords;
    }

    QuarterGauges register(MeterRegistry registry) {
        gauge(registry, RECEIVED, "complaints received at the stage (stage 2: escalation requests) in the quarter");
        gauge(registry, CATEGORY_RECEIVED, "stage 1 complaints received in the quarter per category, every "
                + "landlord together; the " + MAX_VALUES + " largest categories at most");
        gauge(registry, OUTCOMES, "the stage's responses in the quarter by outcome");
        gauge(registry, ESCALATION_RATE, "stage 2 escalation requests / stage 1 responses in the quarter; "
                + "NaN when none responded");
        gauge(registry, REFUSALS, "complaints refused in the quarter by Code 8.1 reason; the " + MAX_VALUES
                + " largest reasons at most");
        gauge(registry, REMEDIES, "the stage's responses in the quarter that offered a remedy");
        gauge(registry, REMEDY_POUNDS, "total remedy offered in the stage's responses in the quarter, in pounds");
        gauge(registry, OMBUDSMAN, "Ombudsman referrals and determinations recorded in the quarter");
        gauge(registry, SURVEY, "web form survey feedback in the quarter; never a complaint (Code 1.6)");
        gauge(registry, CONTRACTOR_RESPONSES, "stage 1 and 2 responses in the quarter on complaints the "
                + "contractor handled; the " + MAX_VALUES + " largest contractors at most");
        gauge(registry, CONTRACTOR_WITHIN, "share of the contractor's stage 1 and 2 responses in the quarter "
                + "within the Code's timescale; NaN when none");
        return this;
    }

    private void gauge(MeterRegistry registry, String name, String description) {
        gauges.put(name, MultiGauge.builder(name).description(description).register(registry));
    }

    /** Replaces every row; {@code store} null: Kafka Streams is not RUNNING or the store cannot be read. */
    void refresh(ReadOnlyKeyValueStore<String, Long> store, LocalDate today) {
        Map<String, ReportingWindow> periods = new java.util.LinkedHashMap<>();
        periods.put(THIS_QUARTER, WindowKind.QUARTER.windowOf(today));
        periods.put(LAST_YEAR, WindowKind.QUARTER.windowOf(today.minusYears(1)));
        Map<String, List<MultiGauge.Row<?>>> rows = new HashMap<>();
        gauges.keySet().forEach(name -> rows.put(name, new ArrayList<>()));
        for (String landlord : landlords) {
            String group = new DimensionKey(Dimension.LANDLORD, landlord).asString();
            if (store != null && !router.isLocal(FiguresTopology.COUNTS_STORE, group)) {
                continue;
            }
            Map<String, TsmFigures> figures = new HashMap<>();
            Set<String> reasons = new LinkedHashSet<>();
            if (store != null) {
                periods.forEach((period, window) -> figures.put(period,
                        TsmFigures.of(FiguresQueries.counts(store, group, window), null)));
                reasons.addAll(largest(figures.values().stream().map(TsmFigures::refusals).toList()));
            }
            periods.forEach((period, window) -> {
                TsmFigures f = figures.get(period);
                Tags tags = Tags.of("landlord", landlord, "period", period, "quarter", window.label());
                for (int stage = 1; stage <= 2; stage++) {
                    TsmFigures.StageFigures s = f == null ? null : stage == 1 ? f.stage1() : f.stage2();
                    Tags stageTags = tags.and("stage", Integer.toString(stage));
                    add(rows, RECEIVED, stageTags, s == null ? Double.NaN : s.received());
                    for (String outcome : TsmFigures.OUTCOMES) {
                        add(rows, OUTCOMES, stageTags.and("outcome", outcome),
                                s == null ? Double.NaN : s.outcomes().get(outcome));
                    }
                    add(rows, REMEDIES, stageTags, s == null ? Double.NaN : s.remediesOffered());
                    add(rows, REMEDY_POUNDS, stageTags, s == null ? Double.NaN : s.remedyPounds().doubleValue());
                }
                add(rows, ESCALATION_RATE, tags,
                        f == null || f.escalationRate() == null ? Double.NaN : f.escalationRate());
                add(rows, OMBUDSMAN, tags.and("event", "referred"), f == null ? Double.NaN : f.ombudsmanReferred());
                add(rows, OMBUDSMAN, tags.and("event", "determined"),
                        f == null ? Double.NaN : f.ombudsmanDetermined());
                add(rows, SURVEY, tags, f == null ? Double.NaN : f.surveyFeedback());
                for (String reason : reasons) {
                    add(rows, REFUSALS, tags.and("reason", reason), f.refusals().getOrDefault(reason, 0L));
                }
            });
        }
        if (store != null) {
            Map<String, Map<String, Map<String, Long>>> categories = quarterCounts(store, Dimension.CATEGORY, periods);
            for (String category : largest(categories, c -> c.getOrDefault(Measures.received(1), 0L))) {
                periods.forEach((period, window) -> add(rows, CATEGORY_RECEIVED,
                        Tags.of("category", category, "period", period, "quarter", window.label()),
                        categories.get(category).getOrDefault(period, Map.of())
                                .getOrDefault(Measures.received(1), 0L)));
            }
            Map<String, Map<String, Map<String, Long>>> contractors =
                    quarterCounts(store, Dimension.CONTRACTOR, periods);
            for (String contractor : largest(contractors, QuarterGauges::responses)) {
                periods.forEach((period, window) -> {
                    Map<String, Long> counts = contractors.get(contractor).getOrDefault(period, Map.of());
                    long responses = responses(counts);
                    long within = counts.getOrDefault(Measures.respondedWithin(1), 0L)
                            + counts.getOrDefault(Measures.respondedWithin(2), 0L);
                    Tags tags = Tags.of("contractor", contractor, "period", period, "quarter", window.label());
                    add(rows, CONTRACTOR_RESPONSES, tags, responses);
                    add(rows, CONTRACTOR_WITHIN, tags, responses == 0 ? Double.NaN : (double) within / responses);
                });
            }
        }
        rows.forEach((name, list) -> gauges.get(name).register(list, true));
    }

    private static void add(Map<String, List<MultiGauge.Row<?>>> rows, String name, Tags tags, double value) {
        rows.get(name).add(MultiGauge.Row.of(tags, value));
    }

    private static long responses(Map<String, Long> counts) {
        return counts.getOrDefault(Measures.responded(1), 0L) + counts.getOrDefault(Measures.responded(2), 0L);
    }

    /**
     * The headline counts of every group of {@code dimension} in the two quarters: value to period
     * to measure to count. One pass over the dimension's keys ("category=X|quarter|FY2025-Q3|m").
     */
    static Map<String, Map<String, Map<String, Long>>> quarterCounts(ReadOnlyKeyValueStore<String, Long> store,
            Dimension dimension, Map<String, ReportingWindow> periods) {
        Map<String, String> periodOfLabel = new HashMap<>();
        periods.forEach((period, window) -> periodOfLabel.put(window.label(), period));
        String prefix = dimension.label() + "=";
        String quarter = WindowKind.QUARTER.label();
        Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = store.range(prefix, FiguresKeys.upperBound(prefix))) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                String[] parts = e.key.split("\\|", -1);
                if (parts.length != 4 || !parts[1].equals(quarter) || e.value == null || e.value == 0) {
                    continue;
                }
                String period = periodOfLabel.get(parts[2]);
                if (period != null) {
                    out.computeIfAbsent(parts[0].substring(prefix.length()), v -> new HashMap<>())
                            .computeIfAbsent(period, p -> new HashMap<>()).put(parts[3], e.value);
                }
            }
        }
        return out;
    }

    /** The values with a positive size in a period, largest (in any period) first, at most MAX_VALUES. */
    private static List<String> largest(Map<String, Map<String, Map<String, Long>>> byValue,
            ToLongFunction<Map<String, Long>> size) {
        Map<String, Long> sizes = new HashMap<>();
        byValue.forEach((value, periods) -> periods.values().forEach(counts -> {
            long n = size.applyAsLong(counts);
            if (n > 0) {
                sizes.merge(value, n, Math::max);
            }
        }));
        return top(sizes);
    }

    private static List<String> largest(List<Map<String, Long>> counts) {
        Map<String, Long> sizes = new HashMap<>();
        counts.forEach(c -> c.forEach((value, n) -> sizes.merge(value, n, Math::max)));
        return top(sizes);
    }

    private static List<String> top(Map<String, Long> sizes) {
        return sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_VALUES).map(Map.Entry::getKey).toList();
    }
}
