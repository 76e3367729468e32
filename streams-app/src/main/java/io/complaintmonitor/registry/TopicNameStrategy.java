package io.complaintmonitor.registry;

/**
 * Confluent's default subject naming: the schema of a topic's values lives under
 * {@code <topic>-value}, of its keys under {@code <topic>-key}. Every Confluent-compatible client
 * defaults to it, so producers in other languages find our schemas without configuration.
 */
public final class TopicNameStrategy {

    private TopicNameStrategy() {
    }

    public static String subject(String topic, boolean isKey) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("a topic name is needed to name its subject");
        }
        return topic + (isKey ? "-key" : "-value");
    }

    public static String valueSubject(String topic) {
        return subject(topic, false);
    }

    public static String keySubject(String topic) {
        return subject(topic, true);
    }
}
