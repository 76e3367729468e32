package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static io.complaintmonitor.domain.complaint.Scenario.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.LondonTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Code 6.2: a stage 1 complaint is acknowledged, defined and logged within 5 working days of receipt. */
class AcknowledgementRulesTest {

    @Test
    void code6_2_shouldRaiseAcknowledgementOverdueWhenFifthWorkingDayEndsWithoutAcknowledgement() {
        // The worked example: Friday 19 December 2025 + 5 working days, skipping
        // Christmas Day and Boxing Day, is Tuesday 30 December 2025.
        Scenario s = new Scenario().received("2025-12-19 10:00");

        s.advanceTo(Instant.parse("2025-12-30T23:59:59Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();

        s.advanceTo(Instant.parse("2025-12-31T00:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(1);
            assertThat(a.dueDate()).isEqualTo(date("2025-12-30"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
            assertThat(a.category()).isEqualTo("REPAIRS");
            assertThat(a.handlingTeam()).isEqualTo("housing-north");
            assertThat(a.alertId()).isEqualTo(Alert.idOf(Scenario.LANDLORD, Scenario.REF, 1,
                    AlertType.ACKNOWLEDGEMENT_OVERDUE, date("2025-12-30")));
        });
    }

    @Test
    void code6_2_shouldRaiseAcknowledgementDueSoonAtMidnightOnTheWorkingDayTwoWorkingDaysBeforeTheDueDate() {
        // Two working days before Tuesday 30 December is Wednesday 24 December (25, 26 are holidays).
        Scenario s = new Scenario().received("2025-12-19 10:00").advanceTo("2025-12-23 23:59");
        assertThat(s.alerts).isEmpty();

        s.advanceTo("2025-12-24 00:00");
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2025-12-30"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2025-12-24T00:00:00Z"));
        });
    }

    @Test
    void code6_2_shouldRaiseNothingWhenAcknowledgedOnTheLastAllowedDay() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-30 23:59")
                .advanceTo("2026-01-31 00:00");

