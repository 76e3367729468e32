package io.complaintmonitor.serde;

import io.complaintmonitor.registry.SchemaRegistryClient;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.StageDurationStat;
import io.complaintmonitor.schema.TrendAlert;
import io.complaintmonitor.schema.WebFormSubmission;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the monitor's public Avro topics, sharing one registry client and its cache. */
public record TopicSerdes(
        Serde<CrmCaseEvent> crm,
        Serde<ContractorComplaintUpdate> contractor,
        Serde<WebFormSubmission> webform,
        Serde<BreachAlert> alerts,
        Serde<StageDurationStat> stats,
        Serde<TrendAlert> trends) {

    public static TopicSerdes using(SchemaRegistryClient registry) {
        return new TopicSerdes(
                AvroSerdes.specificValue(registry, CrmCaseEvent.class),
                AvroSerdes.specificValue(registry, ContractorComplaintUpdate.class),
                AvroSerdes.specificValue(registry, WebFormSubmission.class),
                AvroSerdes.specificValue(registry, BreachAlert.class),
                AvroSerdes.specificValue(registry, StageDurationStat.class),
                AvroSerdes.specificValue(registry, TrendAlert.class));
    }
}
