package io.complaintmonitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.domain.stats.WindowKind;
import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.lifecycle.LifecycleTopology;
import io.complaintmonitor.lifecycle.MonitorDriver;
import io.complaintmonitor.schema.StageDurationStat;
import io.complaintmonitor.schema.WebFormType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage-duration statistics and headline counts through the whole monitor topology, on
 * hand-checked complaints. Working days are counted as the Code counts them: in (start, end],
 * weekends and England and Wales bank holidays left out.
 */
class FiguresTopologyTest {

    private static final String ACK1 = "stage1-acknowledgement";
    private static final String RESP1 = "stage1-response";
    private static final String ALL = "all=all";

    @TempDir
    Path stateDir;

    private MonitorDriver monitor;
    private final ComplaintRecords c1 = new ComplaintRecords("C-1");
    private final ComplaintRecords c2 = new ComplaintRecords("C-2");
    private final ComplaintRecords c3 = new ComplaintRecords("C-3");

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void shouldCountAcknowledgementsInWorkingDaysAcrossChristmasAndNewYearWhenWeekSpansBankHolidays() {
        monitor = MonitorDriver.start(stateDir);
        monitor.send(
                // 22, 23, 24, 29 December: 4 working days (25 and 26 December are bank holidays); due 30 December.
                c1.received("2025-12-19 10:00"), c1.acknowledged(1, "2025-12-29 09:00"),
                // 23, 24, 29, 30, 31 December: 5 working days, on the last allowed day.
                c2.received("2025-12-22 10:00"), c2.acknowledged(1, "2025-12-31 09:00"),
                // 29, 30, 31 December, 2 January: 4 (1 January is a bank holiday).
                c3.received("2025-12-24 10:00"), c3.acknowledged(1, "2026-01-02 09:00"));

        // ISO week 2026-W01 runs Monday 29 December 2025 to Sunday 4 January 2026.
        StageDurationStat week = monitor.stat(ACK1, ALL, "week", "2026-W01");
        assertThat(week).isNotNull();
        assertThat(week.getWindowStart()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(week.getWindowEnd()).isEqualTo(LocalDate.parse("2026-01-05"));
        // Durations 4, 5, 4: mean 13/3; nearest rank: p50 is the 2nd of 3 (4), p90 the 3rd (5).
        assertThat(figures(week)).containsExactly(3L, 3L, 13.0 / 3, 5, 4, 5, 0L);

        assertThat(figures(monitor.stat(ACK1, ALL, "day", "2025-12-29"))).containsExactly(1L, 1L, 4.0, 4, 4, 4, 0L);
        assertThat(figures(monitor.stat(ACK1, ALL, "month", "2025-12"))).containsExactly(2L, 2L, 4.5, 5, 4, 5, 0L);
        assertThat(figures(monitor.stat(ACK1, ALL, "month", "2026-01"))).containsExactly(1L, 1L, 4.0, 4, 4, 4, 0L);
        // October to December is the third quarter of financial year 2025; January the fourth.
        assertThat(monitor.stat(ACK1, ALL, "quarter", "FY2025-Q3").getCount()).isEqualTo(2);
        assertThat(monitor.stat(ACK1, ALL, "quarter", "FY2025-Q4").getCount()).isEqualTo(1);
        assertThat(monitor.stat(ACK1, "category=REPAIRS", "week", "2026-W01").getCount()).isEqualTo(3);
        assertThat(monitor.stat(ACK1, "source=crm", "week", "2026-W01").getCount()).isEqualTo(3);
        assertThat(monitor.stat(ACK1, "handlingTeam=housing-north", "week", "2026-W01").getCount()).isEqualTo(3);
        assertThat(monitor.stat(ACK1, "landlordId=default", "week", "2026-W01").getCount()).isEqualTo(3);
        // No contractor handled them: no contractor group at all.
        assertThat(monitor.flushStats().keySet()).noneMatch(key -> key.contains("contractorId="));
    }

    @Test
    void shouldPutLateResponseInItsOwnFinancialQuarterWhenItArrivesAfterTheNextQuarterStarted() {
        monitor = MonitorDriver.start(stateDir);
        // Both received Monday 2 March 2026 and acknowledged Tuesday 3 March: responses due 17 March.
        monitor.send(c1.received("2026-03-02 10:00"), c1.acknowledged(1, "2026-03-03 10:00"),
                c2.received("2026-03-02 10:00"), c2.acknowledged(1, "2026-03-03 10:00"));
        // 00:30 on 1 April in London is 23:30 UTC on 31 March (BST began 29 March): the London date counts.
        monitor.send(c1.responded(1, "2026-04-01 00:30")).tick("2026-04-02T11:00:00Z");
        // C-2's response of 31 March arrives only now, after the monitor's clock reached 2 April.
        monitor.send(c2.responded(1, "2026-03-31 23:30"));

        // 4 March to 31 March: 3 + 5 + 5 + 5 + 2 = 20 working days; to 1 April, 21. Both late.
        assertThat(figures(monitor.stat(RESP1, ALL, "quarter", "FY2025-Q4"))).containsExactly(1L, 0L, 20.0, 20, 20, 20,
                0L);
        assertThat(figures(monitor.stat(RESP1, ALL, "quarter", "FY2026-Q1"))).containsExactly(1L, 0L, 21.0, 21, 21, 21,
                0L);
        assertThat(monitor.stat(RESP1, ALL, "month", "2026-03").getCount()).isEqualTo(1);
        assertThat(monitor.stat(RESP1, ALL, "day", "2026-03-31").getCount()).isEqualTo(1);
        assertThat(monitor.stat(RESP1, ALL, "day", "2026-04-01").getCount()).isEqualTo(1);
        // 2026-W14 runs 30 March to 5 April: both responses.
        assertThat(monitor.stat(RESP1, ALL, "week", "2026-W14").getCount()).isEqualTo(2);

        var q4 = WindowKind.QUARTER.parse("FY2025-Q4");
        var q1 = WindowKind.QUARTER.parse("FY2026-Q1");
        assertThat(monitor.counts("landlordId=default", q4)).containsEntry("stage1.received", 2L)
                .containsEntry("stage1.responded", 1L)
                .containsEntry("stage1.outcome.upheld", 1L)
                .doesNotContainKey("stage1.responded.within");
        assertThat(monitor.counts("landlordId=default", q1)).containsEntry("stage1.responded", 1L)
                .doesNotContainKey("stage1.received");
        assertThat(monitor.counts("landlordId=default", WindowKind.YEAR.parse("FY2025")))
                .containsEntry("stage1.received", 2L).containsEntry("stage1.responded", 1L);
    }

    @Test
    void shouldCountStepsOpenPastDueAtEachWindowsEndWhenAcknowledgementIsLate() {
        monitor = MonitorDriver.start(stateDir);
        // Received Monday 5 January 2026: acknowledgement due Monday 12 January, overdue from the 13th.
        monitor.send(c1.received("2026-01-05 10:00")).tick("2026-01-20T12:00:00Z");

        assertThat(monitor.stat(ACK1, ALL, "day", "2026-01-11")).as("ends 12 January, not yet overdue").isNull();
        assertThat(monitor.stat(ACK1, ALL, "day", "2026-01-12").getOpenPastDue()).isEqualTo(1);
        // Week 2026-W03 (12 to 18 January) ends at 00:00 on the 19th with the step overdue.
        StageDurationStat w03 = monitor.stat(ACK1, ALL, "week", "2026-W03");
        assertThat(figures(w03)).containsExactly(0L, 0L, null, null, null, null, 0L);
        assertThat(w03.getOpenPastDue()).isEqualTo(1);
        assertThat(monitor.stat(ACK1, ALL, "month", "2026-01")).as("nothing finished, month not over").isNull();

        // Acknowledged Wednesday 21 January: 6-9, 12-16, 19-21 January = 12 working days.
        monitor.send(c1.acknowledged(1, "2026-01-21 10:00")).tick("2026-01-26T12:00:00Z");
        StageDurationStat w04 = monitor.stat(ACK1, ALL, "week", "2026-W04");
        assertThat(figures(w04)).containsExactly(1L, 0L, 12.0, 12, 12, 12, 0L);
        assertThat(w04.getOpenPastDue()).as("done before the week ended").isZero();
        assertThat(monitor.stat(ACK1, ALL, "week", "2026-W03").getOpenPastDue()).isEqualTo(1);
        // The response (due 10 working days after the late acknowledgement, 4 February) is not overdue yet.
        assertThat(monitor.stat(RESP1, ALL, "week", "2026-W04")).isNull();
    }

    @Test
    void shouldMoveStepBetweenGroupsWhenAnEarlierEventArrivesLate() {
        monitor = MonitorDriver.start(stateDir);
        // The acknowledgement and response arrive first and carry no category: category unknown.
        monitor.send(c1.acknowledged(1, "2026-01-09 10:00"), c1.responded(1, "2026-01-16 10:00"));
        assertThat(monitor.stat(RESP1, "category=unknown", "month", "2026-01").getCount()).isEqualTo(1);
        assertThat(monitor.stat(ACK1, ALL, "month", "2026-01")).as("receipt unknown: no acknowledgement step").isNull();

        // Then the receipt of Monday 5 January: category REPAIRS; acknowledged after 4 working days.
        monitor.send(c1.received("2026-01-05 10:00"));
        assertThat(monitor.stat(RESP1, "category=unknown", "month", "2026-01").getCount()).as("taken out").isZero();
        assertThat(monitor.stat(RESP1, "category=REPAIRS", "month", "2026-01").getCount()).isEqualTo(1);
        assertThat(figures(monitor.stat(ACK1, ALL, "month", "2026-01"))).containsExactly(1L, 1L, 4.0, 4, 4, 4, 0L);
        // 12 to 16 January: 5 working days from the acknowledgement, within 10.
        assertThat(figures(monitor.stat(RESP1, ALL, "month", "2026-01"))).containsExactly(1L, 1L, 5.0, 5, 5, 5, 0L);
    }

    @Test
    void shouldLeaveFrozenWindowAloneWhenLateEventComesAfterTheGrace() {
        monitor = MonitorDriver.start(stateDir, Map.of(ConfigKey.STATS_GRACE, "P3D"));
        monitor.send(c1.received("2026-01-05 10:00"), c1.acknowledged(1, "2026-01-06 10:00"));
        // Flushed within a second of the change, as on a live monitor, before the clock moves on.
        assertThat(monitor.stat(ACK1, ALL, "day", "2026-01-06").getCount()).isEqualTo(1);
        monitor.tick("2026-01-20T12:00:00Z");

        // Day 7 January ended on the 8th; three days' grace ran out on the 11th.
        monitor.send(c2.received("2026-01-05 10:00"), c2.acknowledged(1, "2026-01-07 10:00"));
        monitor.flushStats();
        assertThat(monitor.stat(ACK1, ALL, "day", "2026-01-07")).isNull();
        assertThat(monitor.stat(ACK1, ALL, "week", "2026-W02").getCount()).as("W02 ended 12 January + 3 days").isEqualTo(1);
        assertThat(monitor.stat(ACK1, ALL, "month", "2026-01").getCount()).as("January still open").isEqualTo(2);
    }

    /** One of the monitor's own topics (a repartition or changelog topic), read as bytes. */
    private TestOutputTopic<byte[], byte[]> internalTopic(String name) {
        return monitor.driver.createOutputTopic(monitor.config.applicationId() + "-" + name,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Test
    void shouldBatchSurveyFeedbackWithTheComplaintsFiguresChanges() {
        monitor = MonitorDriver.start(stateDir);
        TestOutputTopic<byte[], byte[]> changes = internalTopic(FiguresTopology.REPARTITION + "-repartition");
        for (int i = 0; i < 20; i++) {
            monitor.pipe(new ComplaintRecords("S-" + i).webform(WebFormType.SURVEY_FEEDBACK, "2026-02-02 10:00")
                    .setCategory("REPAIRS").build());
        }
        monitor.pipe(c1.received("2026-02-02 11:00"));
        assertThat(changes.readRecordsToList()).as("nothing sent before the outbox interval").isEmpty();

        monitor.sendFigures();

        // One partition here: the survey feedback's four groups and the complaint's go in one record.
        assertThat(changes.readRecordsToList()).hasSize(1);
        var month = WindowKind.MONTH.parse("2026-02");
        assertThat(monitor.counts("category=REPAIRS", month)).containsEntry("survey.feedback", 20L);
        assertThat(monitor.counts("landlordId=default", month)).containsEntry("survey.feedback", 20L)
                .containsEntry("stage1.received", 1L);
    }

    @Test
    void shouldSpreadTheOutboxOverValuesSoEachChangelogRecordStaysSmall() {
        monitor = MonitorDriver.start(stateDir);
        TestOutputTopic<byte[], byte[]> changes = internalTopic(FiguresTopology.REPARTITION + "-repartition");
        TestOutputTopic<byte[], byte[]> outbox = internalTopic(LifecycleTopology.FIGURES_OUTBOX_STORE + "-changelog");
        // A complaint received on each of 1,100 days: a step and a tally each that merge with no other.
        LocalDate day = LocalDate.of(2023, 1, 2);
        for (int i = 0; i < 1_100; i++) {
            monitor.pipe(new ComplaintRecords("E-" + i).received(day.plusDays(i) + " 10:00"));
        }

        assertThat(changes.readRecordsToList()).as("3,300 facts fill two values of 2,000, not all").isEmpty();
        List<TestRecord<byte[], byte[]>> written = outbox.readRecordsToList();
        assertThat(written.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct())
                .containsExactlyInAnyOrder("unsorted", "unsorted-1");
        int largest = written.stream().filter(r -> r.value() != null).mapToInt(r -> r.value().length).max()
                .orElse(0);
        assertThat(largest).as("the outbox's largest changelog value, in bytes").isBetween(1_000, 400_000);
        monitor.sendFigures();
        assertThat(monitor.counts(ALL, WindowKind.YEAR.windowOf(LocalDate.of(2024, 6, 1))))
                .containsEntry("stage1.received", 365L);

        // Sending it early, once every value is full, is lifecycle.TrackingOutboxTest's.

        // 2,100 complaints alike on one day: one step, put in 2,100 times, written once with its count
        // (an earlier version wrote it 2,100 times, and a million such made a 1.06 MB value).
        changes.readRecordsToList();
        outbox.readRecordsToList();
        for (int i = 0; i < 2_100; i++) {
            monitor.pipe(new ComplaintRecords("F-" + i).received("2026-02-02 10:00"));
        }
        largest = outbox.readRecordsToList().stream().filter(r -> r.value() != null)
                .mapToInt(r -> r.value().length).max().orElse(0);
        assertThat(largest).as("the outbox's largest changelog value, in bytes").isBetween(1, 1_000);
        monitor.sendFigures();
        assertThat(monitor.counts(ALL, WindowKind.MONTH.parse("2026-02"))).containsEntry("stage1.received", 2_100L);
    }

    @Test
    void shouldCountSurveyFeedbackApartWhenTheWebFormSendsIt() {
        monitor = MonitorDriver.start(stateDir);
        monitor.send(c1.webform(WebFormType.SURVEY_FEEDBACK, "2026-02-02 10:00").setCategory("REPAIRS").build(),
                c2.webform(WebFormType.SURVEY_FEEDBACK, "2026-02-03 10:00").build(),
                c3.received("2026-02-03 11:00"));
        monitor.flushStats();

        var month = WindowKind.MONTH.parse("2026-02");
        assertThat(monitor.counts("landlordId=default", month)).containsEntry("survey.feedback", 2L)
                .containsEntry("stage1.received", 1L);
        assertThat(monitor.counts("source=webform", month)).containsEntry("survey.feedback", 2L);
        assertThat(monitor.counts("category=REPAIRS", month)).containsEntry("survey.feedback", 1L);
        assertThat(monitor.counts("category=unknown", month)).containsEntry("survey.feedback", 1L);
        // Never a complaint (Code 1.6): nothing tracked for them.
        assertThat(monitor.counter("complaint.events.tracked", "source", "webform")).isZero();
    }

    /** count, within, mean, max, p50, p90, extensions. */
    private static Object[] figures(StageDurationStat s) {
        assertThat(s).as("stats record").isNotNull();
        return new Object[] {s.getCount(), s.getWithinTimescale(), s.getMeanWorkingDays(), s.getMaxWorkingDays(),
            s.getP50WorkingDays(), s.getP90WorkingDays(), s.getExtensions()};
    }

}
