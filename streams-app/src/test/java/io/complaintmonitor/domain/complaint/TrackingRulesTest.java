package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How events reach the rules: complaints never seen received, duplicates, late events, contractors. */
class TrackingRulesTest {

    @Test
    void tracking_shouldJudgeOnlyDeadlinesCountedFromEventsThatArrivedForANeverReceivedComplaint() {
        // Acknowledged Monday 22 December 2025 with no receipt seen: no acknowledgement deadline,
        // but the response is due 10 working days on, Thursday 8 January 2026.
        Scenario s = new Scenario();
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).definitionRecorded(true).build())
                .advanceTo("2026-01-09 00:00");

        assertThat(s.alerts).extracting(Alert::type)
                .containsExactly(AlertType.RESPONSE_DUE_SOON, AlertType.RESPONSE_OVERDUE);
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-01-08"));
        StageOutcome outcome = s.outcome(1);
        assertThat(outcome.received()).isFalse();
        assertThat(outcome.acknowledged()).isTrue();
        assertThat(outcome.acknowledgedWithinTimescale()).isFalse();
        assertThat(outcome.open()).isTrue();
    }

    @Test
    void tracking_shouldJudgeTheStage2ResponseFromAnAcknowledgementWithoutTheEscalationRequest() {
        // Stage 2 acknowledged Wednesday 4 February 2026: response due Wednesday 4 March.
        Scenario s = new Scenario();
        s.on(s.crm(EventType.ACKNOWLEDGED, "2026-02-04 10:00").stage(2).definitionRecorded(true).build())
                .advanceTo("2026-03-05 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-04"));
    }

    @Test
    void tracking_shouldHaveNothingToJudgeForAComplaintKnownOnlyByAnUpdate() {
        Scenario s = new Scenario().updated(1, "2026-02-04 10:00").advanceTo("2026-12-01 00:00");

        assertThat(s.alerts).isEmpty();
        assertThat(s.deadlines).isEmpty();
        assertThat(s.state.firstSeenAt()).isEqualTo(Instant.parse("2026-02-04T10:00:00Z"));
    }

    @Test
    void tracking_shouldStartNoStageForOmbudsmanEvents() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.OMBUDSMAN_REFERRED, "2026-03-02 10:00").build());

        assertThat(s.rules.outcomesOf(s.state)).isEmpty();
        assertThat(s.state.ombudsmanReferredAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void duplicates_shouldIgnoreARepeatedEventIdWithinItsSourceWhateverItsContent() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        ComplaintState before = s.state;
        ComplaintEvent repeat = s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1)
                .eventId("e1").build();
        assertThat(s.state.seenEventIds()).containsExactly("CRM:e1");

        Transition t = s.rules.apply(s.state, repeat);

        assertThat(t.duplicate()).isTrue();
        assertThat(t.state()).isEqualTo(before);
        assertThat(t.alerts()).isEmpty();
        assertThat(t.deadlines()).hasSize(4);
    }

    @Test
    void duplicates_shouldApplyTheSameIdFromAnotherSource() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        String crmId = s.state.seenEventIds().get(0).substring("CRM:".length());
        ComplaintEvent webform = s.event(Source.WEBFORM, EventType.ESCALATION_REQUESTED, "2026-01-20 10:00")
                .eventId(crmId).build();

        Transition t = s.rules.apply(s.state, webform);

        assertThat(t.duplicate()).isFalse();
        assertThat(t.state().stage2().triggeredAt()).isEqualTo(Instant.parse("2026-01-20T10:00:00Z"));
    }

    @Test
    void duplicates_shouldRememberABoundedNumberOfIds() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        for (int i = 0; i < ComplaintState.MAX_SEEN_EVENT_IDS + 10; i++) {
            s.state = s.rules.apply(s.state, s.crm(EventType.RESIDENT_UPDATED, "2025-12-22 11:00").stage(1).build())
                    .state();
        }

        assertThat(s.state.seenEventIds()).hasSize(ComplaintState.MAX_SEEN_EVENT_IDS);
        // Forgotten ids are harmless: the same facts again record nothing new.
        assertThat(s.state.stage1().contacts()).hasSize(1);
    }

    @Test
    void outOfOrder_shouldGiveTheSameAlertsWhenTheAcknowledgementArrivesBeforeTheReceipt() {
        Scenario inOrder = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2026-01-02 10:00");
        inOrder.advanceTo("2026-02-01 00:00");
        Scenario reversed = new Scenario().acknowledged(1, "2026-01-02 10:00");
        reversed.state = reversed.rules.apply(reversed.state, reversed.crm(EventType.RECEIVED, "2025-12-19 10:00")
                .category("REPAIRS").handlingTeam("housing-north").build()).state();
        reversed.advanceTo("2026-02-01 00:00");

        assertThat(reversed.alerts).containsExactlyElementsOf(inOrder.alerts);
        assertThat(inOrder.alerts).extracting(Alert::type).containsExactly(AlertType.ACKNOWLEDGEMENT_DUE_SOON,
                AlertType.ACKNOWLEDGEMENT_OVERDUE, AlertType.RESPONSE_DUE_SOON, AlertType.RESPONSE_OVERDUE);
    }

    @Test
    void outOfOrder_shouldNeverWithdrawAnAlertAlreadyRaised() {
        // Judged past the overdue instant before an earlier acknowledgement arrived: the alert stands,
        // and the acknowledgement still counts for everything after it.
        Scenario s = new Scenario().received("2025-12-19 10:00").advanceTo("2025-12-31 00:00");
        Transition late = s.rules.apply(s.state, s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00")
                .stage(1).definitionRecorded(true).build());

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).hasSize(1);
        assertThat(late.alerts()).isEmpty();
        assertThat(late.deadlines()).extracting(Deadline::dueDate).containsOnly(date("2026-01-08"));
    }

    @Test
    void alerts_shouldBeRaisedOnceHoweverOftenTimeAdvances() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .advanceTo("2025-12-31 00:00")
                .advanceTo("2025-12-31 00:00")
                .advanceTo("2025-12-30 00:00")
                .advanceTo("2026-01-20 00:00");

        assertThat(s.alerts).extracting(Alert::alertId).doesNotHaveDuplicates();
        assertThat(s.alerts).hasSize(4);
    }

    @Test
    void code5_4_shouldLabelAlertsWithTheContractorHandlingTheStage() {
        Scenario s = new Scenario();
        s.on(s.event(Source.CONTRACTOR, EventType.RECEIVED, "2025-12-19 10:00").contractorId("CON-7")
                .category("DAMP_AND_MOULD").build()).advanceTo("2025-12-31 00:00");

        assertThat(s.alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.contractorId()).isEqualTo("CON-7");
            assertThat(a.category()).isEqualTo("DAMP_AND_MOULD");
        });
        assertThat(s.outcome(1).contractorId()).isEqualTo("CON-7");
    }

    @Test
    void code5_4_shouldLabelEachStageWithItsOwnContractorAsKnownWhenTheAlertIsRaised() {
        // Stage 1 in house; stage 2 by CON-9 from its acknowledgement on Wednesday 4 February 2026,
        // then CON-12 from a resident update on Monday 16 February.
        Scenario s = new Scenario().received("2026-01-05 09:00")
                .advanceTo("2026-01-13 00:00")
                .acknowledged(1, "2026-01-13 09:00")
                .responded(1, "2026-01-20 12:00")
                .escalated("2026-02-02 10:00");
        s.on(s.event(Source.CONTRACTOR, EventType.ACKNOWLEDGED, "2026-02-04 10:00").stage(2).contractorId("CON-9")
                .definitionRecorded(true).build());
        s.advanceTo("2026-03-03 00:00");
        s.on(s.event(Source.CONTRACTOR, EventType.RESIDENT_UPDATED, "2026-03-03 10:00").stage(2)
                .contractorId("CON-12").build());
        s.advanceTo("2026-03-05 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 1)).singleElement()
                .extracting(Alert::contractorId).isNull();
        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON, 2)).singleElement()
                .extracting(Alert::contractorId).isEqualTo("CON-9");
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE, 2)).singleElement()
                .extracting(Alert::contractorId).isEqualTo("CON-12");
    }

    @Test
    void code1_6_shouldNeverTrackSurveyFeedback() {
        assertThat(EventType.forWebForm("SURVEY_FEEDBACK")).isEmpty();
        assertThat(EventType.forWebForm("COMPLAINT")).contains(EventType.RECEIVED);
        assertThat(EventType.forWebForm("ESCALATION")).contains(EventType.ESCALATION_REQUESTED);
    }

    @Test
    void apply_shouldRefuseAnEventThatBreaksTheContractOrBelongsToAnotherComplaint() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        ComplaintEvent noStage = s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").build();
        ComplaintEvent other = s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).complaintRef("CMP-2").build();

        assertThatThrownBy(() -> s.rules.apply(s.state, noStage))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STAGE_REQUIRED");
        assertThatThrownBy(() -> s.rules.apply(s.state, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CMP-2");
    }

    @Test
    void calendar_shouldRefuseToGuessDueDatesInAYearItDoesNotCover() {
        // Received Monday 20 December 2027: the response fallback date falls in 2028.
        Scenario s = new Scenario();
        ComplaintEvent lateIn2027 = s.crm(EventType.RECEIVED, "2027-12-20 10:00").build();

        // Refused at the contract check, so the adapter dead-letters it with the fix in the reason.
        assertThat(s.rules.violations(lateIn2027)).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ContractViolation.Reason.OUTSIDE_CALENDAR);
            assertThat(v.message()).contains("run into 2028").contains("--calendar");
        });
        assertThatThrownBy(() -> s.rules.apply(null, lateIn2027))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OUTSIDE_CALENDAR");
        assertThat(s.rules.violations(s.crm(EventType.RECEIVED, "2027-10-01 10:00").build())).isEmpty();
    }

    @Test
    void alertId_shouldBeDeterministicAndDistinguishEveryPart() {
        String id = Alert.idOf("L", "R", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30"));

        assertThat(Alert.idOf("L", "R", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30"))).isEqualTo(id);
        assertThat(id).hasSize(36);
        assertThat(java.util.List.of(
                Alert.idOf("L2", "R", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30")),
                Alert.idOf("L", "R2", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30")),
                Alert.idOf("L", "R", 2, AlertType.RESPONSE_OVERDUE, date("2025-12-30")),
                Alert.idOf("L", "R", 1, AlertType.RESPONSE_DUE_SOON, date("2025-12-30")),
                Alert.idOf("L", "R", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-31"))))
                .doesNotContain(id).doesNotHaveDuplicates();
        // Separators inside references cannot make two complaints share ids.
        assertThat(Alert.idOf("a|b", "c", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30")))
                .isNotEqualTo(Alert.idOf("a", "b|c", 1, AlertType.RESPONSE_OVERDUE, date("2025-12-30")));
    }
}
