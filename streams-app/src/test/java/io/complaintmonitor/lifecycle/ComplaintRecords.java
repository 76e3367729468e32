package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.ResponseOutcome;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Source records (Avro, as the CRM, contractors and the web form send them) for one complaint.
 * Times are London wall-clock ("2025-12-19 10:00"), as a housing officer would read them; each
 * record gets the next id of this complaint ("C-1/1", "C-1/2", ...), so the same calls give the
 * same records.
 */
final class ComplaintRecords {

    static final String CATEGORY = "REPAIRS";
    static final String TEAM = "housing-north";

    final String ref;
    private final String landlordId;
    private int nextId = 1;

    ComplaintRecords(String ref) {
        this(ref, null);
    }

    /** @param landlordId null: the record names no landlord, so the configured default applies */
    ComplaintRecords(String ref, String landlordId) {
        this.ref = ref;
        this.landlordId = landlordId;
    }

    /** A London wall-clock time, "yyyy-MM-dd HH:mm", as an instant. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(LondonTime.ZONE).toInstant();
    }

    String nextId() {
        return ref + "/" + nextId++;
    }

    // CRM

    CrmCaseEvent.Builder crm(CrmEventType type, String at) {
        return crm(type, london(at));
    }

    CrmCaseEvent.Builder crm(CrmEventType type, Instant at) {
        return CrmCaseEvent.newBuilder().setEventId(nextId()).setComplaintRef(ref).setLandlordId(landlordId)
                .setType(type).setOccurredAt(at);
    }

    /** A CRM receipt in category REPAIRS, owned by team housing-north. */
    CrmCaseEvent received(String at) {
        return crm(CrmEventType.RECEIVED, at).setCategory(CATEGORY).setHandlingTeam(TEAM).build();
    }

    /** An acknowledgement that sets out the definition (Code 5.6). */
    CrmCaseEvent acknowledged(int stage, String at) {
        return crm(CrmEventType.ACKNOWLEDGED, at).setStage(stage).setDefinitionRecorded(true).build();
    }

    CrmCaseEvent responded(int stage, String at) {
        return crm(CrmEventType.RESPONSE_ISSUED, at).setStage(stage).setOutcome(ResponseOutcome.UPHELD).build();
    }

    CrmCaseEvent escalated(String at) {
        return crm(CrmEventType.ESCALATION_REQUESTED, at).build();
    }

    CrmCaseEvent extended(int stage, String at, String newDueDate) {
        return extended(stage, at, newDueDate, null);
    }

    CrmCaseEvent extended(int stage, String at, String newDueDate, Integer updateIntervalWorkingDays) {
        return crm(CrmEventType.EXTENSION_AGREED, at).setStage(stage).setNewDueDate(LocalDate.parse(newDueDate))
                .setExtensionReason("AWAITING_SURVEY").setUpdateIntervalWorkingDays(updateIntervalWorkingDays).build();
    }

    CrmCaseEvent updated(int stage, String at) {
        return crm(CrmEventType.RESIDENT_UPDATED, at).setStage(stage).build();
    }

    CrmCaseEvent refused(String at) {
        return crm(CrmEventType.REFUSED, at).setRefusalReason("OUT_OF_TIME").build();
    }

    CrmCaseEvent withdrawn(String at) {
        return crm(CrmEventType.WITHDRAWN, at).build();
    }

    CrmCaseEvent closed(String at) {
        return crm(CrmEventType.CLOSED, at).build();
    }

    // Contractor

    ContractorComplaintUpdate.Builder contractor(String contractorId, ContractorUpdateType type, String at) {
        return ContractorComplaintUpdate.newBuilder().setUpdateId(nextId()).setContractorId(contractorId)
                .setComplaintRef(ref).setLandlordId(landlordId).setType(type).setOccurredAt(london(at));
    }

    // Web form

    WebFormSubmission.Builder webform(WebFormType type, String at) {
        return WebFormSubmission.newBuilder().setSubmissionId(nextId()).setComplaintRef(ref).setLandlordId(landlordId)
                .setFormType(type).setSubmittedAt(london(at));
    }
}
