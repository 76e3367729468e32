package io.complaintmonitor.config;

import static io.complaintmonitor.config.ConfigKey.*;

import io.complaintmonitor.domain.trend.TrendThresholds;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds {@link MonitorConfig} in layers — defaults, then a properties file, then environment
 * variables, then command-line options — and validates the result once, with messages that name
 * the key, where it came from, and what would be accepted.
 */
public final class ConfigLoader {

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final Map<String, String> kafka = new TreeMap<>();

    public ConfigLoader() {
        for (ConfigKey key : ConfigKey.values()) {
            put(key.key(), key.defaultValue(), "default");
        }
    }

    /** Reads a properties file; an unknown key is an error (a typo would otherwise be ignored). */
    public ConfigLoader file(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).trim();
            if (name.startsWith(KAFKA_PREFIX)) {
                kafka.put(name.substring(KAFKA_PREFIX.length()), value);
            } else if (ConfigKey.byKey(name).isPresent()) {
                put(name, value, file.toString());
            } else {
                throw new ConfigException("unknown key '" + name + "' in " + file
                        + ": use one of " + knownKeys() + ", or kafka.<client property> for Kafka client settings");
            }
        }
        return this;
    }

    /** Applies environment variables: the documented MONITOR_* ones, and KAFKA_* passed to the clients. */
    public ConfigLoader environment(Map<String, String> env) {
        env.forEach((name, value) -> {
            Optional<ConfigKey> key = ConfigKey.byEnvVar(name);
            if (key.isPresent()) {
                put(key.get().key(), value.trim(), "environment variable " + name);
            } else if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
                kafka.put(ConfigKey.kafkaKeyOfEnv(name).substring(KAFKA_PREFIX.length()), value.trim());
            }
        });
        return this;
    }

    /** Command-line options win over everything else. */
    public ConfigLoader override(ConfigKey key, String value) {
        if (value != null) {
            put(key.key(), value, "command line");
        }
        return this;
    }

    public MonitorConfig load() {
        Topics topics = new Topics(text(TOPIC_CRM), text(TOPIC_CONTRACTOR), text(TOPIC_WEBFORM), text(TOPIC_ALERTS),
                text(TOPIC_STATS), text(TOPIC_TRENDS), text(TOPIC_DLQ), text(TOPIC_HEARTBEAT));
        if (topics.all().stream().distinct().count() != topics.all().size()) {
            throw new ConfigException("topic names must all differ, got " + topics.all());
        }
        String guarantee = text(PROCESSING_GUARANTEE).toLowerCase(Locale.ROOT);
        if (!GUARANTEES.contains(guarantee)) {
            throw invalid(PROCESSING_GUARANTEE, "one of " + GUARANTEES);
        }
        String calendarFile = values.get(CALENDAR_FILE.key());
        return new MonitorConfig(
                text(BOOTSTRAP_SERVERS),
                url(SCHEMA_REGISTRY_URL),
                text(APPLICATION_ID),
                text(HTTP_HOST),
                integer(HTTP_PORT, 0, 65_535),
                advertisedHost(),
                Path.of(text(STATE_DIR)),
                integer(TOPIC_PARTITIONS, 1, 1_000),
                (short) integer(TOPIC_REPLICATION, 1, 10),
                bool(CREATE_TOPICS),
                topics,
                text(DEFAULT_LANDLORD_ID),
                integer(DUE_SOON_WORKING_DAYS, 0, 20),
                calendarFile.isBlank() ? Optional.empty() : Optional.of(existingFile(CALENDAR_FILE)),
                text(CALENDAR_DIVISION).toLowerCase(Locale.ROOT),
                duration(LATE_EVENT_GRACE, Duration.ZERO, Duration.ofDays(7)),
                duration(STATS_GRACE, Duration.ZERO, Duration.ofDays(3_660)),
                homes(),
                trendThresholds(),
                duration(HEARTBEAT_INTERVAL, Duration.ofMillis(100), Duration.ofMinutes(1)),
                guarantee,
                integer(STREAM_THREADS, 1, 64),
                integer(ROCKSDB_MEMORY_MB, 16, 65_536),
                kafka);
    }

    private void put(String key, String value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    private String text(ConfigKey key) {
        String value = values.get(key.key());
        if (value == null || value.isBlank()) {
            throw invalid(key, "a non-empty value");
        }
        return value;
    }

    private int integer(ConfigKey key, int min, int max) {
        String value = text(key);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, "a whole number from " + min + " to " + max);
    }

    private boolean bool(ConfigKey key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(key, "true or false");
    }

    private Duration duration(ConfigKey key, Duration min, Duration max) {
        String value = text(key);
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below with an example
        }
        throw invalid(key, "an ISO-8601 duration from " + min + " to " + max + " (e.g. PT1H, PT30S)");
    }

    /** The trend tests' defaults with the two settings a landlord is likely to change. */
    private TrendThresholds trendThresholds() {
        double target = fraction(TREND_COMPLIANCE_TARGET);
        int steps = integer(TREND_CONTRACTOR_STEPS, 1, 10_000);
        TrendThresholds d = TrendThresholds.DEFAULTS;
        return new TrendThresholds(d.baselineWeeks(), d.sigmas(), d.minRelativeRise(), d.minWeeklyVolume(),
                d.minBaselineWeeks(), target, d.complianceDropMargin(), d.minResponses(), steps, target,
                d.escalationBaselineMonths(), d.escalationMinRise(), d.escalationSigmas(), d.minStage1Responses());
    }

    private double fraction(ConfigKey key) {
        String value = text(key);
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, "a fraction above 0 and at most 1, such as 0.90");
    }

    /** The advertised host as given, else this machine's name, else localhost. */
    private String advertisedHost() {
        String value = values.get(HTTP_ADVERTISED_HOST.key());
        if (value != null && !value.isBlank()) {
            if (value.contains(":") || value.contains("/") || value.contains(" ")) {
                throw invalid(HTTP_ADVERTISED_HOST, "a host name or address without port or scheme (e.g. monitor-1.internal)");
            }
            return value.trim();
        }
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** landlordId=homes pairs; each landlord once, homes a positive whole number. */
    private Map<String, Integer> homes() {
        String value = values.get(LANDLORD_HOMES.key());
        Map<String, Integer> homes = new java.util.LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return homes;
        }
        for (String pair : value.split(",")) {
            String[] parts = pair.trim().split("=", -1);
            int count;
            try {
                count = parts.length == 2 && !parts[0].isBlank() ? Integer.parseInt(parts[1].trim()) : -1;
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count <= 0 || homes.put(parts[0].trim(), count) != null) {
                throw invalid(LANDLORD_HOMES, "landlordId=homes pairs separated by commas, each landlord once and "
                        + "homes a positive whole number (e.g. default=20000,north=5400)");
            }
        }
        return homes;
    }

    private URI url(ConfigKey key) {
        String value = text(key);
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with an example
        }
        throw invalid(key, "an http(s) URL such as http://localhost:8081");
    }

    private Path existingFile(ConfigKey key) {
        Path path = Path.of(text(key));
        if (!Files.isReadable(path)) {
            throw new ConfigException(key.key() + " (from " + origins.get(key.key()) + ") names " + path
                    + ", which does not exist or cannot be read");
        }
        return path;
    }

    private ConfigException invalid(ConfigKey key, String expected) {
        return new ConfigException(key.key() + " (from " + origins.get(key.key()) + ") must be " + expected
                + ", got '" + values.get(key.key()) + "'");
    }

    private static String knownKeys() {
        return Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
