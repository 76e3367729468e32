package io.complaintmonitor.domain.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One calendar window: the dates from {@code start} up to but not including {@code end}.
 *
 * @param end exclusive: the window is over at 00:00 London time on this date
 */
public record ReportingWindow(WindowKind kind, LocalDate start, LocalDate end) {

    public ReportingWindow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after its start " + start);
        }
    }

    /** 2025-04-01, 2025-W14, 2025-04, FY2025-Q1 or FY2025. */
    public String label() {
        return kind.labelOf(start);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    public ReportingWindow next() {
        return kind.windowOf(end);
    }

    public ReportingWindow previous() {
        return kind.windowOf(start.minusDays(1));
    }

    /** Written out, as {@link StepMeasure#equals}: the figures task keys its changes by window, several per fact. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ReportingWindow w && kind == w.kind && start.equals(w.start)
                && end.equals(w.end);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + start.hashCode()) + end.hashCode();
    }

    @Override
    public String toString() {
        return kind.label() + " " + label();
    }
}
