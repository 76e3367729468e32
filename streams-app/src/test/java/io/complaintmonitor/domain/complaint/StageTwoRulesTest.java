package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Code 6.11 and 6.14: stage 2 acknowledged within 5 working days of the request, answered within 20 of the acknowledgement. */
class StageTwoRulesTest {

    @Test
    void code6_11_shouldRaiseStage2AcknowledgementOverdueFiveWorkingDaysAfterTheEscalationRequest() {
        // Requested Monday 2 February 2026: due Monday 9 February, overdue at 00:00 Tuesday 10 February.
        Scenario s = new Scenario().received("2026-01-05 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00")
                .advanceTo(Instant.parse("2026-02-09T23:59:59Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).isEmpty();
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON, 2)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(Instant.parse("2026-02-05T00:00:00Z"));

        s.advanceTo(Instant.parse("2026-02-10T00:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-02-09"));
    }

    @Test
    void code6_11_shouldTreatAWebFormEscalationAsTheStage2Request() {
        Scenario s = new Scenario().received("2026-01-05 09:00").responded(1, "2026-01-09 12:00");
        s.on(s.event(Source.WEBFORM, EventType.ESCALATION_REQUESTED, "2026-02-02 10:00").build())
                .advanceTo("2026-02-10 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-02-09"));
    }

    @Test
    void code6_11_shouldCountFromTheEarliestOfTwoEscalationRequestsWhicheverArrivesFirst() {
        Scenario s = new Scenario().received("2026-01-05 09:00").responded(1, "2026-01-09 12:00");
        s.on(s.event(Source.WEBFORM, EventType.ESCALATION_REQUESTED, "2026-02-05 10:00").build());
        // The CRM's record of the earlier phone request arrives later.
        s.state = s.rules.apply(s.state, s.crm(EventType.ESCALATION_REQUESTED, "2026-02-02 10:00").build()).state();
        s.advanceTo("2026-02-13 00:00");

        // From Thursday 5 February it would be Thursday 12 February.
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-02-09"));
    }

    @Test
    void code6_14_shouldRaiseStage2ResponseOverdueTwentyWorkingDaysAfterTheStage2Acknowledgement() {
        // Acknowledged Wednesday 4 February 2026: 20 working days on is Wednesday 4 March.
        Scenario s = new Scenario().received("2026-01-05 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00")
                .acknowledged(2, "2026-02-04 10:00")
                .advanceTo(Instant.parse("2026-03-04T23:59:59Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).isEmpty();

        s.advanceTo(Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-04"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).isEmpty();
    }

    @Test
    void code6_14_shouldSkipEasterAndChangeToBstWhenCountingTwentyWorkingDays() {
        // Requested Wednesday 25 March 2026 (GMT); acknowledged Wednesday 1 April (BST). Good Friday
        // 3 April and Easter Monday 6 April are not counted: due Friday 1 May, overdue at 00:00 BST
        // Saturday 2 May = 23:00 UTC on 1 May.
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .responded(1, "2026-02-10 12:00")
                .escalated("2026-03-25 10:00")
                .acknowledged(2, "2026-04-01 10:00")
                .advanceTo(Instant.parse("2026-05-01T22:59:59Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).isEmpty();

        s.advanceTo(Instant.parse("2026-05-01T23:00:00Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-05-01"));
    }

    @Test
    void code6_14_shouldCountTheStage2ResponseFromTheAcknowledgementDueDateWhileThereIsNoAcknowledgement() {
        // Stage 2 acknowledgement due Monday 9 February 2026; 20 working days on is Monday 9 March.
        Scenario s = new Scenario().received("2026-01-05 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00")
                .advanceTo("2026-03-10 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-09"));
    }

    @Test
    void code6_11_shouldKeepStage1ClocksRunningWhenTheResidentEscalatesAnUnansweredComplaint() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .escalated("2025-12-22 10:00")
                .advanceTo("2025-12-31 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 1)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-12-30"));
        // Stage 2 acknowledgement: Monday 22 December + 5 working days = Wednesday 31 December.
        assertThat(s.deadlines).contains(new Deadline(Instant.parse("2026-01-01T00:00:00Z"),
                AlertType.ACKNOWLEDGEMENT_OVERDUE, 2, date("2025-12-31")));
    }
}
