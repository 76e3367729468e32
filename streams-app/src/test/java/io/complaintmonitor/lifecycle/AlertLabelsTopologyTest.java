package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an alert says about who handles the complaint, through the whole topology: the contractor
 * handling the stage (Code 5.4, 5.5: a third party handling a complaint counts towards the same
 * two stages), the team and the category, each as known at the alert's moment.
 */
class AlertLabelsTopologyTest extends MonitorDriverTest {

    @Test
    void code5_4_shouldCountAStageHandledByAContractorLikeOneHandledInHouse() {
        // The contractor receives on Friday 19 December 2025, acknowledges late on Friday 2 January
        // 2026 (response due Friday 16 January) and answers on Wednesday 14 January.
        monitor.send(c1.contractor("CON-7", ContractorUpdateType.RECEIVED, "2025-12-19 10:15")
                .setCategory("DAMP_AND_MOULD").build());
        List<BreachAlert> acknowledgement = monitor.tick("2025-12-31T00:00:00Z").readAlerts();
        monitor.send(c1.contractor("CON-7", ContractorUpdateType.ACKNOWLEDGED, "2026-01-02 09:00").setStage(1)
                        .setDefinitionRecorded(true).build(),
                c1.contractor("CON-7", ContractorUpdateType.RESPONSE_ISSUED, "2026-01-14 15:00").setStage(1).build());

        assertTimeline(acknowledgement).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"),
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        assertThat(acknowledgement).extracting(BreachAlert::getContractorId, BreachAlert::getCategory,
                BreachAlert::getHandlingTeam).containsOnly(tuple("CON-7", "DAMP_AND_MOULD", null));
        // Due soon for 16 January came at 00:00 Wednesday 14 January, before that afternoon's response.
        assertTimeline(monitor.tick("2026-06-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.RESPONSE_DUE_SOON, "2026-01-16", "2026-01-14T00:00:00Z"));
    }

    @Test
    void code5_4_shouldNameTheContractorHandlingEachStageWhenTheAlertIsRaised() {
        // Stage 1 in house. Stage 2 acknowledged by CON-9 on Wednesday 4 February 2026 (response due
        // Wednesday 4 March), then a resident update from CON-12 on Tuesday 3 March: the due soon
        // of 2 March names CON-9, the overdue of 5 March names CON-12.
        monitor.send(c1.received("2026-01-05 09:00"));
        List<BreachAlert> stage1 = monitor.tick("2026-01-13T00:00:00Z").readAlerts();
        monitor.send(c1.acknowledged(1, "2026-01-13 09:00"), c1.responded(1, "2026-01-20 12:00"),
                c1.escalated("2026-02-02 10:00"),
                c1.contractor("CON-9", ContractorUpdateType.ACKNOWLEDGED, "2026-02-04 10:00").setStage(2)
                        .setDefinitionRecorded(true).build());
        List<BreachAlert> dueSoon = monitor.tick("2026-03-03T00:00:00Z").readAlerts();
        monitor.send(c1.contractor("CON-12", ContractorUpdateType.RESIDENT_UPDATED, "2026-03-03 10:00").setStage(2)
                .build());
        List<BreachAlert> overdue = monitor.tick("2026-03-05T00:00:00Z").readAlerts();

        assertThat(stage1).extracting(BreachAlert::getStage, BreachAlert::getKind, BreachAlert::getContractorId)
                .containsExactly(tuple(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, null),
                        tuple(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, null));
        assertTimeline(dueSoon).containsExactly(
                alert(2, AlertKind.RESPONSE_DUE_SOON, "2026-03-04", "2026-03-02T00:00:00Z"));
        assertThat(dueSoon.get(0).getContractorId()).isEqualTo("CON-9");
        assertTimeline(overdue).containsExactly(
                alert(2, AlertKind.RESPONSE_OVERDUE, "2026-03-04", "2026-03-05T00:00:00Z"));
        assertThat(overdue.get(0).getContractorId()).isEqualTo("CON-12");
    }

    @Test
    void code5_4_shouldNameTheContractorThatAgreedAnOverlongExtension() {
        // Received Monday 2 February 2026 and acknowledged in house on the 3rd (response due Tuesday
        // 17 February); the contractor now handling it extends to Wednesday 4 March, beyond 3 March.
        monitor.send(c1.received("2026-02-02 09:00"), c1.acknowledged(1, "2026-02-03 10:00"));

        List<BreachAlert> raised = monitor.send(c1.contractor("CON-4", ContractorUpdateType.EXTENSION_AGREED,
                "2026-02-12 10:00").setStage(1).setNewDueDate(LocalDate.of(2026, 3, 4)).build()).readAlerts();

        assertTimeline(raised).containsExactly(
                alert(1, AlertKind.EXTENSION_EXCEEDS_LIMIT, "2026-03-04", "2026-02-12T10:00:00Z"));
        assertThat(raised.get(0).getContractorId()).isEqualTo("CON-4");
    }

    @Test
    void alerts_shouldNameTheTeamOwningTheComplaintAtTheAlertsMoment() {
        // Team housing-north from the receipt; the CRM hands it to housing-south on Monday 29 December,
        // between the due soon (24 December) and the overdue (31 December). A later category does
        // not replace the receipt's.
        monitor.send(c1.received("2025-12-19 10:15"), c1.crm(CrmEventType.RESIDENT_UPDATED, "2025-12-29 10:00")
                .setStage(1).setHandlingTeam("housing-south").setCategory("OTHER").build());

        assertThat(monitor.tick("2025-12-31T00:00:00Z").readAlerts())
                .extracting(BreachAlert::getKind, BreachAlert::getHandlingTeam, BreachAlert::getCategory)
                .containsExactly(tuple(AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "housing-north", "REPAIRS"),
                        tuple(AlertKind.ACKNOWLEDGEMENT_OVERDUE, "housing-south", "REPAIRS"));
    }
}
