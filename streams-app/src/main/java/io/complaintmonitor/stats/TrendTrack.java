package io.complaintmonitor.stats;

import io.complaintmonitor.domain.trend.TrendLatch;
import java.time.LocalDate;

/**
 * Where one trend test stands for one group: its latch, and the first window not yet judged as
 * complete. Complete windows are judged once, in order; the running window at every change.
 */
public record TrendTrack(TrendLatch latch, LocalDate nextWindowStart) {
}
