package io.complaintmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.lifecycle.ComplaintRecords;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.WebFormType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceRecordsTest {

    private final ComplaintRecords c1 = new ComplaintRecords("CMP-7");

    @Test
    void shouldGiveEachSourcesEventTimeAndReferenceAndKeyByTheReference() {
        var crm = c1.received("2025-12-19 10:15");
        var contractor = c1.contractor("CON-1", ContractorUpdateType.ACKNOWLEDGED, "2025-12-22 09:00").setStage(1)
                .setDefinitionRecorded(true).build();
        var form = c1.webform(WebFormType.ESCALATION, "2025-12-23 08:00").build();
        assertThat(SourceRecords.eventTime(crm)).isEqualTo(ComplaintRecords.london("2025-12-19 10:15"));
        assertThat(SourceRecords.eventTime(contractor)).isEqualTo(ComplaintRecords.london("2025-12-22 09:00"));
        assertThat(SourceRecords.eventTime(form)).isEqualTo(ComplaintRecords.london("2025-12-23 08:00"));
        for (var record : java.util.List.of(crm, contractor, form)) {
            assertThat(SourceRecords.complaintRef(record)).isEqualTo("CMP-7");
            assertThat(SourceRecords.keyOf(record)).isEqualTo("CMP-7".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldLeaveSurveyFeedbackUnkeyedAndRefuseARecordNoSourceSends() {
        var survey = c1.webform(WebFormType.SURVEY_FEEDBACK, "2025-12-23 08:00").setComplaintRef(null).build();
        assertThat(SourceRecords.keyOf(survey)).isNull();
        assertThatThrownBy(() -> SourceRecords.eventTime(new BreachAlert()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BreachAlert");
    }
}
