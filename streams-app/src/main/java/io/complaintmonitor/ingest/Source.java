package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import java.util.Locale;
import java.util.Optional;

/** The three systems complaint events come from; the lower-case name is the metric and JSON label. */
public enum Source {
    CRM, CONTRACTOR, WEBFORM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String topic(Topics topics) {
        return switch (this) {
            case CRM -> topics.crm();
            case CONTRACTOR -> topics.contractor();
            case WEBFORM -> topics.webform();
        };
    }

    public static Optional<Source> ofTopic(Topics topics, String topic) {
        for (Source source : values()) {
            if (source.topic(topics).equals(topic)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    public static Optional<Source> ofLabel(String label) {
        for (Source source : values()) {
            if (source.label().equals(label)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
