package io.complaintmonitor.config;

import io.complaintmonitor.domain.trend.TrendThresholds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The monitor's whole configuration, validated once at start-up by {@link ConfigLoader}.
 * Immutable: components receive it (or the part they need) and never read the environment.
 */
public record MonitorConfig(
        String bootstrapServers,
        URI schemaRegistryUrl,
        String applicationId,
        String httpHost,
        int httpPort,
        String httpAdvertisedHost,
        Path stateDir,
        int topicPartitions,
        short topicReplicationFactor,
        boolean createTopics,
        Topics topics,
        String defaultLandlordId,
        int dueSoonWorkingDays,
        Optional<Path> calendarFile,
        String calendarDivision,
        Duration lateEventGrace,
        Duration statsGrace,
        Map<String, Integer> landlordHomes,
        TrendThresholds trendThresholds,
        Duration heartbeatInterval,
        String processingGuarantee,
        int streamThreads,
        int rocksDbMemoryMb,
        Map<String, String> kafkaOverrides) {

    public MonitorConfig {
        java.util.Objects.requireNonNull(httpAdvertisedHost, "httpAdvertisedHost");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        landlordHomes = Map.copyOf(landlordHomes);
    }

    /** The same configuration pointed at another cluster and registry (demo and audit start their own). */
    public MonitorConfig withCluster(String bootstrap, URI registry) {
        return new MonitorConfig(bootstrap, registry, applicationId, httpHost, httpPort, httpAdvertisedHost, stateDir, topicPartitions,
                topicReplicationFactor, createTopics, topics, defaultLandlordId, dueSoonWorkingDays, calendarFile,
                calendarDivision, lateEventGrace, statsGrace, landlordHomes, trendThresholds, heartbeatInterval, processingGuarantee, streamThreads, rocksDbMemoryMb,
                kafkaOverrides);
    }

    /** The same configuration with another grace for late events in the figures (the audit keeps every window open). */
    public MonitorConfig withStatsGrace(Duration grace) {
        return new MonitorConfig(bootstrapServers, schemaRegistryUrl, applicationId, httpHost, httpPort, httpAdvertisedHost, stateDir,
                topicPartitions, topicReplicationFactor, createTopics, topics, defaultLandlordId, dueSoonWorkingDays,
                calendarFile, calendarDivision, lateEventGrace, grace, landlordHomes, trendThresholds, heartbeatInterval,
                processingGuarantee, streamThreads, rocksDbMemoryMb, kafkaOverrides);
    }

    /** host:port other instances reach this one at: Kafka Streams' application.server. */
    public String advertisedEndpoint() {
        return httpAdvertisedHost + ":" + httpPort;
    }

    /**
     * The properties every Kafka client of the monitor starts from: the {@code KAFKA_*} overrides
     * and the bootstrap servers (a fresh, mutable map).
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new java.util.HashMap<>(kafkaOverrides);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    public MonitorConfig withHttpPort(int port) {
        return new MonitorConfig(bootstrapServers, schemaRegistryUrl, applicationId, httpHost, port, httpAdvertisedHost, stateDir,
                topicPartitions, topicReplicationFactor, createTopics, topics, defaultLandlordId, dueSoonWorkingDays,
                calendarFile, calendarDivision, lateEventGrace, statsGrace, landlordHomes, trendThresholds, heartbeatInterval, processingGuarantee,
                streamThreads, rocksDbMemoryMb, kafkaOverrides);
    }
}
