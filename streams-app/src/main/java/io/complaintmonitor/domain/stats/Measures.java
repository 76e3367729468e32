package io.complaintmonitor.domain.stats;

import java.util.Locale;

/**
 * Names of the headline measures counted per window and dimension. Stage measures are counted on
 * the date of the stage event they name; escalation rate, CH01 and CH02 are ratios of these
 * (see {@link TsmFigures}).
 */
public final class Measures {

    /** Complaints a landlord refused to accept, by reason: {@code refused.<reason>}. */
    public static final String REFUSED_PREFIX = "refused.";
    public static final String WITHDRAWN = "withdrawn";
    public static final String OMBUDSMAN_REFERRED = "ombudsman.referred";
    public static final String OMBUDSMAN_DETERMINED = "ombudsman.determined";
    /** Web form survey feedback: never a complaint (Code 1.6), counted apart. */
    public static final String SURVEY_FEEDBACK = "survey.feedback";
    /** A refusal without a reason code. */
    public static final String UNSPECIFIED = "unspecified";

    private Measures() {
    }

    /** Receipts (stage 1) or escalation requests (stage 2). */
    public static String received(int stage) {
        return "stage" + stage + ".received";
    }

    public static String responded(int stage) {
        return "stage" + stage + ".responded";
    }

    /** Responses on or before the due date, an extension agreed within the Code's limit counting. */
    public static String respondedWithin(int stage) {
        return "stage" + stage + ".responded.within";
    }

    /** Responses within the Code's timescale with no extension counted at all. */
    public static String respondedWithinStrict(int stage) {
        return "stage" + stage + ".responded.within-strict";
    }

    /** {@code stage1.outcome.upheld}, {@code .partly-upheld}, {@code .not-upheld} or {@code .unknown}. */
    public static String outcome(int stage, String outcome) {
        String name = outcome == null || outcome.isBlank() ? "unknown" : outcome;
        return "stage" + stage + ".outcome." + name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Responses offering a remedy (Code 7). */
    public static String remediesOffered(int stage) {
        return "stage" + stage + ".remedy.offered";
    }

    /** Total remedy offered, in pence. */
    public static String remedyPence(int stage) {
        return "stage" + stage + ".remedy.pence";
    }

    public static String refused(String reason) {
        String name = reason == null || reason.isBlank() ? UNSPECIFIED : reason.replace('|', '/');
        return REFUSED_PREFIX + name;
    }
}
