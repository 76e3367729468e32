package io.complaintmonitor;

import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.trend.TrendRules;
import io.complaintmonitor.ingest.EventAdapters;
import io.complaintmonitor.ingest.IngestTopology;
import io.complaintmonitor.lifecycle.LifecycleTopology;
import io.complaintmonitor.serde.TopicSerdes;
import io.complaintmonitor.stats.FiguresInput;
import io.complaintmonitor.stats.FiguresTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/** Composes the monitor's flows into the one topology that Kafka Streams runs. */
public final class MonitorTopology {

    private MonitorTopology() {
    }

    public static Topology build(MonitorConfig config, WorkingDayCalendar calendar, TopicSerdes serdes,
            MeterRegistry meters, Clock clock) {
        ComplaintRules rules = new ComplaintRules(calendar, config.dueSoonWorkingDays());
        StreamsBuilder builder = new StreamsBuilder();
        // One for the whole topology: quiet is judged per stream thread, across its tasks.
        QuietCommit quietCommit = new QuietCommit();
        IngestTopology.Ingested ingested = IngestTopology.addTo(builder, config.topics(), serdes,
                new EventAdapters(config.defaultLandlordId()), rules, meters, clock);
        KStream<byte[], ComplaintEvent> events = ingested.events();
        KStream<String, FiguresInput> figures = LifecycleTopology.addTo(builder, config.topics(),
                config.topicPartitions(), config.applicationId(), config.lateEventGrace(), events,
                ingested.surveyFeedback(), rules, serdes.alerts(), meters, quietCommit);
        FiguresTopology.addTo(builder, config.topics(), config.topicPartitions(), config.statsGrace(), figures,
                new TrendRules(config.trendThresholds()), serdes.stats(), serdes.trends(), quietCommit);
        return builder.build();
    }
}
