package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.domain.complaint.Source;
import java.util.Optional;

/** Which topic each source writes to; a source by its topic or its label ({@link Source#label}). */
public final class SourceTopics {

    private SourceTopics() {
    }

    public static String topic(Source source, Topics topics) {
        return switch (source) {
            case CRM -> topics.crm();
            case CONTRACTOR -> topics.contractor();
            case WEBFORM -> topics.webform();
        };
    }

    public static Optional<Source> ofTopic(Topics topics, String topic) {
        for (Source source : Source.values()) {
            if (topic(source, topics).equals(topic)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    public static Optional<Source> ofLabel(String label) {
        for (Source source : Source.values()) {
            if (source.label().equals(label)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
