package io.complaintmonitor.simulate;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * What stage 1 complaints are about, over a year: repairs and damp and mould the largest, as in
 * the Housing Ombudsman's annual complaints reviews. Damp and mould is seasonal: from October to
 * March its rate is {@value #DAMP_WINTER_FACTOR} times its yearly average, from April to September
 * {@value #DAMP_SUMMER_FACTOR} times, so the year's average share stays as listed.
 */
public final class CategoryMix {

    public static final List<String> CATEGORIES = List.of("REPAIRS", "DAMP_AND_MOULD", "ASB", "STAFF_CONDUCT",
            "COMMUNICATION", "ESTATE_SERVICES", "RENT_AND_CHARGES", "OTHER");

    /** Yearly average share of each of {@link #CATEGORIES}, in the same order; they sum to 1. */
    public static final List<Double> SHARES = List.of(0.38, 0.14, 0.09, 0.07, 0.10, 0.08, 0.07, 0.07);

    public static final double DAMP_WINTER_FACTOR = 1.4;
    public static final double DAMP_SUMMER_FACTOR = 0.6;

    /**
     * Share of each category's stage 1 complaints handled by a contractor (Code 5.4): repairs, damp
     * and mould and estate services are largely contracted out; the rest stays in house.
     */
    public static final List<Double> CONTRACTED = List.of(0.40, 0.35, 0.0, 0.05, 0.0, 0.45, 0.0, 0.0);

    /** The team that owns each category's complaints. */
    public static final List<String> TEAMS = List.of("repairs", "repairs", "neighbourhoods", "customer-resolution",
            "customer-resolution", "estates", "income", "customer-resolution");

    private CategoryMix() {
    }

    /** The seasonal multiplier of a category's yearly average rate on {@code date}. */
    public static double seasonal(String category, LocalDate date) {
        if (!category.equals("DAMP_AND_MOULD")) {
            return 1.0;
        }
        Month month = date.getMonth();
        boolean winter = month.getValue() >= Month.OCTOBER.getValue() || month.getValue() <= Month.MARCH.getValue();
        return winter ? DAMP_WINTER_FACTOR : DAMP_SUMMER_FACTOR;
    }

    public static boolean isWinter(LocalDate date) {
        return seasonal("DAMP_AND_MOULD", date) == DAMP_WINTER_FACTOR;
    }

    static double share(int category) {
        return SHARES.get(category);
    }
}
