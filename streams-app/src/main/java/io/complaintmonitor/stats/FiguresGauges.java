package io.complaintmonitor.stats;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.DurationAggregate;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.TsmFigures;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.http.InstanceRouter;
import io.complaintmonitor.http.LocalStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The figures as gauges, read from the stores at each scrape ({@link #refresh()}, run by
 * {@code MonitorMeters} before it scrapes):
 *
 * <ul>
 * <li>{@code complaint_tsm_ch01{landlord,stage,period,financial_year,quarter}} and
 *     {@code complaint_tsm_ch02{landlord,stage,period,basis,financial_year,quarter}}: the current
 *     financial year to date and quarter to date ({@code period} = {@code year-to-date} or
 *     {@code quarter-to-date}; {@code quarter} is the current quarter on both), and the same
 *     quarter last year ({@code period="same-quarter-last-year"}, labelled with that quarter and
 *     its financial year).</li>
 * <li>{@code complaint_step_within_timescale_ratio{step,source,window}} and
 *     {@code complaint_step_duration_working_days{step,source,window,statistic}}: the current
 *     week, month and quarter.</li>
 * <li>The MRC's quarter against the same quarter last year: {@link QuarterGauges}.</li>
 * </ul>
 *
 * <p>Why {@link MultiGauge}s re-registered at every scrape: the {@code financial_year} and
 * {@code quarter} labels change when a quarter starts. A plain gauge registered per quarter would
 * stay in the registry, serving last quarter's series (and a stale value) forever; re-registering
 * the rows with {@code overwrite} removes the series that are no longer current, so after 1 January
 * only {@code quarter="FY2025-Q4"} is served and Prometheus marks the Q3 series stale. Every series
 * is bounded: landlords come from configuration ({@code landlord.homes} and the default landlord),
 * sources and steps are fixed lists; never a complaint reference.
 *
 * <p>With several instances, each group's figures are held by one instance, and a series is served
 * only by the instance that holds its group (so {@code sum} or {@code max} without {@code instance}
 * gives the one value). While Kafka Streams is not RUNNING ownership cannot be told, and every
 * instance serves every series as NaN.
 */
public final class FiguresGauges {

    public static final String CH01 = "complaint.tsm.ch01";
    public static final String CH02 = "complaint.tsm.ch02";
    public static final String WITHIN_RATIO = "complaint.step.within.timescale.ratio";
    public static final String DURATION = "complaint.step.duration.working.days";
    public static final List<String> SOURCES = List.of("crm", "contractor", "webform");
    static final List<WindowKind> STEP_WINDOWS = List.of(WindowKind.WEEK, WindowKind.MONTH, WindowKind.QUARTER);

    private final LocalStore<Long> counts;
    private final LocalStore<DurationAggregate> stats;
    private final InstanceRouter router;
    private final BooleanSupplier running;
    private final Map<String, Integer> homes;
    private final Set<String> landlords;
    private final Clock clock;
    private MultiGauge ch01;
    private MultiGauge ch02;
    private MultiGauge withinRatio;
    private MultiGauge duration;
    private final QuarterGauges quarters;

    public FiguresGauges(LocalStore<Long> counts, LocalStore<DurationAggregate> stats, InstanceRouter router,
            BooleanSupplier running, Map<String, Integer> homes, String defaultLandlordId, Clock clock) {
        this.counts = counts;
        this.stats = stats;
        this.router = router;
        this.running = running;
        this.homes = Map.copyOf(homes);
        Set<String> all = new TreeSet<>(homes.keySet());
        all.add(defaultLandlordId);
        this.landlords = Set.copyOf(all);
        this.clock = clock;
        this.quarters = new QuarterGauges(router, this.landlords);
    }

    public FiguresGauges register(MeterRegistry registry) {
        ch01 = MultiGauge.builder(CH01)
                .description("TSM CH01: complaints received at the stage per 1,000 homes, financial year or quarter "
                        + "to date; NaN when the homes are not configured")
                .register(registry);
        ch02 = MultiGauge.builder(CH02)
                .description("TSM CH02: share of the stage's responses issued within the Code's timescales, strictly "
                        + "or counting agreed extensions, financial year or quarter to date; NaN when none")
                .register(registry);
        withinRatio = MultiGauge.builder(WITHIN_RATIO)
                .description("share of the step's completions within the Code's timescale in the current window")
                .register(registry);
        duration = MultiGauge.builder(DURATION)
                .description("working days the step took in the current window: mean, median, 90th percentile, max")
                .register(registry);
        quarters.register(registry);
        refresh();
        return this;
    }

    /** Reads the stores and replaces every row: current labels only. */
    public synchronized void refresh() {
        LocalDate today = LondonTime.dateOf(clock.instant());
        ReportingWindow year = WindowKind.YEAR.windowOf(today);
        ReportingWindow quarter = WindowKind.QUARTER.windowOf(today);
        ReportingWindow lastYear = WindowKind.QUARTER.windowOf(today.minusYears(1));
        String lastFinancialYear = WindowKind.YEAR.windowOf(lastYear.start()).label();
        boolean live = running.getAsBoolean();
        List<MultiGauge.Row<?>> ch01Rows = new ArrayList<>();
        List<MultiGauge.Row<?>> ch02Rows = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Long> countStore = live ? store(counts) : null;
        for (String landlord : landlords) {
            String group = new DimensionKey(Dimension.LANDLORD, landlord).asString();
            if (live && countStore != null && !router.isLocal(FiguresTopology.COUNTS_STORE, group)) {
                continue;
            }
            for (ReportingWindow window : List.of(year, quarter, lastYear)) {
                TsmFigures figures = countStore == null ? null
                        : TsmFigures.of(FiguresQueries.counts(countStore, group, window), homes.get(landlord));
                Tags tags = window == lastYear
                        ? Tags.of("landlord", landlord, "period", QuarterGauges.LAST_YEAR,
                                "financial_year", lastFinancialYear, "quarter", lastYear.label())
                        : Tags.of("landlord", landlord, "period", window == year ? "year-to-date" : "quarter-to-date",
                                "financial_year", year.label(), "quarter", quarter.label());
                for (int stage = 1; stage <= 2; stage++) {
                    TsmFigures.StageFigures s = figures == null ? null
                            : stage == 1 ? figures.stage1() : figures.stage2();
                    Tags stageTags = tags.and("stage", Integer.toString(stage));
                    ch01Rows.add(MultiGauge.Row.of(stageTags, value(s == null ? null : s.perThousandHomes())));
                    ch02Rows.add(MultiGauge.Row.of(stageTags.and("basis", "strict"),
                            value(s == null ? null : s.withinStrict())));
                    ch02Rows.add(MultiGauge.Row.of(stageTags.and("basis", "with-extensions"),
                            value(s == null ? null : s.withinWithExtensions())));
                }
            }
        }
        List<MultiGauge.Row<?>> ratioRows = new ArrayList<>();
        List<MultiGauge.Row<?>> durationRows = new ArrayList<>();
        ReadOnlyKeyValueStore<String, DurationAggregate> statStore = live ? store(stats) : null;
        for (String source : SOURCES) {
            String group = new DimensionKey(Dimension.SOURCE, source).asString();
            if (live && statStore != null && !router.isLocal(FiguresTopology.STATS_STORE, group)) {
                continue;
            }
            for (Step step : Step.values()) {
                for (WindowKind kind : STEP_WINDOWS) {
                    DurationAggregate a = statStore == null ? null
                            : FiguresQueries.stat(statStore, step, group, kind.windowOf(today));
                    boolean any = a != null && a.count() > 0;
                    Tags tags = Tags.of("step", step.label(), "source", source, "window", kind.label());
                    ratioRows.add(MultiGauge.Row.of(tags, any ? a.withinRatio() : Double.NaN));
                    durationRows.add(MultiGauge.Row.of(tags.and("statistic", "mean"), any ? a.mean() : Double.NaN));
                    durationRows.add(MultiGauge.Row.of(tags.and("statistic", "p50"),
                            any ? a.percentile(0.5) : Double.NaN));
                    durationRows.add(MultiGauge.Row.of(tags.and("statistic", "p90"),
                            any ? a.percentile(0.9) : Double.NaN));
                    durationRows.add(MultiGauge.Row.of(tags.and("statistic", "max"), any ? a.max() : Double.NaN));
                }
            }
        }
        ch01.register(ch01Rows, true);
        ch02.register(ch02Rows, true);
        withinRatio.register(ratioRows, true);
        duration.register(durationRows, true);
        quarters.refresh(countStore, today);
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(LocalStore<V> store) {
        try {
            return store.get();
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }

    private static double value(Double ratio) {
        return ratio == null ? Double.NaN : ratio;
    }
}
