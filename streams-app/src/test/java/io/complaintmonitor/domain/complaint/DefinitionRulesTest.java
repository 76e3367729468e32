package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static io.complaintmonitor.domain.complaint.Scenario.london;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Code 5.6: at acknowledgement the landlord sets out its understanding of the complaint and the outcome sought. */
class DefinitionRulesTest {

    @Test
    void code5_6_shouldRaiseDefinitionMissingWhenAcknowledgedWithoutTheDefinition() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).definitionRecorded(false).build());

        assertThat(s.alerts(AlertType.DEFINITION_MISSING)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(1);
            assertThat(a.raisedAt()).isEqualTo(london("2025-12-22 11:00"));
            // dueDate is the stage's acknowledgement due date.
            assertThat(a.dueDate()).isEqualTo(date("2025-12-30"));
        });
        assertThat(s.deadlines).noneMatch(d -> d.type() == AlertType.DEFINITION_MISSING);
    }

    @Test
    void code5_6_shouldTreatAnUnstatedDefinitionAsMissing() {
        Scenario s = new Scenario().received("2025-12-19 10:00");
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).build());

        assertThat(s.alerts(AlertType.DEFINITION_MISSING)).hasSize(1);
    }

    @Test
    void code5_6_shouldRaiseNothingWhenTheDefinitionIsRecorded() {
        Scenario s = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");

        assertThat(s.alerts).isEmpty();
    }

    @Test
    void code5_6_shouldUseTheAcknowledgementsOwnDateWhenTheReceiptWasNeverSeen() {
        Scenario s = new Scenario();
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).definitionRecorded(false).build());

        assertThat(s.alerts(AlertType.DEFINITION_MISSING)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-12-22"));
    }

    @Test
    void code5_6_shouldJudgeTheStage2AcknowledgementOnItsOwn() {
        // Stage 2 requested Monday 2 February 2026: acknowledgement due Monday 9 February.
        Scenario s = new Scenario().received("2026-01-05 09:00")
                .acknowledged(1, "2026-01-06 09:00")
                .responded(1, "2026-01-09 12:00")
                .escalated("2026-02-02 10:00");
        s.on(s.crm(EventType.ACKNOWLEDGED, "2026-02-04 10:00").stage(2).definitionRecorded(false).build());

        assertThat(s.alerts(AlertType.DEFINITION_MISSING)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(2);
            assertThat(a.dueDate()).isEqualTo(date("2026-02-09"));
        });
    }

    @Test
    void code5_6_shouldJudgeOnlyTheFirstAcknowledgementAndRaiseOncePerStage() {
        Scenario defined = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");
        defined.on(defined.crm(EventType.ACKNOWLEDGED, "2025-12-23 11:00").stage(1).definitionRecorded(false).build());
        Scenario twiceUndefined = new Scenario().received("2025-12-19 10:00");
        twiceUndefined.on(twiceUndefined.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).build());
        twiceUndefined.on(twiceUndefined.crm(EventType.ACKNOWLEDGED, "2025-12-23 11:00").stage(1).build());

        assertThat(defined.alerts(AlertType.DEFINITION_MISSING)).isEmpty();
        assertThat(twiceUndefined.alerts(AlertType.DEFINITION_MISSING)).hasSize(1);
    }

    @Test
    void code5_6_shouldRaiseDefinitionMissingOnceWhenTheReceiptArrivesAfterTheAcknowledgement() {
        // Out of order: the acknowledgement is applied first, then the earlier receipt. The alert
        // keeps its first due date rather than being raised again under a second id.
        Scenario s = new Scenario();
        s.on(s.crm(EventType.ACKNOWLEDGED, "2025-12-22 11:00").stage(1).build());
        s.on(s.crm(EventType.RECEIVED, "2025-12-19 10:00").build());

        assertThat(s.alerts(AlertType.DEFINITION_MISSING)).singleElement()
                .extracting(Alert::dueDate).isEqualTo(date("2025-12-22"));
    }
}
