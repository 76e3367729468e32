package io.complaintmonitor.registry;

/** The schema log could not be read or written. */
public class SchemaLogException extends RuntimeException {

    public SchemaLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaLogException(String message) {
        super(message);
    }
}
