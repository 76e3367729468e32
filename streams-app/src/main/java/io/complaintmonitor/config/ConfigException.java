package io.complaintmonitor.config;

/** Configuration that cannot be used; the message names the key and says what to fix. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
