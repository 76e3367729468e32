package io.complaintmonitor.ingest;

import io.complaintmonitor.registry.SchemaRegistryClient;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the three source topics, sharing one registry client and its cache. */
public record IngestSerdes(
        Serde<CrmCaseEvent> crm,
        Serde<ContractorComplaintUpdate> contractor,
        Serde<WebFormSubmission> webform) {

    public static IngestSerdes using(SchemaRegistryClient registry) {
        return new IngestSerdes(
                AvroSerdes.specificValue(registry, CrmCaseEvent.class),
                AvroSerdes.specificValue(registry, ContractorComplaintUpdate.class),
                AvroSerdes.specificValue(registry, WebFormSubmission.class));
    }
}
