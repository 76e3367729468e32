package io.complaintmonitor.ingest;

import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.serde.TopicSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** What the monitor asks of any of the three sources' records, in one place. */
public final class SourceRecords {

    private SourceRecords() {
    }

    /** occurredAt, or submittedAt for the web form: required, so never null on a decoded record. */
    public static Instant eventTime(SpecificRecord record) {
        if (record instanceof CrmCaseEvent crm) {
            return crm.getOccurredAt();
        }
        if (record instanceof ContractorComplaintUpdate update) {
            return update.getOccurredAt();
        }
        return webform(record).getSubmittedAt();
    }

    /** The complaint it is about; null for web form survey feedback. */
    public static String complaintRef(SpecificRecord record) {
        if (record instanceof CrmCaseEvent crm) {
            return crm.getComplaintRef();
        }
        if (record instanceof ContractorComplaintUpdate update) {
            return update.getComplaintRef();
        }
        return webform(record).getComplaintRef();
    }

    /**
     * The key the source contract asks for: the complaint reference in UTF-8 (null when the record
     * names none). A record keyed so is tracked without a repartition hop.
     */
    public static byte[] keyOf(SpecificRecord record) {
        String ref = complaintRef(record);
        return ref == null ? null : ref.getBytes(StandardCharsets.UTF_8);
    }

    /** The record in the Confluent wire format, with the serde of its type. */
    public static byte[] serialize(TopicSerdes serdes, String topic, SpecificRecord record) {
        if (record instanceof CrmCaseEvent crm) {
            return serdes.crm().serializer().serialize(topic, crm);
        }
        if (record instanceof ContractorComplaintUpdate update) {
            return serdes.contractor().serializer().serialize(topic, update);
        }
        return serdes.webform().serializer().serialize(topic, webform(record));
    }

    private static WebFormSubmission webform(SpecificRecord record) {
        if (record instanceof WebFormSubmission form) {
            return form;
        }
        throw new IllegalArgumentException("no source sends " + record.getClass().getName());
    }
}
