package io.complaintmonitor.domain.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one stage of one complaint is grouped by in the figures: categories and references only.
 * Null where not known; see {@link Dimension} for how each dimension treats that.
 */
public record Labels(String landlordId, String source, String category, String contractorId, String handlingTeam) {

    /** No labels: what a fact carries once it has been sorted into its group. */
    public static final Labels NONE = new Labels(null, null, null, null, null);

    /** Written out, as {@link StepMeasure#equals}: compared for every step merged into a batch. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Labels l && Objects.equals(landlordId, l.landlordId)
                && Objects.equals(source, l.source) && Objects.equals(category, l.category)
                && Objects.equals(contractorId, l.contractorId) && Objects.equals(handlingTeam, l.handlingTeam);
    }

    /** Without {@code Objects.hash}'s array: asked for every step merged into a batch. */
    @Override
    public int hashCode() {
        int h = Objects.hashCode(landlordId);
        h = 31 * h + Objects.hashCode(source);
        h = 31 * h + Objects.hashCode(category);
        h = 31 * h + Objects.hashCode(contractorId);
        return 31 * h + Objects.hashCode(handlingTeam);
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
