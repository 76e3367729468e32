package io.complaintmonitor.stats;

import io.complaintmonitor.domain.stats.Dimension;
import io.complaintmonitor.domain.stats.DimensionKey;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.ReportingWindow;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.domain.trend.TrendAlertId;
import io.complaintmonitor.domain.trend.TrendFinding;
import io.complaintmonitor.domain.trend.TrendKind;
import io.complaintmonitor.domain.trend.TrendLatch;
import io.complaintmonitor.domain.trend.TrendRules;
import io.complaintmonitor.schema.TrendAlert;
import io.complaintmonitor.schema.TrendStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the trend tests ({@link TrendRules}) over one group's headline counts, window by window:
 * each complete window once, when the monitor's clock has passed its end, and the running window
 * whenever the group changes. Which test applies to which group, and over what window:
 * <ul>
 *   <li>VOLUME_SPIKE, per category, weekly: stage 1 complaints received in the ISO week against the
 *       previous weeks;</li>
 *   <li>COMPLIANCE_DROP, for all complaints and per landlord, weekly: responses (both stages) within
 *       timescale over the four weeks ending with the week, against the target and the previous
 *       financial quarter;</li>
 *   <li>CONTRACTOR_UNDERPERFORMING, per contractor, monthly: the contractor's last N finished steps;</li>
 *   <li>ESCALATION_RISE, for all complaints and per landlord, monthly: escalations to stage 2 per
 *       stage 1 response in the month, against the previous months.</li>
 * </ul>
 * Weeks and months before the group was first seen are not history: they are left out of the
 * baselines, so a new monitor does not compare its first week with nothing.
 */
final class TrendJudge {

    /** Headline-counts key suffix holding the epoch day a group was first counted. */
    static final String FIRST_SEEN = "~first-seen";

    private final TrendRules rules;
    private final KeyValueStore<String, Long> counts;
    private final KeyValueStore<String, TrendTrack> tracks;
    private final KeyValueStore<String, RecentSteps> recent;

    TrendJudge(TrendRules rules, KeyValueStore<String, Long> counts, KeyValueStore<String, TrendTrack> tracks,
            KeyValueStore<String, RecentSteps> recent) {
        this.rules = rules;
        this.counts = counts;
        this.tracks = tracks;
        this.recent = recent;
    }

    static List<TrendKind> kindsFor(Dimension dimension) {
        return switch (dimension) {
            case CATEGORY -> List.of(TrendKind.VOLUME_SPIKE);
            case ALL, LANDLORD -> List.of(TrendKind.COMPLIANCE_DROP, TrendKind.ESCALATION_RISE);
            case CONTRACTOR -> List.of(TrendKind.CONTRACTOR_UNDERPERFORMING);
            default -> List.of();
        };
    }

    static WindowKind windowOf(TrendKind kind) {
        return switch (kind) {
            case VOLUME_SPIKE, COMPLIANCE_DROP -> WindowKind.WEEK;
            case CONTRACTOR_UNDERPERFORMING, ESCALATION_RISE -> WindowKind.MONTH;
        };
    }

    /** Judges every test of {@code group} up to {@code today}, sending each raise or recovery to {@code out}. */
    void judge(String group, LocalDate today, Instant now, String landlordId, Consumer<TrendAlert> out) {
        DimensionKey key = DimensionKey.parse(group);
        Long first = counts.get(group + "|" + FIRST_SEEN);
        if (first == null) {
            return;
        }
        LocalDate firstSeen = LocalDate.ofEpochDay(first);
        for (TrendKind kind : kindsFor(key.dimension())) {
            String trackKey = kind.name() + "|" + group;
            TrendTrack track = tracks.get(trackKey);
            WindowKind windowKind = windowOf(kind);
            LocalDate start = track == null ? firstSeen : track.nextWindowStart();
            TrendLatch latch = track == null ? TrendLatch.CLEAR : track.latch();
            ReportingWindow w = windowKind.windowOf(start);
            for (; !w.start().isAfter(today); w = w.next()) {
                Optional<TrendFinding> finding = detect(kind, key, group, w, firstSeen);
                TrendLatch.Step step = latch.decide(w.label(), finding);
                latch = step.next();
                if (step.decision() != TrendLatch.Decision.NONE) {
                    out.accept(alert(kind, key, landlordId, w, step.decision(), finding, now));
                }
                if (w.end().isAfter(today)) {
                    break; // the running window: judged again at the next change
                }
                start = w.end();
            }
            tracks.put(trackKey, new TrendTrack(latch, start));
        }
    }

