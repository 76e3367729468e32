package io.complaintmonitor.registry;

/**
 * A schema registry said no, or could not be reached. Carries the registry's own {@code error_code}
 * and message (Confluent's codes, which Apicurio, Karapace and Redpanda reuse) so callers can tell
 * "schema not found" from "registry down" without parsing text.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int BACKEND_STORE_ERROR = 50001;

    /** Status used when no HTTP answer came back at all (connection refused, timeout). */
    public static final int NO_RESPONSE = 0;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;

    /** An error as a registry states it; the message is the registry's own text. */
    public SchemaRegistryException(int httpStatus, int errorCode, String registryMessage) {
        super(registryMessage);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** An error seen by a client: {@code context} says which call, the registry's text follows. */
    public SchemaRegistryException(int httpStatus, int errorCode, String registryMessage, String context,
            Throwable cause) {
        super(context + ": " + registryMessage
                + (httpStatus == NO_RESPONSE ? "" : " (HTTP " + httpStatus + ", error_code " + errorCode + ")"), cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static SchemaRegistryException versionNotFound(int version) {
        return new SchemaRegistryException(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    public static SchemaRegistryException schemaNotFound(String what) {
        return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema " + what + " not found");
    }

    public static SchemaRegistryException invalidSchema(String detail) {
        return new SchemaRegistryException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    /** HTTP status of the answer, or {@link #NO_RESPONSE} when none came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}; the HTTP status when the answer had none; 0 without an answer. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's {@code message}, without the client's context. */
    public String registryMessage() {
        return registryMessage;
    }

    /** True when trying again later may succeed: no answer, rate limited, or a server-side failure. */
    public boolean isTransient() {
        return httpStatus == NO_RESPONSE || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
