package io.complaintmonitor.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.LondonTime;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The manager's "on time / due soon / overdue" for open stages. */
class OpenStatusTest {

    private static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime.replace(' ', 'T')).atZone(LondonTime.ZONE).toInstant();
    }

    @Test
    void code6_2_shouldBeOnTimeThenDueSoonThenOverdueAgainstTheAcknowledgementDueDate() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.RECEIVED, "2025-12-19 10:15").build());
        // Acknowledgement due Tuesday 30 December; two working days before is Wednesday 24 December.
        assertThat(s.rules.openStages(s.state, london("2025-12-23 23:59")))
                .containsExactly(new OpenStage(1, OpenStatus.ON_TIME));
        assertThat(s.rules.openStages(s.state, london("2025-12-24 00:00")))
                .containsExactly(new OpenStage(1, OpenStatus.DUE_SOON));
        assertThat(s.rules.openStages(s.state, london("2025-12-30 23:59")))
                .containsExactly(new OpenStage(1, OpenStatus.DUE_SOON));
        assertThat(s.rules.openStages(s.state, london("2025-12-31 00:00")))
                .containsExactly(new OpenStage(1, OpenStatus.OVERDUE));
    }

    @Test
    void code6_3_shouldJudgeAnAcknowledgedStageAgainstItsResponseDueDate() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.RECEIVED, "2025-12-19 10:15").build());
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 09:00").stage(1).definitionRecorded(true).build());
        // Response due ten working days after Monday 22 December (25, 26 December and 1 January are
        // holidays): Thursday 8 January 2026; due soon from Tuesday 6 January.
        assertThat(s.rules.openStages(s.state, london("2026-01-05 23:59")))
                .containsExactly(new OpenStage(1, OpenStatus.ON_TIME));
        assertThat(s.rules.openStages(s.state, london("2026-01-06 00:00")))
                .containsExactly(new OpenStage(1, OpenStatus.DUE_SOON));
        assertThat(s.rules.openStages(s.state, london("2026-01-09 00:00")))
                .containsExactly(new OpenStage(1, OpenStatus.OVERDUE));
    }

    @Test
    void shouldNotCountAStageThatWasRespondedToOrStopped() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.RECEIVED, "2025-12-19 10:15").build());
        s.on(s.crm(EventType.RESPONSE_ISSUED, "2025-12-22 09:00").stage(1).build());
        assertThat(s.rules.openStages(s.state, london("2026-03-01 00:00"))).isEmpty();

        Scenario refused = new Scenario();
        refused.on(refused.crm(EventType.RECEIVED, "2025-12-19 10:15").build());
        refused.on(refused.crm(EventType.REFUSED, "2025-12-22 09:00").build());
        assertThat(refused.rules.openStages(refused.state, london("2026-03-01 00:00"))).isEmpty();
    }

    @Test
    void shouldCountAStageWithAnUnknownDueDateAsOnTime() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 09:00").stage(2).definitionRecorded(true).build());
        assertThat(s.rules.openStages(s.state, london("2026-06-01 00:00")))
                .allSatisfy(open -> assertThat(open.status()).isNotEqualTo(OpenStatus.DUE_SOON));
    }
}
