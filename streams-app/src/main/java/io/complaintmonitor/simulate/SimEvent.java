package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.ingest.SourceRecords;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One simulated record, as a source would send it: the Avro record of its source, its event time,
 * and whether (and how) it is meant to be bad. A {@link Defect#BREAKS_CONTRACT} record is written
 * as it is by every sink and rejected by the monitor's contract check; the other defects are
 * applied by the sink, which writes an otherwise good record in a broken form (a JSONL line the
 * audit cannot read, bytes that are not Avro). Bad records carry ids with an {@code m}
 * ({@code crm-m000012}), so they are easy to find in a dead-letter topic.
 */
public record SimEvent(Instant at, Source source, SpecificRecord record, Defect defect) {

    /** How a record is bad; NONE for a good one. */
    public enum Defect {
        NONE,
        /** Valid Avro, but breaks the input contract: no stage where one is needed, a due date before the event, stage 3, an UNKNOWN symbol. */
        BREAKS_CONTRACT,
        /** JSONL: the line cut in half. Kafka: the record as JSON text instead of Avro. */
        TRUNCATED,
        /** JSONL: {@code complaintRef} written as {@code complaintReference}. Kafka: the record as JSON text. */
        RENAMED_FIELD,
        /** JSONL: the event time without its offset. Kafka: bytes with a wrong magic byte. */
        NO_OFFSET
    }

    public SimEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(defect, "defect");
    }

    public boolean isBad() {
        return defect != Defect.NONE;
    }

    /** The record's id within its source: eventId, updateId or submissionId. */
    public String id() {
        if (record instanceof CrmCaseEvent crm) {
            return crm.getEventId();
        }
        if (record instanceof ContractorComplaintUpdate update) {
            return update.getUpdateId();
        }
        return ((WebFormSubmission) record).getSubmissionId();
    }

    /** The complaint it is about; null for survey feedback. */
    public String complaintRef() {
        return SourceRecords.complaintRef(record);
    }
}