        assertThat(s.alerts).extracting(Alert::type).containsOnly(AlertType.ACKNOWLEDGEMENT_DUE_SOON,
                AlertType.RESPONSE_DUE_SOON, AlertType.RESPONSE_OVERDUE);
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();
        assertThat(s.outcome(1).acknowledgedWithinTimescale()).isTrue();
    }

    @Test
    void code6_2_shouldRaiseNoDueSoonWhenAcknowledgedBeforeTheDueSoonInstant() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-23 16:00")
                .advanceTo("2025-12-31 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).isEmpty();
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();
    }

    @Test
    void code6_2_shouldStillRaiseOverdueWhenTheAcknowledgementArrivesExactlyAtTheOverdueInstant() {
        // An event at exactly an alert's raisedAt does not prevent it.
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-31 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(london("2025-12-31 00:00"));
        assertThat(s.outcome(1).acknowledgedWithinTimescale()).isFalse();
    }

    @Test
    void code6_2_shouldStillRaiseOverdueWhenTheAcknowledgementAtTheOverdueInstantIsAppliedBeforeTimeAdvances() {
        // apply does not advance time itself, and need not: the same alert whichever comes first.
        Scenario s = new Scenario().received("2025-12-19 10:00");
        Transition applied = s.rules.apply(s.state, s.crm(EventType.ACKNOWLEDGED, "2025-12-31 00:00")
                .stage(1).definitionRecorded(true).build());
        Transition advanced = s.rules.advanceTo(applied.state(), london("2025-12-31 00:00"));

        assertThat(advanced.alerts()).extracting(Alert::type)
                .containsExactly(AlertType.ACKNOWLEDGEMENT_DUE_SOON, AlertType.ACKNOWLEDGEMENT_OVERDUE);
    }

    @ParameterizedTest(name = "received {0} -> acknowledgement due {1}")
    @CsvSource({
        // Weekend receipt counts from the weekend day: same due date as the Friday before.
        "2025-12-20 09:00, 2025-12-30",
        "2025-12-21 18:00, 2025-12-30",
        "2025-12-22 09:00, 2025-12-31",
        // Easter 2025: Good Friday 18 and Easter Monday 21 April are not working days.
        "2025-04-17 12:00, 2025-04-28",
        // Clocks go forward Sunday 30 March 2025: received in GMT, due in BST.
        "2025-03-25 12:00, 2025-04-01",
        // Clocks go back Sunday 26 October 2025: received in BST, due in GMT.
        "2025-10-20 10:00, 2025-10-27",
    })
    void code6_2_shouldCountFiveWorkingDaysFromTheLondonDateOfReceipt(String receivedAt, String due) {
        Scenario s = new Scenario().received(receivedAt).advanceTo(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date(due));
            assertThat(a.raisedAt()).isEqualTo(LondonTime.startOf(date(due).plusDays(1)));
        });
    }

    @Test
    void code6_2_shouldRaiseOverdueAtLondonMidnightInBritishSummerTime() {
        // Due Monday 28 April 2025 (Easter): overdue at 00:00 BST Tuesday 29 April = 23:00 UTC on the 28th;
        // due soon at 00:00 BST Thursday 24 April.
        Scenario s = new Scenario().received("2025-04-17 12:00").advanceTo(Instant.parse("2025-04-28T22:59:59Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(Instant.parse("2025-04-23T23:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();

        s.advanceTo(Instant.parse("2025-04-28T23:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-04-28"));
    }

    @Test
    void code6_2_shouldDateAnEventAt2330UtcInSummerByTheNextLondonDay() {
        // 23:30 UTC on Thursday 12 June 2025 is 00:30 BST on Friday 13 June: received Friday, so
        // due Friday 20 June (counted from Thursday it would be Thursday 19 June).
        Scenario s = new Scenario();
        s.on(s.crm(EventType.RECEIVED, "2025-06-13 00:30").build());
        assertThat(s.state.stage1().triggeredAt()).isEqualTo(Instant.parse("2025-06-12T23:30:00Z"));

        s.advanceTo(Instant.parse("2025-06-20T22:59:59Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).isEmpty();
        s.advanceTo(Instant.parse("2025-06-20T23:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-06-20"));
    }

    @Test
    void code6_2_shouldRaiseDueSoonInBstAndOverdueInGmtAcrossTheAutumnClockChange() {
        // Received Monday 20 October 2025 (BST), due Monday 27 October (GMT, clocks went back on the 26th).
        Scenario s = new Scenario().received("2025-10-20 10:00").advanceTo("2025-10-28 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(Instant.parse("2025-10-22T23:00:00Z"));
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(Instant.parse("2025-10-28T00:00:00Z"));
    }

    @Test
    void code6_2_shouldCountFromTheEarliestOfTwoReceipts() {
        // Web form on Friday 19 December, CRM on Monday 22 December: due 30 December, not 31.
        Scenario s = new Scenario();
        s.on(s.event(Source.WEBFORM, EventType.RECEIVED, "2025-12-19 21:00").build())
                .received("2025-12-22 09:00")
                .advanceTo("2026-01-01 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-12-30"));
    }

    @Test
    void code6_2_shouldCountFromTheEarliestReceiptEvenWhenItArrivesSecond() {
        Scenario s = new Scenario().received("2025-12-22 09:00");
        s.on(s.event(Source.WEBFORM, EventType.RECEIVED, "2025-12-19 21:00").build())
                .advanceTo("2026-01-01 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-12-30"));
    }

    @Test
    void code6_2_shouldRaiseDueSoonAtTheStartOfTheDueDateWhenConfiguredWithZeroDays() {
        Scenario s = new Scenario(0).received("2025-12-19 10:00").advanceTo("2025-12-30 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).singleElement()
                .extracting(Alert::raisedAt).isEqualTo(Instant.parse("2025-12-30T00:00:00Z"));
    }

    @Test
    void code6_2_shouldReadAReceiptAsStage1WhateverStageItStates() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.RECEIVED, "2025-12-19 10:00").stage(2).build());

        assertThat(s.state.stage1().triggeredAt()).isEqualTo(london("2025-12-19 10:00"));
        assertThat(s.state.stage2().started()).isFalse();
    }

    @Test
    void code6_2_shouldRaiseNoDueSoonWhenItsInstantLiesBeforeTheReceipt() {
        // With N = 5 the due-soon working day is the receipt date itself, whose midnight precedes the receipt.
        Scenario s = new Scenario(5).received("2025-12-19 10:00").advanceTo("2025-12-31 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_DUE_SOON)).isEmpty();
        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).hasSize(1);
    }
}
