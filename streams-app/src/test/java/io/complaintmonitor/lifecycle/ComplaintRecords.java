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
public final class ComplaintRecords {

    public static final String CATEGORY = "REPAIRS";
    public static final String TEAM = "housing-north";

    public final String ref;
    private final String landlordId;
    private int nextId = 1;

    public ComplaintRecords(String ref) {
        this(ref, null);
    }

    /** @param landlordId null: the record names no landlord, so the configured default applies */
    public ComplaintRecords(String ref, String landlordId) {
        this.ref = ref;
        this.landlordId = landlordId;
    }

    /** A London wall-clock time, "yyyy-MM-dd HH:mm", as an instant. */
    public static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(LondonTime.ZONE).toInstant();
    }

    public String nextId() {
        return ref + "/" + nextId++;
    }

    // CRM

    public CrmCaseEvent.Builder crm(CrmEventType type, String at) {
        return crm(type, london(at));
    }

    public CrmCaseEvent.Builder crm(CrmEventType type, Instant at) {
        return CrmCaseEvent.newBuilder().setEventId(nextId()).setComplaintRef(ref).setLandlordId(landlordId)
                .setType(type).setOccurredAt(at);
    }

    /** A CRM receipt in category REPAIRS, owned by team housing-north. */
    public CrmCaseEvent received(String at) {
        return crm(CrmEventType.RECEIVED, at).setCategory(CATEGORY).setHandlingTeam(TEAM).build();
    }

    /** An acknowledgement that sets out the definition (Code 5.6). */
    public CrmCaseEvent acknowledged(int stage, String at) {
        return crm(CrmEventType.ACKNOWLEDGED, at).setStage(stage).setDefinitionRecorded(true).build();
    }

    public CrmCaseEvent responded(int stage, String at) {
        return crm(CrmEventType.RESPONSE_ISSUED, at).setStage(stage).setOutcome(ResponseOutcome.UPHELD).build();
    }

    public CrmCaseEvent escalated(String at) {
        return crm(CrmEventType.ESCALATION_REQUESTED, at).build();
    }

    public CrmCaseEvent extended(int stage, String at, String newDueDate) {
        return extended(stage, at, newDueDate, null);
    }

    public CrmCaseEvent extended(int stage, String at, String newDueDate, Integer updateIntervalWorkingDays) {
        return crm(CrmEventType.EXTENSION_AGREED, at).setStage(stage).setNewDueDate(LocalDate.parse(newDueDate))
                .setExtensionReason("AWAITING_SURVEY").setUpdateIntervalWorkingDays(updateIntervalWorkingDays).build();
    }

    public CrmCaseEvent updated(int stage, String at) {
        return crm(CrmEventType.RESIDENT_UPDATED, at).setStage(stage).build();
    }

    public CrmCaseEvent refused(String at) {
        return crm(CrmEventType.REFUSED, at).setRefusalReason("OUT_OF_TIME").build();
    }

    public CrmCaseEvent withdrawn(String at) {
        return crm(CrmEventType.WITHDRAWN, at).build();
    }

    public CrmCaseEvent closed(String at) {
        return crm(CrmEventType.CLOSED, at).build();
    }

    // Contractor

    public ContractorComplaintUpdate.Builder contractor(String contractorId, ContractorUpdateType type, String at) {
        return ContractorComplaintUpdate.newBuilder().setUpdateId(nextId()).setContractorId(contractorId)
                .setComplaintRef(ref).setLandlordId(landlordId).setType(type).setOccurredAt(london(at));
    }

    // Web form

    public WebFormSubmission.Builder webform(WebFormType type, String at) {
        return WebFormSubmission.newBuilder().setSubmissionId(nextId()).setComplaintRef(ref).setLandlordId(landlordId)
                .setFormType(type).setSubmittedAt(london(at));
    }
}
