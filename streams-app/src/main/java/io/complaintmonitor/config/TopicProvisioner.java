package io.complaintmonitor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the monitor's topics that do not exist yet; never alters existing ones. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    public static void ensureTopics(MonitorConfig config) {
        Topics topics = config.topics();
        Map<String, Object> adminProps = config.clientProperties();
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor())
                            .configs(configsFor(name, topics)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            int heartbeatPartitions = TopicDescriptions.describe(admin, List.of(topics.heartbeat()),
                    Duration.ofSeconds(30)).get(topics.heartbeat()).partitions().size();
            if (heartbeatPartitions != config.topicPartitions()) {
                // Ticks must reach every task of the tracking step, which has topic.partitions tasks.
                throw new ConfigException("topic " + topics.heartbeat() + " has " + heartbeatPartitions
                        + " partitions but topic.partitions is " + config.topicPartitions()
                        + ": set topic.partitions to " + heartbeatPartitions + " or recreate the topic");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + config.bootstrapServers() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private static Map<String, String> configsFor(String name, Topics topics) {
        if (name.equals(topics.heartbeat())) {
            // Ticks matter only until processed: keep an hour, never the history.
            return Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000");
        }
        if (name.equals(topics.stats())) {
            // One record per (step, group, window) matters: the latest. Compaction keeps exactly that.
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        if (name.equals(topics.dlq())) {
            // A dead letter keeps its event's (possibly old) timestamp; stamping arrival time instead
            // makes the 30 days count from when it was rejected, not from when the event happened.
            return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000),
                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        // Events carry their own (old) timestamps in a replay or backfill; time-based retention
        // would delete a year of history minutes after it was written. The log is the record.
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
}
