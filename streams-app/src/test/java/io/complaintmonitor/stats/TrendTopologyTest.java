package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.TrendAlert;
import io.complaintmonitor.schema.TrendKind;
import io.complaintmonitor.schema.TrendStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trend alerts through the whole monitor topology, on synthetic series whose answer is known:
 * a category spike, a steady category, and a contractor's compliance below target.
 */
class TrendTopologyTest {

    @TempDir
    Path stateDir;

    private MonitorDriver monitor;
    private int complaints;

    @BeforeEach
    void start() {
        monitor = MonitorDriver.start(stateDir);
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    /** {@code n} stage 1 receipts in {@code category} on the Monday {@code weekStart}, from the CRM. */
    private void receipts(String category, String weekStart, int n) {
        for (int i = 0; i < n; i++) {
            ComplaintRecords c = new ComplaintRecords("T-" + complaints++);
            // Piped, not sent: the figures judged between receipts would see a week half counted.
            monitor.pipe(c.crm(CrmEventType.RECEIVED, weekStart + " 10:00").setCategory(category).build());
        }
    }

    @Test
    void shouldRaiseVolumeSpikeOnceForTheSpikeWeekAndRecoverTheWeekAfterWhenOtherCategoryStaysFlat() {
        // Eight weeks of 5 a week from Monday 5 January 2026 (2026-W02 to W09), then 30 in W10, then 5 again.
        LocalDate monday = LocalDate.parse("2026-01-05");
        for (int week = 0; week < 10; week++) {
            String day = monday.plusWeeks(week).toString();
            receipts("DAMP_MOULD", day, week == 8 ? 30 : 5);
            receipts("REPAIRS", day, 5);
        }
        monitor.tick("2026-03-20T12:00:00Z");

        List<TrendAlert> trends = monitor.readTrends();
        // W10 against W02..W09: mean 5, no spread, so the line is 5 + 50 % = 7.5; 30 is above it.
        // W11 against W03..W10 (mean 8.1, spread 8.3): 5 is well below; the spike has cleared.
        assertThat(trends).extracting(TrendAlert::getKind, TrendAlert::getStatus, TrendAlert::getDimension,
                TrendAlert::getDimensionValue, t -> t.getWindowStart().toString())
                .containsExactly(
                        tuple(TrendKind.VOLUME_SPIKE, TrendStatus.RAISED, "category", "DAMP_MOULD", "2026-03-02"),
                        tuple(TrendKind.VOLUME_SPIKE, TrendStatus.RECOVERED, "category", "DAMP_MOULD", "2026-03-09"));
        TrendAlert raised = trends.get(0);
        assertThat(raised.getObserved()).isEqualTo(30.0);
        assertThat(raised.getBaseline()).isEqualTo(5.0);
        assertThat(raised.getThreshold()).isEqualTo(7.5);
        assertThat(raised.getWindowStart()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(raised.getExplanation()).contains("DAMP_MOULD").contains("30");
        assertThat(raised.getLandlordId()).isEqualTo("all");
        // Recovered: no trend alert active, by the gauge complaint_trend_alerts_active.
        assertThat(TrendGauges.totals(() -> monitor.driver.<String, TrendTrack>getKeyValueStore(
                FiguresTopology.TRENDS_STORE))).containsEntry("VOLUME_SPIKE|category", 0.0);

        // Nothing new on the next flush: each window is judged as complete once.
        monitor.tick("2026-03-21T12:00:00Z");
        assertThat(monitor.readTrends()).isEmpty();
    }

    @Test
    void shouldRaiseContractorUnderperformingWhenThreeOfItsLastTwentyStepsWereLate() {
        // 20 complaints received by contractor CON-3 on Monday 5 January 2026 (acknowledgement due
        // Monday 12th): 17 acknowledged the next day, 3 on Wednesday 14th, late. 17/20 = 85 % < 90 %.
        for (int i = 0; i < 20; i++) {
            ComplaintRecords c = new ComplaintRecords("K-" + i);
            monitor.send(c.contractor("CON-3", ContractorUpdateType.RECEIVED, "2026-01-05 10:00")
                    .setCategory("REPAIRS").build());
            monitor.send(c.contractor("CON-3", ContractorUpdateType.ACKNOWLEDGED, i < 17 ? "2026-01-06 10:00"
                    : "2026-01-14 10:00").setStage(1).setDefinitionRecorded(true).build());
        }
        monitor.tick("2026-02-02T12:00:00Z");

        List<TrendAlert> trends = monitor.readTrends();
        assertThat(trends).filteredOn(t -> t.getKind() == TrendKind.CONTRACTOR_UNDERPERFORMING)
                .extracting(TrendAlert::getStatus, TrendAlert::getDimensionValue, t -> t.getWindowStart().toString(),
                        TrendAlert::getObserved)
                .startsWith(tuple(TrendStatus.RAISED, "CON-3", "2026-01-01", 0.85));
        assertThat(trends).noneMatch(t -> t.getKind() == TrendKind.VOLUME_SPIKE);
        assertThat(TrendGauges.totals(() -> monitor.driver.<String, TrendTrack>getKeyValueStore(
                FiguresTopology.TRENDS_STORE))).containsEntry("CONTRACTOR_UNDERPERFORMING|contractorId", 1.0);
    }
}
