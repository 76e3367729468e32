package io.complaintmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's fixtures are the cases its names and the README claim, not exceptions or no-ops. */
class ComplaintRulesBenchmarkTest {

    private final ComplaintRulesBenchmark.Complaint c = new ComplaintRulesBenchmark.Complaint();

    @BeforeEach
    void setUp() {
        c.setUp();
    }

    @Test
    void shouldApplyTheTypicalSequenceWithoutAlertsWhenEachEventIsOnTime() {
        Transition t = c.rules.apply(null, c.received);
        t = c.rules.apply(t.state(), c.acknowledged);
        t = c.rules.apply(t.state(), c.responded);

        assertThat(t.duplicate()).isFalse();
        assertThat(t.alerts()).isEmpty();
        assertThat(t.state().seenEventIds()).containsExactly("CRM:e1", "CRM:e2", "CRM:e3");
    }

    @Test
    void shouldApplyTheExtensionAsANewEventWithinTheLimitWhenTheStateHasHistory() {
        assertThat(c.withHistory.seenEventIds()).hasSize(4);

        Transition t = c.rules.apply(c.withHistory, c.extended);

        assertThat(t.duplicate()).isFalse();
        assertThat(t.alerts()).isEmpty();
        assertThat(t.deadlines()).isNotEmpty();
    }

    @Test
    void shouldRaiseNothingAndKeepDeadlinesPendingWhenAdvancingToBeforeTheNextDeadline() {
        Transition t = c.rules.advanceTo(c.acknowledgedState, c.beforeNextDeadline);

        assertThat(t.alerts()).isEmpty();
        assertThat(t.deadlines()).isNotEmpty();
    }

    @Test
    void shouldRaiseResponseDueSoonAndOverdueWhenAdvancingPastTheResponseDueDate() {
        Transition t = c.rules.advanceTo(c.acknowledgedState, c.pastResponseDue);

        assertThat(t.alerts()).extracting(Alert::type)
                .containsExactly(AlertType.RESPONSE_DUE_SOON, AlertType.RESPONSE_OVERDUE);
    }
}
