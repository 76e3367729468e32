package io.complaintmonitor.simulate;

import java.util.List;
import java.util.Map;

/**
 * Who handles complaints, and how reliably. Each team and contractor meets a step's timescale with
 * its own probability; a step it misses runs late by a few working days (see
 * {@link ComplaintScript}). Acknowledgements are quicker work, so they are met a little more often
 * ({@link #ACK_BONUS}). Stage 2 is always handled in house by {@value #STAGE2_TEAM}.
 */
public final class Handlers {

    public static final List<String> CONTRACTORS = List.of("CON-1", "CON-2", "CON-3", "CON-4");

    /** How often each contractor's responses are within timescale: one good, two fair, one poor. */
    public static final Map<String, Double> CONTRACTOR_ON_TIME = Map.of(
            "CON-1", 0.95, "CON-2", 0.90, "CON-3", 0.90, "CON-4", 0.78);

    /** How often each team's responses are within timescale. */
    public static final Map<String, Double> TEAM_ON_TIME = Map.of(
            "repairs", 0.85, "neighbourhoods", 0.90, "customer-resolution", 0.92, "estates", 0.88, "income", 0.93,
            "stage2-review", 0.90);

    /** Share of contracted complaints each contractor gets, in the order of {@link #CONTRACTORS}. */
    public static final List<Double> CONTRACTOR_SHARES = List.of(0.30, 0.25, 0.25, 0.20);

    public static final String STAGE2_TEAM = "stage2-review";

    /** Added to the on-time probability of acknowledgements (capped at 0.99). */
    public static final double ACK_BONUS = 0.05;

    private Handlers() {
    }
}
