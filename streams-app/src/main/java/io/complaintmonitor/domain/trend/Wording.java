package io.complaintmonitor.domain.trend;

import java.util.Locale;

/** Numbers as a housing manager reads them: one decimal place at most, shares as percentages. */
final class Wording {

    private Wording() {
    }

    /** 12.5 as "12.5", 12.0 as "12", 27.26 as "27.3". */
    static String number(double value) {
        String text = String.format(Locale.UK, "%.1f", value);
        text = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        return text.equals("-0") ? "0" : text;
    }

    /** 0.85 as "85%", 0.7556 as "75.6%". */
    static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }
}
