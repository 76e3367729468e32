package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.CrmEventType;
import org.junit.jupiter.api.Test;

/**
 * Refused, withdrawn and closed through the whole topology: REFUSED and WITHDRAWN stop every clock
 * of the complaint for good; CLOSED stops the clocks running at that moment, and a later escalation
 * starts stage 2 as usual. Alerts raised before a stop stay.
 */
class StoppedClockTopologyTest extends MonitorDriverTest {

    @Test
    void refusal_shouldStopEveryClockForGoodEvenForALaterEscalation() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.refused("2025-12-22 10:00"), c1.escalated("2026-02-02 10:00"));

        assertThat(monitor.tick("2026-06-01T00:00:00Z").readAlerts()).isEmpty();
        assertThat(monitor.dlq.isEmpty()).isTrue();
    }

    @Test
    void refusal_shouldRaiseNoImmediateAlertForEventsAfterIt() {
        // Acknowledged without the definition and extended far beyond the limit, after the refusal.
        monitor.send(c1.received("2025-12-19 10:15"), c1.refused("2025-12-22 10:00"),
                c1.crm(CrmEventType.ACKNOWLEDGED, "2025-12-23 10:00").setStage(1).setDefinitionRecorded(false).build(),
                c1.extended(1, "2025-12-24 10:00", "2026-03-31"));

        assertThat(monitor.readAlerts()).isEmpty();
        assertThat(monitor.counter("complaint.events.tracked", "source", "crm")).isEqualTo(4.0);
    }

    @Test
    void withdrawal_shouldKeepTheAlertRaisedBeforeItAndRaiseNoneAfter() {
        // Due soon raised at 00:00 Wednesday 24 December; withdrawn Monday 29 December; nothing
        // is overdue on 31 December, nor ever after.
        monitor.send(c1.received("2025-12-19 10:15"));
        assertTimeline(monitor.tick("2025-12-24T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
        monitor.send(c1.withdrawn("2025-12-29 10:00"));

        assertThat(monitor.tick("2026-03-01T00:00:00Z").readAlerts()).isEmpty();
    }

    @Test
    void withdrawal_shouldStopALaterStage2Too() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-22 11:00"),
                c1.withdrawn("2025-12-23 10:00"), c1.escalated("2026-02-02 10:00"));

        assertThat(monitor.tick("2026-06-01T00:00:00Z").readAlerts()).isEmpty();
    }

    @Test
    void withdrawal_shouldNotPreventAnAlertDueAtExactlyTheMomentOfTheWithdrawal() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.withdrawn("2025-12-31 00:00"));

        assertTimeline(monitor.tick("2026-03-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
    }

    @Test
    void closure_shouldStopTheClocksRunningAtThatMoment() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.closed("2025-12-29 10:00"));

        assertTimeline(monitor.tick("2026-03-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
    }

    @Test
    void closure_shouldLetALaterEscalationStartStage2AsUsual() {
        // Acknowledged 22 December 2025, answered Monday 5 January 2026, closed Tuesday 6 January,
        // escalated Monday 2 February: stage 2 acknowledgement overdue from 00:00 Tuesday 10 February.
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-22 11:00"),
                c1.responded(1, "2026-01-05 15:00"), c1.closed("2026-01-06 09:00"));
        assertThat(monitor.tick("2026-02-01T00:00:00Z").readAlerts()).isEmpty();
        monitor.send(c1.escalated("2026-02-02 10:00"));

        assertTimeline(monitor.tick("2026-02-10T00:00:00Z").readAlerts()).containsExactly(
                alert(2, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2026-02-09", "2026-02-05T00:00:00Z"),
                alert(2, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2026-02-09", "2026-02-10T00:00:00Z"));
    }

    @Test
    void closure_shouldStopOnlyTheNamedStageWhenTheClosureNamesOne() {
        // Stage 2 requested Monday 2 February 2026; on the 3rd the CRM closes stage 1 of C-1 and the
        // whole of C-2.
        ComplaintRecords c2 = new ComplaintRecords("C-2");
        for (ComplaintRecords c : new ComplaintRecords[] {c1, c2}) {
            monitor.send(c.received("2026-01-05 09:00"), c.acknowledged(1, "2026-01-06 09:00"),
                    c.responded(1, "2026-01-09 12:00"), c.escalated("2026-02-02 10:00"));
        }
        monitor.send(c1.crm(CrmEventType.CLOSED, "2026-02-03 09:00").setStage(1).build(), c2.closed("2026-02-03 09:00"));

        assertThat(monitor.tick("2026-02-10T00:00:00Z").readAlerts())
                .extracting(a -> a.getComplaintRef() + " " + a.getStage() + " " + a.getKind())
                .containsExactly("C-1 2 ACKNOWLEDGEMENT_DUE_SOON", "C-1 2 ACKNOWLEDGEMENT_OVERDUE");
    }
}
