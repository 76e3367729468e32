package io.complaintmonitor.ingest;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import java.util.Optional;

/**
 * The three source records in the monitor's own terms. Enum symbols are carried by name, so an
 * {@code UNKNOWN} symbol (a newer producer's value read with our schema) reaches the contract
 * check and is rejected there with its name, rather than guessed at here.
 */
public final class EventAdapters {

    private final String defaultLandlordId;

    public EventAdapters(String defaultLandlordId) {
        this.defaultLandlordId = defaultLandlordId;
    }

    public ComplaintEvent fromCrm(CrmCaseEvent record) {
        return ComplaintEvent.builder(Source.CRM, record.getEventId(), eventType(name(record.getType())))
                .landlordId(landlord(record.getLandlordId()))
                .complaintRef(record.getComplaintRef())
                .stage(record.getStage())
                .occurredAt(record.getOccurredAt())
                .category(record.getCategory())
                .channel(name(record.getChannel()))
                .definitionRecorded(record.getDefinitionRecorded())
                .newDueDate(record.getNewDueDate())
                .extensionReason(record.getExtensionReason())
                .updateIntervalWorkingDays(record.getUpdateIntervalWorkingDays())
                .outcome(name(record.getOutcome()))
                .remedyAmountPence(record.getRemedyAmountPence())
                .refusalReason(record.getRefusalReason())
                .handlingTeam(record.getHandlingTeam())
                .reasonableAdjustments(record.getReasonableAdjustments())
                .build();
    }

    public ComplaintEvent fromContractor(ContractorComplaintUpdate record) {
        return ComplaintEvent.builder(Source.CONTRACTOR, record.getUpdateId(), eventType(name(record.getType())))
                .landlordId(landlord(record.getLandlordId()))
                .complaintRef(record.getComplaintRef())
                .contractorId(record.getContractorId())
                .stage(record.getStage())
                .occurredAt(record.getOccurredAt())
                .category(record.getCategory())
                .definitionRecorded(record.getDefinitionRecorded())
                .newDueDate(record.getNewDueDate())
                .extensionReason(record.getExtensionReason())
                .updateIntervalWorkingDays(record.getUpdateIntervalWorkingDays())
                .outcome(name(record.getOutcome()))
                .build();
    }

    /** Empty for survey feedback, which is never a complaint (Code 1.6) and is counted apart. */
    public Optional<ComplaintEvent> fromWebForm(WebFormSubmission record) {
        if (isSurveyFeedback(record)) {
            return Optional.empty();
        }
        EventType type = EventType.forWebForm(name(record.getFormType())).orElse(null);
        return Optional.of(ComplaintEvent.builder(Source.WEBFORM, record.getSubmissionId(), type)
                .landlordId(landlord(record.getLandlordId()))
                .complaintRef(record.getComplaintRef())
                .occurredAt(record.getSubmittedAt())
                .category(record.getCategory())
                .channel("WEB_FORM")
                .reasonableAdjustments(record.getReasonableAdjustmentsRequested())
                .build());
    }

    /** The survey feedback a web form record is, if it is one. */
    public Optional<SurveyFeedback> surveyOf(WebFormSubmission record) {
        return isSurveyFeedback(record)
                ? Optional.of(new SurveyFeedback(record.getSubmissionId(), landlord(record.getLandlordId()),
                        record.getSubmittedAt(), record.getCategory()))
                : Optional.empty();
    }

    public static boolean isSurveyFeedback(WebFormSubmission record) {
        return "SURVEY_FEEDBACK".equals(name(record.getFormType()));
    }

    private String landlord(String landlordId) {
        return landlordId == null || landlordId.isBlank() ? defaultLandlordId : landlordId;
    }

    private static EventType eventType(String name) {
        if (name == null) {
            return null;
        }
        try {
            return EventType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
