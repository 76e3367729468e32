package io.complaintmonitor.serde;

import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration keys our serdes read when Kafka instantiates them by class name. The names are
 * Confluent's, so existing client configuration carries over.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = RestSchemaRegistryClient.URL_CONFIG;
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_VALUE_TYPE = "specific.avro.value.type";

    private AvroSerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url,
                    "an Avro serde built without a SchemaRegistryClient needs the registry's URL");
        }
        try {
            return RestSchemaRegistryClient.fromConfig(configs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
        }
    }

    static boolean autoRegister(Map<String, ?> configs, boolean current) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        if (value == null) {
            return current;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "must be true or false");
    }

    static Class<?> specificType(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? SPECIFIC_KEY_TYPE : SPECIFIC_VALUE_TYPE;
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Class<?> type) {
            return type;
        }
        try {
            return Class.forName(value.toString().trim(), true, AvroSerdeConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, value, "no such class");
        }
    }
}
