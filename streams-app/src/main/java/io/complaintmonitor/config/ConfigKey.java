package io.complaintmonitor.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the monitor: its properties-file key, environment variable, default and
 * meaning. The README's configuration table is this enum, written out.
 */
public enum ConfigKey {
    BOOTSTRAP_SERVERS("bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "Kafka bootstrap servers (ignored by demo and audit, which start their own broker)"),
    SCHEMA_REGISTRY_URL("schema.registry.url", "SCHEMA_REGISTRY_URL", "http://localhost:8081",
            "Confluent-API schema registry (ignored by demo and audit, which serve their own)"),
    APPLICATION_ID("application.id", "MONITOR_APPLICATION_ID", "complaint-monitor",
            "Kafka Streams application id: consumer group and internal topic prefix"),
    HTTP_HOST("http.host", "MONITOR_HTTP_HOST", "0.0.0.0", "address the HTTP server binds"),
    HTTP_PORT("http.port", "MONITOR_HTTP_PORT", "8080", "HTTP port for health, metrics, registry and API; 0 = any free port"),
    HTTP_ADVERTISED_HOST("http.advertised.host", "MONITOR_HTTP_ADVERTISED_HOST", "",
            "host name other instances reach this one's HTTP port by (Kafka Streams application.server, for routing "
                    + "queries); empty = this machine's host name, or localhost if it has none"),
    STATE_DIR("state.dir", "MONITOR_STATE_DIR", "data/streams", "Kafka Streams state directory (RocksDB stores)"),
    TOPIC_PARTITIONS("topic.partitions", "MONITOR_TOPIC_PARTITIONS", "3", "partitions of topics the monitor creates"),
    TOPIC_REPLICATION("topic.replication.factor", "MONITOR_TOPIC_REPLICATION_FACTOR", "1",
            "replication factor of topics the monitor creates"),
    CREATE_TOPICS("topics.create", "MONITOR_TOPICS_CREATE", "true", "create missing topics at start"),
    TOPIC_CRM("topic.crm", "MONITOR_TOPIC_CRM", "complaints.crm.v1", "CRM lifecycle events (CrmCaseEvent)"),
    TOPIC_CONTRACTOR("topic.contractor", "MONITOR_TOPIC_CONTRACTOR", "complaints.contractor.v1",
            "contractor updates (ContractorComplaintUpdate)"),
    TOPIC_WEBFORM("topic.webform", "MONITOR_TOPIC_WEBFORM", "complaints.webform.v1",
            "online form submissions (WebFormSubmission)"),
    TOPIC_ALERTS("topic.alerts", "MONITOR_TOPIC_ALERTS", "complaints.alerts.v1", "breach alerts (BreachAlert)"),
    TOPIC_STATS("topic.stats", "MONITOR_TOPIC_STATS", "complaints.stats.v1",
            "windowed stage-duration statistics (StageDurationStat), compacted"),
    TOPIC_TRENDS("topic.trends", "MONITOR_TOPIC_TRENDS", "complaints.trends.v1", "trend alerts and recoveries (TrendAlert)"),
    TOPIC_DLQ("topic.dlq", "MONITOR_TOPIC_DLQ", "complaints.dlq.v1", "rejected records with their reason in headers"),
    TOPIC_HEARTBEAT("topic.heartbeat", "MONITOR_TOPIC_HEARTBEAT", "complaints.heartbeat.v1",
            "wall-clock ticks that advance stream time when no events arrive"),
    DEFAULT_LANDLORD_ID("default.landlord.id", "MONITOR_DEFAULT_LANDLORD_ID", "default",
            "landlord of records that name none"),
    DUE_SOON_WORKING_DAYS("due.soon.working.days", "MONITOR_DUE_SOON_WORKING_DAYS", "2",
            "working days before a due date at which a due-soon alert is raised"),
    CALENDAR_FILE("calendar.file", "MONITOR_CALENDAR_FILE", "",
            "bank holidays in gov.uk bank-holidays.json format; empty = bundled England and Wales 2018-2027"),
    CALENDAR_DIVISION("calendar.division", "MONITOR_CALENDAR_DIVISION", "england-and-wales",
            "division of the calendar file: england-and-wales, scotland or northern-ireland"),
    LATE_EVENT_GRACE("late.event.grace", "MONITOR_LATE_EVENT_GRACE", "PT1H",
            "an event further behind the monitor's clock than this (ISO-8601 duration) is counted as late and logged"),
    STATS_GRACE("stats.grace", "MONITOR_STATS_GRACE", "P35D",
            "how long after a window ends late events still change its figures (ISO-8601 duration)"),
    LANDLORD_HOMES("landlord.homes", "MONITOR_LANDLORD_HOMES", "default=20000",
            "homes owned per landlord for TSM CH01, as landlordId=homes[,landlordId=homes]"),
    TREND_COMPLIANCE_TARGET("trend.compliance.target", "MONITOR_TREND_COMPLIANCE_TARGET", "0.90",
            "share of responses within timescale below which COMPLIANCE_DROP and CONTRACTOR_UNDERPERFORMING are raised"),
    TREND_CONTRACTOR_STEPS("trend.contractor.steps", "MONITOR_TREND_CONTRACTOR_STEPS", "20",
            "how many of a contractor's latest finished steps CONTRACTOR_UNDERPERFORMING judges"),
    HEARTBEAT_INTERVAL("heartbeat.interval", "MONITOR_HEARTBEAT_INTERVAL", "PT1S",
            "how often wall-clock ticks advance stream time (ISO-8601 duration)"),
    PROCESSING_GUARANTEE("processing.guarantee", "MONITOR_PROCESSING_GUARANTEE", "exactly_once_v2",
            "exactly_once_v2 or at_least_once"),
    ROCKSDB_MEMORY_MB("rocksdb.memory.mb", "MONITOR_ROCKSDB_MEMORY_MB", "256",
            "memory for all RocksDB state stores together (block cache and memtables), in MiB"),
    STREAM_THREADS("num.stream.threads", "MONITOR_NUM_STREAM_THREADS", "1", "Kafka Streams threads");

    /** Keys under this prefix go to the Kafka clients unchanged, e.g. kafka.security.protocol. */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Environment variables under this prefix become kafka.* keys: KAFKA_SASL_MECHANISM -> sasl.mechanism. */
    public static final String KAFKA_ENV_PREFIX = "KAFKA_";

    private final String key;
    private final String envVar;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String envVar, String defaultValue, String description) {
        this.key = key;
        this.envVar = envVar;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String envVar() {
        return envVar;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static Optional<ConfigKey> byEnvVar(String envVar) {
        return Arrays.stream(values()).filter(k -> k.envVar.equals(envVar)).findFirst();
    }

    /** KAFKA_SECURITY_PROTOCOL -> kafka.security.protocol. */
    static String kafkaKeyOfEnv(String envVar) {
        return KAFKA_PREFIX + envVar.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
