package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.WebFormType;
import org.junit.jupiter.api.Test;

/**
 * Stage 2 through the whole topology: Code 6.11 (acknowledged within 5 working days of the
 * escalation request) and 6.14 (answered within 20 working days of the stage 2 acknowledgement).
 * Stage 1 of these complaints is acknowledged and answered in time, so every alert is stage 2's.
 */
class StageTwoTopologyTest extends MonitorDriverTest {

    /** Received Monday 5 January 2026, acknowledged the next day, answered Friday 9 January: no stage 1 alert. */
    private void stage1AnsweredInTime(ComplaintRecords c) {
        monitor.send(c.received("2026-01-05 09:00"), c.acknowledged(1, "2026-01-06 09:00"),
                c.responded(1, "2026-01-09 12:00"));
    }

    @Test
    void code6_11_shouldRaiseStage2AcknowledgementAlertsFiveWorkingDaysAfterACrmEscalationRequest() {
        // Requested Monday 2 February 2026: due Monday 9 February, due soon Thursday 5 February.
        stage1AnsweredInTime(c1);
        monitor.send(c1.escalated("2026-02-02 10:00"));

        assertThat(monitor.tick("2026-02-04T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-02-05T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-02-09", "2026-02-05T00:00:00Z"));
        assertThat(monitor.tick("2026-02-09T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-02-10T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2026-02-09", "2026-02-10T00:00:00Z"));
    }

    @Test
    void code6_11_shouldTreatAWebFormEscalationAsTheStage2Request() {
        stage1AnsweredInTime(c1);
        monitor.send(c1.webform(WebFormType.ESCALATION, "2026-02-02 10:00").build());

        assertTimeline(monitor.tick("2026-02-10T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-02-09", "2026-02-05T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2026-02-09", "2026-02-10T00:00:00Z"));
    }

    @Test
    void code6_11_shouldCountFromTheEarliestEscalationRequestEvenWhenItArrivesLater() {
        // Web form on Thursday 5 February; the CRM's record of a phone request on Monday 2 February
        // arrives after it. From the Thursday it would be due Thursday 12 February.
        stage1AnsweredInTime(c1);
        monitor.send(c1.webform(WebFormType.ESCALATION, "2026-02-05 10:00").build(), c1.escalated("2026-02-02 10:00"));

        assertTimeline(monitor.tick("2026-02-13T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-02-09", "2026-02-05T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2026-02-09", "2026-02-10T00:00:00Z"));
    }

    @Test
    void code6_11_shouldKeepStage1ClocksRunningWhenAnUnansweredComplaintIsEscalated() {
        // Received Friday 19 December 2025, escalated Monday 22 December before any acknowledgement:
        // stage 1 still due Tuesday 30 December; stage 2 due Wednesday 31 December.
        monitor.send(c1.received("2025-12-19 10:15"), c1.escalated("2025-12-22 10:00"));

        assertTimeline(monitor.tick("2026-01-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-31", "2025-12-29T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-31", "2026-01-01T00:00:00Z"));
    }

    @Test
    void code6_14_shouldRaiseStage2ResponseOverdueTwentyWorkingDaysAfterTheStage2Acknowledgement() {
        // Acknowledged Wednesday 4 February 2026: due Wednesday 4 March, due soon Monday 2 March.
        stage1AnsweredInTime(c1);
        monitor.send(c1.escalated("2026-02-02 10:00"), c1.acknowledged(2, "2026-02-04 10:00"));

        assertThat(monitor.tick("2026-03-01T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-03-02T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-03-04", "2026-03-02T00:00:00Z"));
        assertThat(monitor.tick("2026-03-04T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-03-05T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-03-04", "2026-03-05T00:00:00Z"));
    }

    @Test
    void code6_14_shouldSkipEaster2026AndRaiseAtLondonMidnightAfterTheClocksGoForward() {
        // Requested Wednesday 25 March 2026 (GMT): acknowledgement due Wednesday 1 April, due soon
        // at 00:00 BST Monday 30 March (clocks went forward on the 29th). Acknowledged 1 April:
        // Good Friday 3 and Easter Monday 6 April skipped, the response is due Friday 1 May, due soon
        // Wednesday 29 April, overdue at 00:00 BST Saturday 2 May.
        monitor.send(c1.received("2026-02-02 09:00"), c1.acknowledged(1, "2026-02-03 09:00"),
                c1.responded(1, "2026-02-10 12:00"));
        monitor.send(c1.escalated("2026-03-25 10:00"), c1.acknowledged(2, "2026-04-01 10:00"));

        assertTimeline(monitor.tick("2026-05-01T22:59:59.999Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-04-01", "2026-03-29T23:00:00Z"),
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-05-01", "2026-04-28T23:00:00Z"));
        assertTimeline(monitor.tick("2026-05-01T23:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-05-01", "2026-05-01T23:00:00Z"));
    }

    @Test
    void code6_14_shouldCountTheStage2ResponseFromTheAcknowledgementDueDateWhileThereIsNoAcknowledgement() {
        // Stage 2 acknowledgement due Monday 9 February 2026; 20 working days on is Monday 9 March.
        stage1AnsweredInTime(c1);
        monitor.send(c1.escalated("2026-02-02 10:00"));

        assertTimeline(monitor.tick("2026-03-10T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-02-09", "2026-02-05T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2026-02-09", "2026-02-10T00:00:00Z"),
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-03-09", "2026-03-05T00:00:00Z"),
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-03-09", "2026-03-10T00:00:00Z"));
    }

    @Test
    void code6_14_shouldRaiseNothingMoreOnceStage2IsAnswered() {
        stage1AnsweredInTime(c1);
        monitor.send(c1.escalated("2026-02-02 10:00"), c1.acknowledged(2, "2026-02-04 10:00"),
                c1.responded(2, "2026-02-27 15:00"));

        assertThat(monitor.tick("2026-12-01T00:00:00Z").readAlerts()).isEmpty();
    }
}
