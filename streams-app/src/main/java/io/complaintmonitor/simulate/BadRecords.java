package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.simulate.SimEvent.Defect;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Bad records for the dead-letter path, made from a good one about the same complaint. Half break
 * the contract (an acknowledgement without a stage, an extension whose new due date is before it,
 * a stage 3 response, an UNKNOWN symbol); the rest are good records a sink writes in a broken form
 * ({@link Defect}).
 */
final class BadRecords {

    private static final List<Defect> DEFECTS = List.of(Defect.BREAKS_CONTRACT, Defect.TRUNCATED,
            Defect.RENAMED_FIELD, Defect.NO_OFFSET);
    private static final List<Double> DEFECT_SHARES = List.of(0.5, 0.2, 0.15, 0.15);

    private BadRecords() {
    }

    static SimEvent make(Draw draw, SimEvent base, Instant at, long number) {
        Defect defect = draw.pick(DEFECTS, DEFECT_SHARES);
        if (defect != Defect.BREAKS_CONTRACT) {
            return new SimEvent(at, base.source(), copy(base, at, number), defect);
        }
        int variant = draw.between(0, 3);
        if (variant == 2 && base.source() == Source.WEBFORM) {
            WebFormSubmission form = (WebFormSubmission) copy(base, at, number);
            form.setFormType(WebFormType.UNKNOWN);
            return new SimEvent(at, Source.WEBFORM, form, defect);
        }
        if (base.source() == Source.CONTRACTOR) {
            ContractorComplaintUpdate contractor = (ContractorComplaintUpdate) base.record();
            ContractorComplaintUpdate.Builder update = ContractorComplaintUpdate.newBuilder()
                    .setUpdateId(id(Source.CONTRACTOR, number)).setContractorId(contractor.getContractorId())
                    .setComplaintRef(contractor.getComplaintRef()).setLandlordId(contractor.getLandlordId())
                    .setType(ContractorUpdateType.ACKNOWLEDGED).setOccurredAt(at)
                    .setCategory(null).setDefinitionRecorded(null).setNewDueDate(null).setExtensionReason(null)
                    .setUpdateIntervalWorkingDays(null).setOutcome(null);
            switch (variant) {
                case 0 -> update.setType(ContractorUpdateType.ACKNOWLEDGED).setStage(null);
                case 1 -> update.setType(ContractorUpdateType.EXTENSION_AGREED).setStage(1)
                        .setNewDueDate(LondonTime.dateOf(at).minusDays(3));
                case 2 -> update.setType(ContractorUpdateType.UNKNOWN);
                default -> update.setType(ContractorUpdateType.RESPONSE_ISSUED).setStage(3);
            }
            return new SimEvent(at, Source.CONTRACTOR, update.build(), defect);
        }
        CrmCaseEvent.Builder crm = CrmCaseEvent.newBuilder()
                .setEventId(id(Source.CRM, number))
                .setComplaintRef(base.complaintRef())
                .setType(CrmEventType.ACKNOWLEDGED)
                .setOccurredAt(at)
                .setLandlordId(landlordOf(base));
        switch (variant) {
            case 0 -> crm.setStage(null);
            case 1 -> crm.setType(CrmEventType.EXTENSION_AGREED).setStage(1)
                    .setNewDueDate(LondonTime.dateOf(at).minusDays(3));
            case 2 -> crm.setType(CrmEventType.UNKNOWN);
            default -> crm.setType(CrmEventType.RESPONSE_ISSUED).setStage(3);
        }
        return new SimEvent(at, Source.CRM, crm.build(), defect);
    }

    /**
     * The base record again, under a bad record's id and time. Copied field by field: Avro's deep
     * copy loads enum classes by name, which its class security check refuses for our classes.
     */
    private static SpecificRecord copy(SimEvent base, Instant at, long number) {
        SpecificRecord original = base.record();
        SpecificRecord copy = switch (base.source()) {
            case CRM -> new CrmCaseEvent();
            case CONTRACTOR -> new ContractorComplaintUpdate();
            case WEBFORM -> new WebFormSubmission();
        };
        for (int i = 0; i < original.getSchema().getFields().size(); i++) {
            copy.put(i, original.get(i)); // strings, instants, dates and enums: all immutable
        }
        if (copy instanceof CrmCaseEvent crm) {
            crm.setEventId(id(Source.CRM, number));
            crm.setOccurredAt(at);
        } else if (copy instanceof ContractorComplaintUpdate update) {
            update.setUpdateId(id(Source.CONTRACTOR, number));
            update.setOccurredAt(at);
        } else {
            ((WebFormSubmission) copy).setSubmissionId(id(Source.WEBFORM, number));
            ((WebFormSubmission) copy).setSubmittedAt(at);
        }
        return copy;
    }

    private static String landlordOf(SimEvent event) {
        if (event.record() instanceof CrmCaseEvent crm) {
            return crm.getLandlordId();
        }
        if (event.record() instanceof ContractorComplaintUpdate update) {
            return update.getLandlordId();
        }
        return ((WebFormSubmission) event.record()).getLandlordId();
    }

    static String id(Source source, long number) {
        return switch (source) {
            case CRM -> String.format("crm-m%06d", number);
            case CONTRACTOR -> String.format("ctr-m%06d", number);
            case WEBFORM -> String.format("web-m%06d", number);
        };
    }
}
