package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Code 5.6 through the whole topology: an acknowledgement that does not set out the complaint
 * definition and the outcome sought raises DEFINITION_MISSING when it is recorded, no tick needed.
 */
class DefinitionTopologyTest extends MonitorDriverTest {

    @Test
    void code5_6_shouldRaiseDefinitionMissingWhenAcknowledgedWithoutTheDefinition() {
        // Received Friday 19 December 2025, acknowledged Monday 22 December at 11:00 without the
        // definition: raised at 11:00, dated with the acknowledgement due date, Tuesday 30 December.
        monitor.send(c1.received("2025-12-19 10:15"));
        List<BreachAlert> raised = monitor.send(c1.crm(CrmEventType.ACKNOWLEDGED, "2025-12-22 11:00").setStage(1)
                .setDefinitionRecorded(false).setHandlingTeam("complaints-central").build()).readAlerts();

        assertTimeline(raised).containsExactly(
                alert(1, AlertKind.DEFINITION_MISSING, "2025-12-30", "2025-12-22T11:00:00Z"));
        // An immediate alert carries what the event causing it says: the new team.
        assertThat(raised.get(0).getHandlingTeam()).isEqualTo("complaints-central");
        assertThat(raised.get(0).getCategory()).isEqualTo("REPAIRS");
    }

    @Test
    void code5_6_shouldTreatAnAcknowledgementThatLeavesTheDefinitionOutAsMissing() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.crm(CrmEventType.ACKNOWLEDGED, "2025-12-22 11:00")
                .setStage(1).build());

        assertTimeline(monitor.readAlerts()).containsExactly(
                alert(1, AlertKind.DEFINITION_MISSING, "2025-12-30", "2025-12-22T11:00:00Z"));
    }

    @Test
    void code5_6_shouldRaiseNothingWhenTheDefinitionIsRecorded() {
        monitor.send(c1.received("2025-12-19 10:15"), c1.acknowledged(1, "2025-12-22 11:00"));

        assertThat(monitor.readAlerts()).isEmpty();
    }

    @Test
    void code5_6_shouldDateTheAlertWithTheAcknowledgementsOwnLondonDateWhenTheReceiptWasNeverSeen() {
        // 23:30 UTC on Thursday 12 June 2025 is Friday 13 June in London.
        monitor.send(c1.crm(CrmEventType.ACKNOWLEDGED, Instant.parse("2025-06-12T23:30:00Z")).setStage(1).build());

        assertTimeline(monitor.readAlerts()).containsExactly(
                alert(1, AlertKind.DEFINITION_MISSING, "2025-06-13", "2025-06-12T23:30:00Z"));
    }

    @Test
    void code5_6_shouldJudgeTheStage2AcknowledgementOnItsOwn() {
        // Stage 2 requested Monday 2 February 2026: acknowledgement due Monday 9 February.
        monitor.send(c1.received("2026-01-05 09:00"), c1.acknowledged(1, "2026-01-06 09:00"),
                c1.responded(1, "2026-01-09 12:00"), c1.escalated("2026-02-02 10:00"),
                c1.crm(CrmEventType.ACKNOWLEDGED, "2026-02-04 10:00").setStage(2).setDefinitionRecorded(false).build());

        assertTimeline(monitor.readAlerts()).containsExactly(
                alert(2, AlertKind.DEFINITION_MISSING, "2026-02-09", "2026-02-04T10:00:00Z"));
    }

    @Test
    void code5_6_shouldRaiseItOncePerStageAndNameTheContractorThatAcknowledged() {
        monitor.send(c1.received("2025-12-19 10:15"),
                c1.contractor("CON-3", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 11:00").setStage(1).build(),
                c1.contractor("CON-3", ContractorUpdateType.ACKNOWLEDGED, "2025-12-23 11:00").setStage(1).build());

        List<BreachAlert> raised = monitor.readAlerts();
        assertTimeline(raised).containsExactly(
                alert(1, AlertKind.DEFINITION_MISSING, "2025-12-30", "2025-12-22T11:00:00Z"));
        assertThat(raised.get(0).getContractorId()).isEqualTo("CON-3");
    }
}
