package io.complaintmonitor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus registry behind {@code /metrics}: JVM and process metrics, the Kafka Streams
 * client metrics, and the monitor's own meters. Binders that hold resources are closed with it.
 */
public final class MonitorMeters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorMeters.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public MonitorMeters() {
        registry.config().commonTags("application", "complaint-monitor");
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Binds the Kafka Streams client's own metrics (threads, tasks, stores, consumers, producers). */
    public synchronized void bind(KafkaStreams streams) {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /**
     * Runs {@code refresh} before every scrape: for gauges whose label values change over time
     * (a quarter), re-registered from the stores each time so only current series are served.
     */
    public void beforeEachScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The Prometheus text exposition, as served on /metrics. */
    public synchronized String scrape() {
        for (Runnable refresh : beforeScrape) {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                // A figure that cannot be read must not take the other metrics down with it.
                LOG.warn("refreshing gauges before a scrape failed", e);
            }
        }
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
