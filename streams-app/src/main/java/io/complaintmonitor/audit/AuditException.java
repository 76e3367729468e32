package io.complaintmonitor.audit;

/** The audit could not finish (the monitor failed or stalled, a send failed): its message says why. */
public final class AuditException extends RuntimeException {

    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
