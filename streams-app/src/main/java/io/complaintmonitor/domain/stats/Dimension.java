package io.complaintmonitor.domain.stats;

/**
 * What figures are broken down by. Every fact counts once in ALL, and once in each other
 * dimension whose value it has: a step handled by no contractor is in no contractor's figures,
 * while an unknown category or team counts under {@link #UNKNOWN}, so those breakdowns add up to
 * ALL.
 */
public enum Dimension {
    ALL("all"),
    /** The source of the stage's receipt or escalation request: crm, contractor or webform. */
    SOURCE("source"),
    CATEGORY("category"),
    /** The contractor who last handled the stage (Code 5.5): only stages a contractor handled. */
    CONTRACTOR("contractorId"),
    HANDLING_TEAM("handlingTeam"),
    LANDLORD("landlordId");

    /** The value for a category, team or source not known. */
    public static final String UNKNOWN = "unknown";

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** The name used in keys, the stats records and the query API. */
    public String label() {
        return label;
    }

    public static Dimension ofLabel(String label) {
        for (Dimension d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + label
                + "': use all, source, category, contractorId, handlingTeam or landlordId");
    }
}
