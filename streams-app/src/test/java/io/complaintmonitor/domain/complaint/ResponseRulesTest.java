package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Code 6.3: the stage 1 response within 10 working days of the acknowledgement. */
class ResponseRulesTest {

    @Test
    void code6_3_shouldRaiseResponseOverdueWhenTenthWorkingDayAfterAcknowledgementEndsWithoutResponse() {
        // Acknowledged Monday 22 December 2025: 10 working days, skipping 25, 26 December and
        // 1 January, is Thursday 8 January 2026.
        Scenario s = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");

        s.advanceTo(Instant.parse("2026-01-08T23:59:59Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).isEmpty();
        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-01-08"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        });

        s.advanceTo(Instant.parse("2026-01-09T00:00:00Z"));
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.dueDate()).isEqualTo(date("2026-01-08"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-01-09T00:00:00Z"));
        });
    }

    @Test
    void code6_3_shouldCountTheResponseFromTheAcknowledgementDueDateWhileThereIsNoAcknowledgement() {
        // Acknowledgement due Tuesday 30 December 2025; 10 working days on is Wednesday 14 January 2026.
        Scenario s = new Scenario().received("2025-12-19 10:00").advanceTo("2026-01-15 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).hasSize(1);
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-01-14"));
    }

    @Test
    void code6_3_shouldCountTheResponseFromTheActualAcknowledgementWhenItCameLate() {
        // Acknowledged late on Monday 5 January 2026: the response is due 10 working days later,
        // Monday 19 January, and the fallback date (Wednesday 14 January) no longer applies.
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2026-01-05 09:00")
                .advanceTo("2026-01-20 00:00");

        assertThat(s.alerts(AlertType.ACKNOWLEDGEMENT_OVERDUE)).hasSize(1);
        assertThat(s.alerts(AlertType.RESPONSE_OVERDUE)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-01-19"));
        assertThat(s.alerts(AlertType.RESPONSE_DUE_SOON)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2026-01-19"));
    }

    @Test
    void code6_3_shouldTreatAResponseBeforeAnyAcknowledgementAsTheAcknowledgement() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .responded(1, "2025-12-29 15:00")
                .advanceTo("2026-03-01 00:00");

        assertThat(s.alerts).extracting(Alert::type).containsExactly(AlertType.ACKNOWLEDGEMENT_DUE_SOON);
        assertThat(s.deadlines).isEmpty();
        StageOutcome outcome = s.outcome(1);
        assertThat(outcome.acknowledged()).isTrue();
        assertThat(outcome.acknowledgedWithinTimescale()).isTrue();
        assertThat(outcome.respondedWithinTimescale()).isTrue();
    }

    @Test
    void code6_3_shouldRaiseNothingMoreOnceResponded() {
        Scenario s = new Scenario().received("2025-12-19 10:00")
                .acknowledged(1, "2025-12-22 11:00")
                .responded(1, "2026-01-08 17:00")
                .advanceTo("2026-06-01 00:00");

        assertThat(s.alerts).extracting(Alert::type).containsExactly(AlertType.RESPONSE_DUE_SOON);
        assertThat(s.deadlines).isEmpty();
        assertThat(s.outcome(1).respondedWithinTimescale()).isTrue();
    }

    @Test
    void code6_3_shouldListThePendingChecksEarliestFirstSoAProcessorCanScheduleThem() {
        Scenario s = new Scenario().received("2025-12-19 10:00");

        assertThat(s.deadlines).containsExactly(
                new Deadline(Instant.parse("2025-12-24T00:00:00Z"), AlertType.ACKNOWLEDGEMENT_DUE_SOON, 1,
                        date("2025-12-30")),
                new Deadline(Instant.parse("2025-12-31T00:00:00Z"), AlertType.ACKNOWLEDGEMENT_OVERDUE, 1,
                        date("2025-12-30")),
                new Deadline(Instant.parse("2026-01-12T00:00:00Z"), AlertType.RESPONSE_DUE_SOON, 1,
                        date("2026-01-14")),
                new Deadline(Instant.parse("2026-01-15T00:00:00Z"), AlertType.RESPONSE_OVERDUE, 1,
                        date("2026-01-14")));

        s.acknowledged(1, "2025-12-22 11:00");
        assertThat(s.deadlines).containsExactly(
                new Deadline(Instant.parse("2026-01-06T00:00:00Z"), AlertType.RESPONSE_DUE_SOON, 1,
                        date("2026-01-08")),
                new Deadline(Instant.parse("2026-01-09T00:00:00Z"), AlertType.RESPONSE_OVERDUE, 1,
                        date("2026-01-08")));
    }
}
