package io.complaintmonitor.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be turned into bytes or back. {@link #reason()} says why in a word a
 * dead-letter topic can store and a counter can tag; the message says it in a sentence.
 */
public class AvroSerdeException extends SerializationException {

    public static final int NO_SCHEMA_ID = -1;

    /** Why a record failed, most specific first as a deserializer meets them. */
    public enum Reason {
        /** Fewer bytes than the 5-byte header: not a framed Avro record. */
        TRUNCATED_PAYLOAD,
        /** The first byte is not 0: written by something other than a Confluent-format serializer. */
        WRONG_MAGIC_BYTE,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema cannot be resolved to the reader's (or no reader class exists for it). */
        SCHEMA_MISMATCH,
        /** The bytes after the header are not a valid encoding under the writer schema. */
        UNDECODABLE_PAYLOAD,
        /** The registry could not be reached, or failed on its side: worth retrying, not dead-lettering. */
        REGISTRY_UNAVAILABLE,
        /** The registry refused the request for another reason. */
        REGISTRY_ERROR,
        /** Auto-registration is off and the writer schema is not registered under the subject. */
        SCHEMA_NOT_REGISTERED,
        /** The registry refused to register the writer schema as incompatible with the subject's latest. */
        INCOMPATIBLE_SCHEMA,
        /** The value does not fit its own schema (a null in a required field, say). */
        UNENCODABLE_VALUE
    }

    private final Reason reason;
    private final int schemaId;

    public AvroSerdeException(Reason reason, int schemaId, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
        this.schemaId = schemaId;
    }

    public Reason reason() {
        return reason;
    }

    /** The schema id from the header or the registry, or {@link #NO_SCHEMA_ID} when none was known. */
    public int schemaId() {
        return schemaId;
    }
}
