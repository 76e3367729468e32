package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The stop rules: REFUSED and WITHDRAWN stop every clock for good; CLOSED stops the
 * clocks running at that instant, and a later escalation starts stage 2 as usual. (Refusing a
 * complaint is governed by the Code's section 2; the stop itself is the monitor's rule.)
 */
class StoppedClockRulesTest {

    @Test
    void refusal_shouldStopEveryClockForGoodEvenForALaterEscalation() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .refused("2025-12-22 10:00")
                .escalated("2026-02-02 10:00")
                .advanceTo("2026-06-01 00:00");

        assertThat(s.alerts).isEmpty();
        assertThat(s.deadlines).isEmpty();
        assertThat(s.rules.outcomesOf(s.state)).noneMatch(StageOutcome::open);
    }

    @Test
    void withdrawal_shouldKeepAlertsRaisedBeforeItAndRaiseNoneAfter() {
        // Due soon was raised at 00:00 Wednesday 24 December; withdrawn Monday 29 December, before the overdue instant.
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .withdrawn("2025-12-29 10:00")
                .advanceTo("2026-03-01 00:00");

        assertThat(s.alerts).extracting(Alert::type).containsExactly(AlertType.ACKNOWLEDGEMENT_DUE_SOON);
        assertThat(s.deadlines).isEmpty();
    }

    @Test
    void closure_shouldStopTheClocksRunningAtThatInstant() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .closed("2025-12-29 10:00")
                .advanceTo("2026-03-01 00:00");

        assertThat(s.alerts).extracting(Alert::type).containsExactly(AlertType.ACKNOWLEDGEMENT_DUE_SOON);
        assertThat(s.outcome(1).open()).isFalse();
    }

    @Test
    void closure_shouldNotPreventAnAlertDueAtExactlyTheClosureInstant() {
        Scenario s = new Scenario().received("2025-12-19 10:00").closed("2025-12-31 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).hasSize(1);
    }

    @Test
    void closure_shouldLetALaterEscalationStartStage2AsUsual() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .responded(1, "2026-01-05 15:00")
                .closed("2026-01-06 09:00")
                .escalated("2026-02-02 10:00")
                .advanceTo("2026-02-10 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-02-09"));
        assertThat(s.outcome(1).open()).isFalse();
        assertThat(s.outcome(2).open()).isTrue();
    }

    @Test
    void closure_shouldStopOnlyTheNamedStageWhenTheClosureNamesOne() {
        // Stage 2 requested Monday 2 February 2026; the CRM closes stage 1 the next day.
        Scenario namesStage1 = stage2Running();
        namesStage1.on(namesStage1.crm(EventType.CLOSED, "2026-02-03 09:00").stage(1).build())
                .advanceTo("2026-02-10 00:00");
        Scenario namesNoStage = stage2Running().closed("2026-02-03 09:00").advanceTo("2026-02-10 00:00");

        assertThat(namesStage1.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).hasSize(1);
        assertThat(namesNoStage.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE, 2)).isEmpty();
    }

    @Test
    void closure_shouldStopNoClockOfAStageThatStartsLater() {
        Scenario s = stage2Running();
        assertThat(ComplaintRules.stoppedAt(s.state, 2)).isNull();
        s.closed("2026-02-03 09:00");
        assertThat(ComplaintRules.stoppedAt(s.state, 2)).isEqualTo(Instant.parse("2026-02-03T09:00:00Z"));
        assertThat(ComplaintRules.stoppedAt(s.state, 1)).isEqualTo(Instant.parse("2026-02-03T09:00:00Z"));
    }

    @Test
    void refusal_shouldAlsoBlockAlertsCausedByLaterEvents() {
        Scenario s = new Scenario().received("2025-12-19 10:00").refused("2025-12-20 10:00");
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).definitionRecorded(false).build());

        assertThat(s.alerts).isEmpty();
    }

    private static Scenario stage2Running() {
        return new Scenario().received("2026-01-05 09:00")
                .acknowledged(1, "2026-01-06 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00");
    }
}
