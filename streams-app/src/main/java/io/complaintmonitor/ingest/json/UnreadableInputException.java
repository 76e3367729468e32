package io.complaintmonitor.ingest.json;

/** The events file itself cannot be read (missing, a directory, an I/O error): no line can be judged. */
public final class UnreadableInputException extends RuntimeException {

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
