package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static io.complaintmonitor.domain.complaint.Scenario.london;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Code 6.4 and 6.15: a response may be extended by agreement, by at most 10 (stage 1) or 20
 * (stage 2) working days. Stage 1 here: received Monday 2 February 2026, acknowledged Tuesday
 * 3 February, so the response is due Tuesday 17 February and the limit is Tuesday 3 March.
 */
class ExtensionRulesTest {

    private static Scenario acknowledgedStage1() {
        return new Scenario().received("2026-02-02 09:00").acknowledged(1, "2026-02-03 10:00");
    }

    @Test
    void code6_4_shouldFollowTheNewDueDateToldToTheResident() {
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-12 10:00", "2026-03-03")
                .advanceTo("2026-03-04 00:00");

        assertThat(s.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).isEmpty();
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-03-03"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        });
        // Due soon for 3 March at 00:00 Friday 27 February; none for 17 February, replaced on the 12th.
        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-03-03"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:00Z"));
        });
    }

    @Test
    void code6_4_shouldRaiseExtensionExceedsLimitWhenTheNewDateIsMoreThanTenWorkingDaysOn() {
        Scenario s = acknowledgedStage1().extended(1, "2026-02-12 10:00", "2026-03-04");

        assertThat(s.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(1);
            assertThat(a.dueDate()).isEqualTo(date("2026-03-04"));
            assertThat(a.raisedAt()).isEqualTo(london("2026-02-12 10:00"));
        });
        // The alerts still follow the date the resident was told.
        s.advanceTo("2026-03-05 00:00");
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-04"));
    }

    @Test
    void code6_4_shouldMeasureLaterExtensionsFromTheDueDateBeforeAnyExtension() {
        // 27 February is within the limit; 4 March is 11 working days after 17 February, though
        // only 3 after the first extension's date.
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-12 10:00", "2026-02-27")
                .extended(1, "2026-02-25 10:00", "2026-03-04");

        assertThat(s.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-04"));
    }

    @Test
    void code6_4_shouldCountAnOverlongExtensionOnlyUpToTheLimitForTheWithinTimescaleFigure() {
        Scenario onLimit = acknowledgedStage1().extended(1, "2026-02-12 10:00", "2026-03-04")
                .responded(1, "2026-03-03 16:00");
        Scenario pastLimit = acknowledgedStage1().extended(1, "2026-02-12 10:00", "2026-03-04")
                .responded(1, "2026-03-04 09:00");

        assertThat(onLimit.outcome(1).respondedWithinTimescale()).isTrue();
        assertThat(pastLimit.outcome(1).respondedWithinTimescale()).isFalse();
        assertThat(pastLimit.outcome(1).responseDue()).isEqualTo(date("2026-03-03"));
        // No overdue alert though: the resident was told 4 March and got the answer by then.
        assertThat(pastLimit.advanceTo("2026-04-01 00:00").alerts(AlertType.RESPONSE_OVERDUE)).isEmpty();
    }

    @Test
    void code6_4_shouldNotMoveTheDueDateForAnExtensionAgreedAfterItPassed() {
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-18 10:00", "2026-02-27")
                .advanceTo("2026-03-02 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-02-17"));
        s.responded(1, "2026-02-27 12:00");
        assertThat(s.outcome(1).respondedWithinTimescale()).isFalse();
    }

    @Test
    void code6_4_shouldKeepAlertsAlreadyRaisedForADueDateAnExtensionReplaced() {
        // Due soon for 17 February was raised at 00:00 Friday 13 February; the extension on the 16th
        // replaces the date but not that alert.
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-16 10:00", "2026-03-03")
                .advanceTo("2026-03-04 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-17"), date("2026-03-03"));
        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).extracting(Alert::alertId).doesNotHaveDuplicates();
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).extracting(Alert::dueDate).containsExactly(date("2026-03-03"));
    }

    @Test
    void code6_4_shouldRaiseNoDueSoonWhoseInstantLiesBeforeTheExtensionThatSetTheDate() {
        // Extended on Thursday 26 February at 10:00 to Monday 2 March: its due-soon day is Thursday
        // 26 February, whose midnight came before the extension.
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-12 10:00", "2026-02-27")
                .extended(1, "2026-02-26 10:00", "2026-03-02")
                .advanceTo("2026-03-03 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-27"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-03-02"));
    }

    @Test
    void code6_4_shouldRaiseNoDueSoonForAnExtensionToAWeekendDate() {
        // Saturday 28 February: no working day w has w + 2 working days = a Saturday.
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-12 10:00", "2026-02-28")
                .advanceTo("2026-03-01 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).isEmpty();
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-02-28"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        });
    }

    @Test
    void code6_15_shouldAllowTwentyWorkingDaysAtStage2AndAlertBeyond() {
        // Stage 2 acknowledged Wednesday 4 February 2026: due Wednesday 4 March; limit Wednesday 1 April.
        Scenario within = stage2AcknowledgedOn4February().extended(2, "2026-02-20 10:00", "2026-04-01");
        Scenario beyond = stage2AcknowledgedOn4February().extended(2, "2026-02-20 10:00", "2026-04-02");

        assertThat(within.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).isEmpty();
        assertThat(beyond.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(2);
            assertThat(a.dueDate()).isEqualTo(date("2026-04-02"));
        });
    }

    @Test
    void code6_4_shouldJudgeTheLimitFromTheFallbackDateWhenExtendedBeforeAnyAcknowledgement() {
        // Received Monday 2 February 2026, no acknowledgement: acknowledgement due Monday 9 February,
        // response due Monday 23 February, limit Monday 9 March.
        Scenario within = new Scenario().received("2026-02-02 09:00").extended(1, "2026-02-05 10:00", "2026-03-09");
        Scenario beyond = new Scenario().received("2026-02-02 09:00").extended(1, "2026-02-05 10:00", "2026-03-10");

        assertThat(within.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).isEmpty();
        assertThat(beyond.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).hasSize(1);
    }

    @Test
    void code6_4_shouldNotCountAWeekendRightAfterTheLastAllowedWorkingDayAsBeyondTheLimit() {
        // Acknowledged Friday 6 February 2026: due Friday 20 February, limit Friday 6 March.
        Scenario saturday = new Scenario().received("2026-02-02 09:00").acknowledged(1, "2026-02-06 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-07")
                .responded(1, "2026-03-07 10:00");
        Scenario monday = new Scenario().received("2026-02-02 09:00").acknowledged(1, "2026-02-06 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-09");

        assertThat(saturday.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).isEmpty();
        assertThat(saturday.outcome(1).respondedWithinTimescale()).isTrue();
        assertThat(monday.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).hasSize(1);
    }

    @Test
    void code6_4_shouldStillJudgeTheLimitAndTheUpdateIntervalOfAnExtensionAgreedTooLate() {
        // Agreed Wednesday 18 February, after 17 February passed, to Friday 6 March (beyond 3 March)
        // with k = 2: the date does not move, but the limit and the interval still apply.
        Scenario s = acknowledgedStage1()
                .extended(1, "2026-02-18 10:00", "2026-03-06", 2)
                .advanceTo("2026-02-21 00:00");

        assertThat(s.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-03-06"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).extracting(Alert::dueDate).containsExactly(date("2026-02-17"));
        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-20"));
    }

    @Test
    void code6_4_shouldLetAnExtensionSetTheDueDateWhenNoEarlierDateIsKnown() {
        // Never seen received or acknowledged: the extension's date is followed, its limit not judged.
        // Friday 27 March 2026 is still GMT (clocks change on Sunday 29 March).
        Scenario s = new Scenario().extended(1, "2026-02-02 10:00", "2026-03-27").advanceTo("2026-03-28 00:00");

        assertThat(s.alerts(AlertType.EXTENSION_EXCEEDS_LIMIT)).isEmpty();
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-03-27"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-03-28T00:00:00Z"));
        });
    }

    @Test
    void code6_4_shouldKeepTheExtendedDateWhenTheAcknowledgementComesAfterTheExtension() {
        // Received Monday 2 February 2026, extended on the 5th to Friday 27 February, acknowledged
        // on Monday 9 February (which alone would give Monday 23 February).
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .extended(1, "2026-02-05 10:00", "2026-02-27")
                .acknowledged(1, "2026-02-09 10:00")
                .advanceTo("2026-02-28 00:00");

        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).extracting(Alert::dueDate).containsExactly(date("2026-02-27"));
    }

    private static Scenario stage2AcknowledgedOn4February() {
        return new Scenario().received("2026-01-05 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00")
                .acknowledged(2, "2026-02-04 10:00");
    }
}
