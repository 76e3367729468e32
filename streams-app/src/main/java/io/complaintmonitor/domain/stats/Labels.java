package io.complaintmonitor.domain.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one stage of one complaint is grouped by in the figures: categories and references only.
 * Null where not known; see {@link Dimension} for how each dimension treats that.
 *
 * <p>A class rather than a record so that it can keep its hash: every step and tally merged into
 * the figures outbox, and every one sorted into its groups, is hashed with its labels, and
 * working the hash out again from five strings each time was about 5 % of the stream thread.
 */
public final class Labels {

    /** No labels: what a fact carries once it has been sorted into its group. */
    public static final Labels NONE = new Labels(null, null, null, null, null);

    private final String landlordId;
    private final String source;
    private final String category;
    private final String contractorId;
    private final String handlingTeam;
    /** Worked out on first use, as String's: 0 until then (a real 0 is only worked out again). */
    private int hash;

    public Labels(String landlordId, String source, String category, String contractorId, String handlingTeam) {
        this.landlordId = landlordId;
        this.source = source;
        this.category = category;
        this.contractorId = contractorId;
        this.handlingTeam = handlingTeam;
    }

    public String landlordId() {
        return landlordId;
    }

    public String source() {
        return source;
    }

    public String category() {
        return category;
    }

    public String contractorId() {
        return contractorId;
    }

    public String handlingTeam() {
        return handlingTeam;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Labels l && hashCode() == l.hashCode()
                && Objects.equals(landlordId, l.landlordId) && Objects.equals(source, l.source)
                && Objects.equals(category, l.category) && Objects.equals(contractorId, l.contractorId)
                && Objects.equals(handlingTeam, l.handlingTeam);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hashCode(landlordId);
            h = 31 * h + Objects.hashCode(source);
            h = 31 * h + Objects.hashCode(category);
            h = 31 * h + Objects.hashCode(contractorId);
            h = 31 * h + Objects.hashCode(handlingTeam);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Labels[landlordId=" + landlordId + ", source=" + source + ", category=" + category
                + ", contractorId=" + contractorId + ", handlingTeam=" + handlingTeam + "]";
    }

    /** The groups a fact with these labels counts in, ALL first. */
    public List<DimensionKey> dimensionKeys() {
        List<DimensionKey> keys = new ArrayList<>(6);
        keys.add(DimensionKey.ALL);
        keys.add(new DimensionKey(Dimension.SOURCE, orUnknown(source)));
        keys.add(new DimensionKey(Dimension.CATEGORY, orUnknown(category)));
        if (contractorId != null) {
            keys.add(new DimensionKey(Dimension.CONTRACTOR, contractorId));
        }
        keys.add(new DimensionKey(Dimension.HANDLING_TEAM, orUnknown(handlingTeam)));
        keys.add(new DimensionKey(Dimension.LANDLORD, orUnknown(landlordId)));
        return keys;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? Dimension.UNKNOWN : value.replace('|', '/');
    }
}
