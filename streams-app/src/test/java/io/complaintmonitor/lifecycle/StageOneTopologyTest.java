package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stage 1 through the whole topology: Code 6.2 (acknowledged within 5 working days of receipt)
 * and 6.3 (answered within 10 working days of the acknowledgement), across weekends, Christmas,
 * Easter and both clock changes. Each moment is checked just before it and at it.
 */
class StageOneTopologyTest extends MonitorDriverTest {

    @Test
    void code6_2_shouldRaiseAcknowledgementDueSoonAndOverdueForTheChristmas2025WorkedExample() {
        // Received Friday 19 December 2025: 5 working days, skipping Christmas Day, Boxing Day and
        // the weekend, is Tuesday 30 December; due soon 2 working days before, Wednesday 24 December.
        monitor.send(c1.received("2025-12-19 10:15"));

        assertThat(monitor.tick("2025-12-23T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2025-12-24T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
        assertThat(monitor.tick("2025-12-30T23:59:59.999Z").readAlerts()).isEmpty();
        List<BreachAlert> overdue = monitor.tick("2025-12-31T00:00:00Z").readAlerts();

        assertTimeline(overdue).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        assertThat(overdue.get(0)).satisfies(a -> {
            assertThat(a.getComplaintRef()).isEqualTo("C-1");
            assertThat(a.getLandlordId()).isEqualTo("default");
            assertThat(a.getCategory()).isEqualTo("REPAIRS");
            assertThat(a.getHandlingTeam()).isEqualTo("housing-north");
            assertThat(a.getContractorId()).isNull();
            assertThat(a.getAlertId()).isEqualTo(Alert.idOf("default", "C-1", 1, AlertType.ACKNOWLEDGEMENT_OVERDUE,
                    LocalDate.of(2025, 12, 30)));
        });
    }

    @Test
    void code6_2_shouldGiveAWeekendReceiptTheDueDateOfAReceiptTheFridayBefore() {
        ComplaintRecords friday = new ComplaintRecords("C-FRI");
        ComplaintRecords saturday = new ComplaintRecords("C-SAT");
        ComplaintRecords sunday = new ComplaintRecords("C-SUN");
        ComplaintRecords monday = new ComplaintRecords("C-MON");
        monitor.send(friday.received("2025-12-19 16:59"), saturday.received("2025-12-20 09:00"),
                sunday.received("2025-12-21 18:00"), monday.received("2025-12-22 09:00"));

        List<BreachAlert> raised = monitor.tick("2026-01-01T00:00:00Z").readAlerts();

        assertThat(raised).filteredOn(a -> a.getKind() == AlertKind.ACKNOWLEDGEMENT_OVERDUE)
                .extracting(BreachAlert::getComplaintRef, BreachAlert::getDueDate, BreachAlert::getRaisedAt)
                .containsExactlyInAnyOrder(
                        tuple("C-FRI", LocalDate.of(2025, 12, 30), Instant.parse("2025-12-31T00:00:00Z")),
                        tuple("C-SAT", LocalDate.of(2025, 12, 30), Instant.parse("2025-12-31T00:00:00Z")),
                        tuple("C-SUN", LocalDate.of(2025, 12, 30), Instant.parse("2025-12-31T00:00:00Z")),
                        tuple("C-MON", LocalDate.of(2025, 12, 31), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void code6_2_shouldRaiseNoOverdueWhenAcknowledgedInTheLastMinuteOfTheDueDate() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-30 23:59"));

        assertTimeline(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
    }

    @Test
    void code6_2_shouldRaiseOverdueWhenTheAcknowledgementHappensExactlyAtTheOverdueMoment() {
        // An event at exactly an alert's raisedAt does not prevent it, whichever reaches the monitor first.
        ComplaintRecords c2 = new ComplaintRecords("C-2");
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-31 00:00"));
        monitor.send(c2.received("2025-12-19 10:15"));
        monitor.tick("2025-12-31T00:00:00Z");
        monitor.send(c2.acknowledged(1, "2025-12-31 00:00"));

        assertThat(monitor.readAlerts()).filteredOn(a -> a.getKind() == AlertKind.ACKNOWLEDGEMENT_OVERDUE)
                .extracting(BreachAlert::getComplaintRef, BreachAlert::getRaisedAt)
                .containsExactlyInAnyOrder(tuple("C-1", Instant.parse("2025-12-31T00:00:00Z")),
                        tuple("C-2", Instant.parse("2025-12-31T00:00:00Z")));
    }

    @Test
    void code6_2_shouldCountFromTheEarliestReceiptWhicheverSourceSentItAndWhicheverArrivesFirst() {
        // CRM on Monday 22 December arrives first; the web form of Friday 19 December 21:00 after it.
        // From the Monday the acknowledgement would be due Wednesday 31 December.
        monitor.send(c1.received("2025-12-22 09:00"),
                c1.webform(WebFormType.COMPLAINT, "2025-12-19 21:00").setCategory("DAMP_AND_MOULD").build());

        List<BreachAlert> raised = monitor.tick("2026-01-01T00:00:00Z").readAlerts();

        assertTimeline(raised).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        // The category is that of the earliest event that gave one: the web form's.
        assertThat(raised).extracting(BreachAlert::getCategory).containsOnly("DAMP_AND_MOULD");
    }

    @Test
    void code6_2_shouldReadAReceiptAsStage1WhateverStageItStates() {
        monitor.send(c1.crm(CrmEventType.RECEIVED, "2025-12-19 10:15").setStage(2).build());

        assertTimeline(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        assertThat(monitor.dlq.isEmpty()).isTrue();
    }

    @Test
    void code6_2_shouldSkipGoodFridayAndEasterMondayAndRaiseAtLondonMidnightInSummerTime() {
        // Received Thursday 17 April 2025 (BST). Good Friday 18 and Easter Monday 21 April are bank
        // holidays: due Monday 28 April. 00:00 BST is 23:00 UTC the day before.
        monitor.send(c1.received("2025-04-17 12:00"));

        assertThat(monitor.tick("2025-04-23T22:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2025-04-23T23:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-04-28", "2025-04-23T23:00:00Z"));
        assertThat(monitor.tick("2025-04-28T22:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2025-04-28T23:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-04-28", "2025-04-28T23:00:00Z"));
    }

    @Test
    void code6_2_shouldRaiseDueSoonInSummerTimeAndOverdueInWinterTimeWhenTheClocksGoBack() {
        // Received Monday 20 October 2025 (BST); clocks go back Sunday 26 October; due Monday 27 (GMT).
        monitor.send(c1.received("2025-10-20 10:00"));

        assertTimeline(monitor.tick("2025-10-27T23:59:59.999Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-10-27", "2025-10-22T23:00:00Z"));
        assertTimeline(monitor.tick("2025-10-28T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-10-27", "2025-10-28T00:00:00Z"));
    }

    @Test
    void code6_2_shouldRaiseDueSoonInWinterTimeAndOverdueInSummerTimeWhenTheClocksGoForward() {
        // Received Tuesday 25 March 2025 (GMT); clocks go forward Sunday 30 March; due Tuesday 1 April (BST).
        monitor.send(c1.received("2025-03-25 12:00"));

        assertTimeline(monitor.tick("2025-03-28T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-04-01", "2025-03-28T00:00:00Z"));
        assertThat(monitor.tick("2025-04-01T22:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2025-04-01T23:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-04-01", "2025-04-01T23:00:00Z"));
    }

    @Test
    void code6_2_shouldDateAnEventAt2330UtcInSummerByTheNextLondonDayAndInWinterBySameDay() {
        // 23:30 UTC on Thursday 12 June 2025 is 00:30 BST on Friday 13 June: due Friday 20 June
        // (from the Thursday it would be Thursday 19 June).
        ComplaintRecords summer = new ComplaintRecords("C-SUMMER");
        monitor.send(summer.crm(CrmEventType.RECEIVED, Instant.parse("2025-06-12T23:30:00Z")).build());
        assertTimeline(monitor.tick("2025-06-21T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-06-20", "2025-06-17T23:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-06-20", "2025-06-20T23:00:00Z"));

        // 23:30 UTC on Thursday 18 December 2025 is 23:30 GMT, still Thursday: due Monday 29 December.
        ComplaintRecords winter = new ComplaintRecords("C-WINTER");
        monitor.send(winter.crm(CrmEventType.RECEIVED, Instant.parse("2025-12-18T23:30:00Z")).build());
        List<BreachAlert> december = monitor.tick("2025-12-30T00:00:00Z").readAlerts();
        assertTimeline(december.stream().filter(a -> a.getComplaintRef().equals("C-WINTER")).toList()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-29", "2025-12-23T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-29", "2025-12-30T00:00:00Z"));
    }

    @Test
    void code6_2_shouldRaiseDueSoonTheConfiguredNumberOfWorkingDaysBeforeTheDueDate() {
        // Due Tuesday 30 December 2025. N = 3: Tuesday 23 December (24 and 29 are the other two
        // working days between). N = 0: at the start of the due date itself.
        try (MonitorDriver three = MonitorDriver.start(stateDir.resolve("n3"),
                        Map.of(ConfigKey.DUE_SOON_WORKING_DAYS, "3"));
                MonitorDriver zero = MonitorDriver.start(stateDir.resolve("n0"),
                        Map.of(ConfigKey.DUE_SOON_WORKING_DAYS, "0"))) {
            for (MonitorDriver driver : List.of(three, zero)) {
                driver.send(new ComplaintRecords("C-1").received("2025-12-19 10:15")).tick("2025-12-31T00:00:00Z");
            }

            assertTimeline(three.readAlerts()).containsExactly(
                    alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-23T00:00:00Z"),
                    alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
            assertTimeline(zero.readAlerts()).containsExactly(
                    alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-30T00:00:00Z"),
                    alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        }
    }

    @Test
    void code6_3_shouldRaiseResponseOverdueTenWorkingDaysAfterTheAcknowledgement() {
        // Acknowledged Monday 22 December 2025: 10 working days, skipping 25, 26 December and
        // 1 January, is Thursday 8 January 2026.
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-22 11:00"));

        assertThat(monitor.tick("2026-01-05T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-01-06T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-08", "2026-01-06T00:00:00Z"));
        assertThat(monitor.tick("2026-01-08T23:59:59.999Z").readAlerts()).isEmpty();
        assertTimeline(monitor.tick("2026-01-09T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-08", "2026-01-09T00:00:00Z"));
    }

    @Test
    void code6_3_shouldCountTheResponseFromTheAcknowledgementDueDateWhileThereIsNoAcknowledgement() {
        // Acknowledgement due Tuesday 30 December 2025; 10 working days on is Wednesday 14 January 2026.
        monitor.send(c1.received("2025-12-19 10:15"));

        assertTimeline(monitor.tick("2026-01-15T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-14", "2026-01-12T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-14", "2026-01-15T00:00:00Z"));
    }

    @Test
    void code6_3_shouldCountTheResponseFromALateAcknowledgementOnceItComes() {
        // Acknowledged late on Monday 5 January 2026: due Monday 19 January; 14 January no longer applies.
        monitor.send(c1.received("2025-12-19 10:15"));
        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, AlertKind.ACKNOWLEDGEMENT_OVERDUE);
        monitor.send(c1.acknowledged(1, "2026-01-05 09:00"));

        assertTimeline(monitor.tick("2026-01-20T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-19", "2026-01-15T00:00:00Z"),
                alert(1, AlertKind.RESPONSE_OVERDUE, "2026-01-19", "2026-01-20T00:00:00Z"));
    }

    @Test
    void code6_3_shouldTreatAResponseBeforeAnyAcknowledgementAsTheAcknowledgement() {
        // Answered Monday 29 December 2025 without an acknowledgement: acknowledged and answered in
        // time; only the due soon of 24 December, raised before the response, stands.
        monitor.send(c1.received("2025-12-19 10:15"), c1.responded(1, "2025-12-29 15:00"));

        assertTimeline(monitor.tick("2026-03-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
    }
}
