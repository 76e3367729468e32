package io.complaintmonitor.domain.stats;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Regulator of Social Housing's complaint Tenant Satisfaction Measures and the headline
 * figures beside them, for one group (a landlord, or a contractor under Code 5.5) and one window
 * (a financial year to date, or a quarter), from that window's headline counts ({@link Measures}).
 *
 * <ul>
 * <li><b>CH01(1)</b> and <b>CH01(2)</b>: stage 1 and stage 2 complaints received per 1,000 homes
 *     the landlord owns ({@link StageFigures#perThousandHomes}); null when the homes are not known.</li>
 * <li><b>CH02(1)</b> and <b>CH02(2)</b>: the share of stage 1 and stage 2 complaints responded to
 *     within the Code's timescales, of those responded to in the window, in two series:
 *     {@link StageFigures#withinStrict} counts only responses within the Code's own timescale
 *     (no extension), {@link StageFigures#withinWithExtensions} also counts responses within an
 *     extension agreed within the Code's limits. Null when nothing was responded to.</li>
 * <li><b>Escalation rate</b>: stage 2 escalation requests received in the window divided by stage
 *     1 responses issued in the window. Both are counted on their own dates, so a complaint
 *     answered in one quarter and escalated in the next counts in each quarter's part: over a
 *     year the ratio is close to "the share of stage 1 responses that were escalated", over a
 *     quarter it is an approximation of it. Null when no stage 1 response was issued.</li>
 * <li>Outcomes per stage (upheld, partly upheld, not upheld; and unknown when the landlord did not
 *     say), each as a count and a share of that stage's responses; refusals by reason; remedies
 *     offered (count and total in pounds); Ombudsman referrals and determinations; withdrawals;
 *     survey feedback, which is never a complaint (Code 1.6) and is reported apart.</li>
 * </ul>
 */
public record TsmFigures(StageFigures stage1, StageFigures stage2, Double escalationRate,
        Map<String, Long> refusals, long withdrawn, long ombudsmanReferred, long ombudsmanDetermined,
        long surveyFeedback) {

    /** The outcomes reported, in the order reports list them. */
    public static final List<String> OUTCOMES = List.of("upheld", "partly-upheld", "not-upheld", "unknown");

    public TsmFigures {
        refusals = Map.copyOf(refusals);
    }

    /**
     * The figures of one window.
     *
     * @param counts the window's headline counts, measure name to count; a measure missing is zero
     * @param homes homes the landlord owns, or null when not known (or not applicable: a contractor)
     */
    public static TsmFigures of(Map<String, Long> counts, Integer homes) {
        if (homes != null && homes <= 0) {
            throw new IllegalArgumentException("homes must be positive: " + homes);
        }
        StageFigures stage1 = StageFigures.of(1, counts, homes);
        StageFigures stage2 = StageFigures.of(2, counts, homes);
        Map<String, Long> refusals = new TreeMap<>();
        counts.forEach((measure, count) -> {
            if (measure.startsWith(Measures.REFUSED_PREFIX) && count != 0) {
                refusals.put(measure.substring(Measures.REFUSED_PREFIX.length()), count);
            }
        });
        return new TsmFigures(stage1, stage2, ratio(stage2.received(), stage1.responded()),
                refusals, get(counts, Measures.WITHDRAWN), get(counts, Measures.OMBUDSMAN_REFERRED),
                get(counts, Measures.OMBUDSMAN_DETERMINED), get(counts, Measures.SURVEY_FEEDBACK));
    }

    /** All refusals, whatever the reason. */
    public long refusedTotal() {
        return refusals.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * One stage's figures in the window.
     *
     * @param perThousandHomes CH01: received per 1,000 homes; null when homes are not known
     * @param withinStrict CH02, strict: respondedWithinStrict / responded; null when none responded
     * @param withinWithExtensions CH02 counting agreed extensions: respondedWithin / responded
     * @param outcomes outcome (see {@link #OUTCOMES}) to count, every outcome present
     * @param remedyPence total financial remedy offered, in pence
     */
    public record StageFigures(int stage, long received, Double perThousandHomes, long responded,
            long respondedWithin, long respondedWithinStrict, Double withinStrict, Double withinWithExtensions,
            Map<String, Long> outcomes, long remediesOffered, long remedyPence) {

        public StageFigures {
            outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }

        static StageFigures of(int stage, Map<String, Long> counts, Integer homes) {
            long received = get(counts, Measures.received(stage));
            long responded = get(counts, Measures.responded(stage));
            long within = get(counts, Measures.respondedWithin(stage));
            long strict = get(counts, Measures.respondedWithinStrict(stage));
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (String outcome : OUTCOMES) {
                outcomes.put(outcome, get(counts, Measures.outcome(stage, outcome)));
            }
            return new StageFigures(stage, received, homes == null ? null : received * 1000.0 / homes, responded,
                    within, strict, ratio(strict, responded), ratio(within, responded), outcomes,
                    get(counts, Measures.remediesOffered(stage)), get(counts, Measures.remedyPence(stage)));
        }

        /** An outcome's share of the stage's responses; null when none responded. */
        public Double outcomeShare(String outcome) {
            Long count = outcomes.get(outcome);
            if (count == null) {
                throw new IllegalArgumentException("unknown outcome '" + outcome + "': use one of " + OUTCOMES);
            }
            return ratio(count, responded);
        }

        /** Total remedy offered in pounds, exactly (pence / 100). */
        public BigDecimal remedyPounds() {
            return BigDecimal.valueOf(remedyPence, 2);
        }
    }

    private static long get(Map<String, Long> counts, String measure) {
        Long count = counts.get(measure);
        return count == null ? 0 : count;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
