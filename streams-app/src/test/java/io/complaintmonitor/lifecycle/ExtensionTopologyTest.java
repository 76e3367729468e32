package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions (Code 6.4 at stage 1, 6.15 at stage 2) and keeping the resident informed (Code 5.9)
 * through the whole topology. Stage 1 here: received Monday 2 February 2026, acknowledged Tuesday
 * 3 February, so the response is due Tuesday 17 February and an extension may go to Tuesday 3 March.
 */
class ExtensionTopologyTest {

    @TempDir
    Path stateDir;

    private MonitorDriver monitor;
    private final ComplaintRecords c1 = new ComplaintRecords("C-1");

    @BeforeEach
    void start() {
        monitor = MonitorDriver.start(stateDir);
        monitor.send(c1.received("2026-02-02 09:00"), c1.acknowledged(1, "2026-02-03 10:00"));
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    @Test
    void code6_4_shouldFollowTheNewDueDateToldToTheResident() {
        // Extended on Thursday 12 February to Tuesday 3 March: nothing for 17 February; due soon
        // at 00:00 Friday 27 February, overdue at 00:00 Wednesday 4 March.
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03"));

        assertThat(monitor.tick("2026-02-26T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-03-04T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-03-03", "2026-02-27T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-03-03", "2026-03-04T00:00:00Z"));
    }

    @Test
    void code6_4_shouldRaiseExtensionExceedsLimitAtOnceWhenTheNewDateIsMoreThanTenWorkingDaysOn() {
        // To Wednesday 4 March, one working day beyond the limit: raised when the extension is
        // recorded, no tick needed; the alerts then still follow 4 March.
        List<BreachAlert> atOnce = monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-04")).readAlerts();

        assertTimeline(atOnce).containsExactly(
                alert(1, AlertKind.EXTENSION_EXCEEDS_LIMIT, "2026-03-04", "2026-02-12T10:00:00Z"));
        assertThat(atOnce.get(0).getHandlingTeam()).isEqualTo("housing-north");
        assertTimeline(monitor.tick("2026-03-05T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-03-04", "2026-03-02T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-03-04", "2026-03-05T00:00:00Z"));
    }

    @Test
    void code6_4_shouldMeasureASecondExtensionFromTheDueDateBeforeAnyExtension() {
        // First to Friday 27 February (fine), then on Wednesday 25 February to Wednesday 4 March:
        // only 3 working days after the first, but 11 after 17 February.
        assertThat(monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-02-27")).readAlerts()).isEmpty();
        assertTimeline(monitor.send(c1.extended(1, "2026-02-25 10:00", "2026-03-04")).readAlerts()).containsExactly(
                alert(1, AlertKind.EXTENSION_EXCEEDS_LIMIT, "2026-03-04", "2026-02-25T10:00:00Z"));
    }

    @Test
    void code6_4_shouldNotMoveTheDueDateForAnExtensionAgreedAfterItPassed() {
        // 17 February passed; agreed on Wednesday 18 February to Friday 27 February: too late.
        assertTimeline(monitor.tick("2026-02-18T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-02-17", "2026-02-13T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-02-17", "2026-02-18T00:00:00Z"));
        monitor.send(c1.extended(1, "2026-02-18 10:00", "2026-02-27"));

        assertThat(monitor.tick("2026-03-02T00:00:00Z").readAlerts()).isEmpty();
    }

    @Test
    void code6_4_shouldStillJudgeTheLimitAndTheIntervalOfAnExtensionAgreedTooLate() {
        // Agreed on Wednesday 18 February to Friday 6 March (beyond 3 March) with k = 2: the due
        // date stays 17 February, but the resident was told 6 March and to expect updates.
        assertTimeline(monitor.send(c1.extended(1, "2026-02-18 10:00", "2026-03-06", 2)).readAlerts()).containsExactly(
                alert(1, AlertKind.EXTENSION_EXCEEDS_LIMIT, "2026-03-06", "2026-02-18T10:00:00Z"));

        assertTimeline(monitor.tick("2026-02-21T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-02-17", "2026-02-13T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-02-17", "2026-02-18T00:00:00Z"),
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-20", "2026-02-21T00:00:00Z"));
    }

    @Test
    void code6_4_shouldKeepAlertsAlreadyRaisedForADueDateAnExtensionReplaced() {
        // Due soon for 17 February at 00:00 Friday 13 February; extended on Monday 16 February to 3 March.
        List<BreachAlert> before = monitor.tick("2026-02-13T00:00:00Z").readAlerts();
        monitor.send(c1.extended(1, "2026-02-16 10:00", "2026-03-03"));
        List<BreachAlert> after = monitor.tick("2026-03-04T00:00:00Z").readAlerts();

        assertTimeline(before).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-02-17", "2026-02-13T00:00:00Z"));
        assertTimeline(after).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-03-03", "2026-02-27T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-03-03", "2026-03-04T00:00:00Z"));
        assertThat(after).extracting(BreachAlert::getAlertId).doesNotContain(before.get(0).getAlertId());
    }

    @Test
    void code6_4_shouldRaiseNoDueSoonWhoseMomentCameBeforeTheExtensionThatSetTheDate() {
        // Extended to Friday 27 February, then on Thursday 26 February at 10:00 to Monday 2 March,
        // whose due-soon moment was 00:00 that Thursday.
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-02-27"), c1.extended(1, "2026-02-26 10:00", "2026-03-02"));

        assertTimeline(monitor.tick("2026-03-03T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-02-27", "2026-02-25T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-03-02", "2026-03-03T00:00:00Z"));
    }

    @Test
    void code6_4_shouldRaiseNoDueSoonWhenTheNewDueDateIsASaturday() {
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-02-28"));

        assertTimeline(monitor.tick("2026-03-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-02-28", "2026-03-01T00:00:00Z"));
    }

    @Test
    void code6_4_shouldMeasureTheLimitFromTheFallbackDateWhenExtendedBeforeAnyAcknowledgement() {
        // Received Monday 2 February 2026, not acknowledged: response due Monday 23 February, so an
        // extension may go to Monday 9 March but not Tuesday 10 March.
        ComplaintRecords within = new ComplaintRecords("C-WITHIN");
        ComplaintRecords beyond = new ComplaintRecords("C-BEYOND");
        monitor.send(within.received("2026-02-02 09:00"), within.extended(1, "2026-02-05 10:00", "2026-03-09"),
                beyond.received("2026-02-02 09:00"), beyond.extended(1, "2026-02-05 10:00", "2026-03-10"));

        assertThat(monitor.readAlerts()).extracting(BreachAlert::getComplaintRef, BreachAlert::getKind)
                .containsExactly(tuple("C-BEYOND", AlertKind.EXTENSION_EXCEEDS_LIMIT));
    }

    @Test
    void code6_15_shouldAllowTwentyWorkingDaysAtStage2AndFollowTheNewDateIntoSummerTime() {
        // Stage 2 acknowledged Wednesday 4 February 2026: due Wednesday 4 March; an extension may go
        // to Wednesday 1 April (BST), and one to Thursday 2 April exceeds the limit.
        ComplaintRecords beyond = new ComplaintRecords("C-BEYOND");
        for (ComplaintRecords c : List.of(c1, beyond)) {
            monitor.send(c.responded(1, "2026-02-10 12:00"), c.escalated("2026-02-02 10:00"),
                    c.acknowledged(2, "2026-02-04 10:00"));
        }
        monitor.send(c1.extended(2, "2026-02-20 10:00", "2026-04-01"));
        assertThat(monitor.readAlerts()).isEmpty();
        assertTimeline(monitor.send(beyond.extended(2, "2026-02-20 10:00", "2026-04-02")).readAlerts())
                .containsExactly(alert(2, AlertKind.EXTENSION_EXCEEDS_LIMIT, "2026-04-02", "2026-02-20T10:00:00Z"));

        List<BreachAlert> raised = monitor.tick("2026-04-01T23:00:00Z").readAlerts();
        assertTimeline(raised.stream().filter(a -> a.getComplaintRef().equals("C-1")).toList()).containsExactly(
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-04-01", "2026-03-29T23:00:00Z"),
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-04-01", "2026-04-01T23:00:00Z"));
    }

    @Test
    void code5_9_shouldRaiseResidentUpdateOverdueForEachMissedInterval() {
        // Extended on Thursday 12 February with k = 3: contact due by Tuesday 17 February, then
        // (each window counting on from the last day of the one missed) Friday 20 and Wednesday 25.
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03", 3));

        assertThat(monitor.tick("2026-02-17T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-02-18T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-17", "2026-02-18T00:00:00Z"));
        assertTimeline(monitor.tick("2026-02-26T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-20", "2026-02-21T00:00:00Z"),
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-25", "2026-02-26T00:00:00Z"));
    }

    @Test
    void code5_9_shouldRestartTheIntervalFromAnUpdate() {
        // An update on Tuesday 17 February (the last allowed day): next due Friday 20 February.
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03", 3), c1.updated(1, "2026-02-17 16:00"));

        assertTimeline(monitor.tick("2026-02-21T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-20", "2026-02-21T00:00:00Z"));
    }

    @Test
    void code5_9_shouldTakeASecondExtensionAsContactAndItsIntervalAsTheNewOne() {
        // Extended again on Monday 16 February with k = 5: next contact due by Monday 23 February.
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03", 3),
                c1.extended(1, "2026-02-16 10:00", "2026-03-03", 5));

        assertTimeline(monitor.tick("2026-02-24T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-23", "2026-02-24T00:00:00Z"));
    }

    @Test
    void code5_9_shouldNotCountAnUpdateAboutStage2AsContactForStage1() {
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03", 3), c1.updated(2, "2026-02-16 10:00"));

        assertTimeline(monitor.tick("2026-02-18T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESIDENT_UPDATE_OVERDUE, "2026-02-17", "2026-02-18T00:00:00Z"));
    }

    @Test
    void code5_9_shouldEndTheObligationWithTheResponse() {
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03", 3), c1.updated(1, "2026-02-17 16:00"),
                c1.responded(1, "2026-02-20 11:00"));

        assertThat(monitor.tick("2026-04-01T00:00:00Z").readAlerts()).isEmpty();
    }

    @Test
    void code5_9_shouldAskForNoUpdatesWhenNoIntervalWasAgreed() {
        monitor.send(c1.extended(1, "2026-02-12 10:00", "2026-03-03"));

        assertThat(monitor.tick("2026-03-02T00:00:00Z").readAlerts()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.RESPONSE_DUE_SOON);
    }
}
