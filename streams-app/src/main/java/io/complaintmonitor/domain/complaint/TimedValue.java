package io.complaintmonitor.domain.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A label (team, contractor) that holds from {@code from} on, until the next one. */
public record TimedValue(Instant from, String value) {

    private static final Comparator<TimedValue> ORDER =
            Comparator.comparing(TimedValue::from).thenComparing(TimedValue::value);

    /**
     * The value in force at {@code at}: the latest one from before it (or at it, when
     * {@code inclusive}); null if none.
     */
    static String valueAt(List<TimedValue> values, Instant at, boolean inclusive) {
        String found = null;
        for (TimedValue v : values) {
            if (inclusive ? v.from().isAfter(at) : !v.from().isBefore(at)) {
                break;
            }
            found = v.value();
        }
        return found;
    }

    /**
     * {@code values} with {@code added} in its place in time. Every distinct entry is kept, even
     * one repeating the value before it: with events arriving out of order, an entry that looks
     * redundant now may separate two others later.
     */
    static List<TimedValue> with(List<TimedValue> values, TimedValue added) {
        if (values.contains(added)) {
            return values;
        }
        List<TimedValue> result = new ArrayList<>(values);
        result.add(added);
        result.sort(ORDER);
        return result;
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
