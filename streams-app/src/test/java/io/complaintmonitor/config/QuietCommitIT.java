package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.stats.FiguresTopology;
import io.complaintmonitor.testing.MonitorRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker, with the commit interval set to a minute: what the monitor read is committed
 * within seconds of its going quiet, through both of the monitor's hops (the source topic, then the
 * figures changes the tracking task sent on).
 */
class QuietCommitIT {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    @TempDir
    Path stateDir;

    @Test
    void shouldCommitWhatItReadSoonAfterGoingQuietThoughTheIntervalIsAMinute() throws Exception {
        // A transaction may stay open as long as the interval (Kafka Streams refuses a shorter timeout).
        try (MonitorRig rig = MonitorRig.start(stateDir, Clock.systemUTC(), loader -> loader.environment(Map.of(
                "KAFKA_COMMIT_INTERVAL_MS", Long.toString(INTERVAL.toMillis()),
                "KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS", Long.toString(INTERVAL.multipliedBy(2).toMillis()))));
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        rig.config().bootstrapServers()))) {
            String crm = rig.config().topics().crm();
            Instant sent = Instant.now();
            for (int n = 1; n <= 20; n++) {
                // Received today: no alert, so nothing else asks for a commit.
                rig.send(crm, rig.serdes().crm().serializer(), CrmCaseEvent.newBuilder().setEventId("e-" + n)
                        .setComplaintRef("Q-" + n).setType(CrmEventType.RECEIVED).setCategory("REPAIRS")
                        .setOccurredAt(sent).build());
            }
            String group = rig.config().applicationId();
            TopicPartition source = new TopicPartition(crm, 0);
            TopicPartition figures = new TopicPartition(group + "-" + FiguresTopology.REPARTITION + "-repartition", 0);

            await("the source read and committed to its end").atMost(Duration.ofSeconds(15))
                    .until(() -> committed(admin, group, source) == end(admin, source));
            await("the figures changes read and committed (the last offset is the commit marker)")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> end(admin, figures) > 0 && committed(admin, group, figures) >= end(admin, figures) - 1);
            assertThat(Duration.between(sent, Instant.now())).as("well inside the commit interval")
                    .isLessThan(INTERVAL.dividedBy(2));
        }
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static long end(Admin admin, TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                .get(10, TimeUnit.SECONDS).offset();
    }
}
