package io.complaintmonitor.domain.stats;

import java.util.Objects;

/** One group of figures: a dimension and its value, written "category=DAMP_MOULD" (or "all=all"). */
public record DimensionKey(Dimension dimension, String value) implements Comparable<DimensionKey> {

    public static final DimensionKey ALL = new DimensionKey(Dimension.ALL, "all");

    public DimensionKey {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        if (value.indexOf('|') >= 0) {
            // '|' separates the parts of store keys.
            throw new IllegalArgumentException("a dimension value cannot contain '|': " + value);
        }
    }

    public String asString() {
        return dimension.label() + "=" + value;
    }

    public static DimensionKey parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + text + "' is not dimension=value");
        }
        return new DimensionKey(Dimension.ofLabel(text.substring(0, eq)), text.substring(eq + 1));
    }

    @Override
    public int compareTo(DimensionKey o) {
        int byDimension = dimension.compareTo(o.dimension);
        return byDimension != 0 ? byDimension : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return asString();
    }
}
