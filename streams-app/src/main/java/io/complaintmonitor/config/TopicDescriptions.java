package io.complaintmonitor.config;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Describes topics, retrying while the broker says it does not know them yet: a topic just
 * created, on a broker just started, is briefly missing from its metadata
 * (UnknownTopicOrPartitionException, a retriable error).
 */
public final class TopicDescriptions {

    private static final long RETRY_MILLIS = 100;

    private TopicDescriptions() {
    }

    public static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }
}