    private Optional<TrendFinding> detect(TrendKind kind, DimensionKey key, String group, ReportingWindow w,
            LocalDate firstSeen) {
        String label = describe(key);
        return switch (kind) {
            case VOLUME_SPIKE -> {
                List<Long> previous = new ArrayList<>();
                ReportingWindow p = w.previous();
                for (int i = 0; i < rules.thresholds().baselineWeeks() && !p.end().isBefore(firstSeen.plusDays(1));
                        i++, p = p.previous()) {
                    previous.add(0, count(group, p, Measures.received(1)));
                }
                yield rules.volumeSpike(label, w.label(), count(group, w, Measures.received(1)), previous);
            }
            case COMPLIANCE_DROP -> {
                long within = 0;
                long responded = 0;
                ReportingWindow p = w;
                for (int i = 0; i < 4; i++, p = p.previous()) {
                    within += responses(group, p, true);
                    responded += responses(group, p, false);
                }
                ReportingWindow quarter = WindowKind.QUARTER.windowOf(w.start()).previous();
                long qResponded = responses(group, quarter, false);
                OptionalDouble previousShare = qResponded > 0 && !quarter.start().isBefore(firstSeen)
                        ? OptionalDouble.of((double) responses(group, quarter, true) / qResponded)
                        : OptionalDouble.empty();
                yield rules.complianceDrop(label, w.label() + " and the 3 weeks before", within, responded,
                        previousShare);
            }
            case CONTRACTOR_UNDERPERFORMING -> {
                RecentSteps steps = recent.get(group);
                yield rules.contractorUnderperforming(label, steps == null ? List.of()
                        : steps.lastBefore(w.end(), rules.thresholds().contractorLastSteps()));
            }
            case ESCALATION_RISE -> {
                List<Double> previous = new ArrayList<>();
                ReportingWindow p = w.previous();
                for (int i = 0; i < rules.thresholds().escalationBaselineMonths() && !p.end().isBefore(firstSeen.plusDays(1));
                        i++, p = p.previous()) {
                    long responses = count(group, p, Measures.responded(1));
                    if (responses > 0) {
                        previous.add(0, (double) count(group, p, Measures.received(2)) / responses);
                    }
                }
                yield rules.escalationRise(label, w.label(), count(group, w, Measures.received(2)),
                        count(group, w, Measures.responded(1)), previous);
            }
        };
    }

    private long responses(String group, ReportingWindow w, boolean within) {
        return count(group, w, within ? Measures.respondedWithin(1) : Measures.responded(1))
                + count(group, w, within ? Measures.respondedWithin(2) : Measures.responded(2));
    }

    private long count(String group, ReportingWindow w, String measure) {
        Long n = counts.get(FiguresKeys.count(group, w, measure));
        return n == null ? 0 : n;
    }

    /** How the group reads in an explanation: "Category DAMP_MOULD", "Contractor acme", "All complaints". */
    private static String describe(DimensionKey key) {
        return switch (key.dimension()) {
            case ALL -> "All complaints";
            case CATEGORY -> "Category " + key.value();
            case CONTRACTOR -> "Contractor " + key.value();
            case LANDLORD -> "Landlord " + key.value();
            case SOURCE -> "Source " + key.value();
            case HANDLING_TEAM -> "Team " + key.value();
        };
    }

    private static TrendAlert alert(TrendKind kind, DimensionKey key, String landlordId, ReportingWindow w,
            TrendLatch.Decision decision, Optional<TrendFinding> finding, Instant now) {
        boolean raised = decision == TrendLatch.Decision.RAISE;
        String explanation = finding.map(TrendFinding::explanation)
                .orElse(describe(key) + ": the " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " no longer holds in " + w.kind().label() + " " + w.label() + ".");
        return TrendAlert.newBuilder()
                .setTrendAlertId(TrendAlertId.of(landlordId, kind, key.dimension().label(), key.value(), w.start(),
                        decision))
                .setKind(io.complaintmonitor.schema.TrendKind.valueOf(kind.name()))
                .setStatus(raised ? TrendStatus.RAISED : TrendStatus.RECOVERED)
                .setLandlordId(landlordId)
                .setDimension(key.dimension().label())
                .setDimensionValue(key.value())
                .setWindowKind(w.kind().label())
                .setWindowStart(w.start())
                .setWindowEnd(w.end())
                .setObserved(finding.map(TrendFinding::observed).orElse(Double.NaN))
                .setBaseline(finding.map(TrendFinding::baseline).orElse(Double.NaN))
                .setThreshold(finding.map(TrendFinding::threshold).orElse(Double.NaN))
                .setExplanation(explanation)
                .setRaisedAt(now)
                .build();
    }
}
