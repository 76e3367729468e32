package io.complaintmonitor.ingest.json;

import io.complaintmonitor.domain.complaint.Source;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded event and the source it belongs to: a {@code CrmCaseEvent}, a
 * {@code ContractorComplaintUpdate} or a {@code WebFormSubmission}.
 */
public record SourcedRecord(Source source, SpecificRecord record) {

    public SourcedRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
    }
}
