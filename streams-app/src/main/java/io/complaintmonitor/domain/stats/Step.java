package io.complaintmonitor.domain.stats;

import java.util.Locale;

/** The four timed steps of the Code's two stages, each with its own timescale. */
public enum Step {
    /** Code 6.2: within 5 working days of receipt. */
    STAGE1_ACKNOWLEDGEMENT(1, false),
    /** Code 6.3: within 10 working days of the acknowledgement. */
    STAGE1_RESPONSE(1, true),
    /** Code 6.11: within 5 working days of the escalation request. */
    STAGE2_ACKNOWLEDGEMENT(2, false),
    /** Code 6.14: within 20 working days of the acknowledgement. */
    STAGE2_RESPONSE(2, true);

    private final int stage;
    private final boolean response;
    /** Worked out once: asked for every step change the figures apply and every key they build. */
    private final String label;

    Step(int stage, boolean response) {
        this.stage = stage;
        this.response = response;
        this.label = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int stage() {
        return stage;
    }

    public boolean isResponse() {
        return response;
    }

    public static Step of(int stage, boolean response) {
        for (Step step : values()) {
            if (step.stage == stage && step.response == response) {
                return step;
            }
        }
        throw new IllegalArgumentException("stage must be 1 or 2: " + stage);
    }

    /** stage1-acknowledgement, as used in keys, metrics and the query API. */
    public String label() {
        return label;
    }

    public static Step ofLabel(String label) {
        for (Step step : values()) {
            if (step.label().equals(label)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown step '" + label + "': use stage1-acknowledgement, "
                + "stage1-response, stage2-acknowledgement or stage2-response");
    }
}
