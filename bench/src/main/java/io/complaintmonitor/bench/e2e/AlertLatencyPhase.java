package io.complaintmonitor.bench.e2e;

import io.complaintmonitor.cli.MonitorApp;
import io.complaintmonitor.config.MonitorConfig;
import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.registry.RestSchemaRegistryClient;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.serde.TopicSerdes;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.sink.KafkaEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Phase 4: alert latency in live mode. Complaints received on consecutive working days and never
 * acknowledged fall due at consecutive London midnights; the monitor runs in this process on a
 * {@link RoundClock} that reaches one of those midnights every {@link #PERIOD} of real time. For
 * each ACKNOWLEDGEMENT_OVERDUE alert read from the alerts topic (read_committed), the latency is
 * the real time of reading it minus the real time at which the monitor's clock passed its deadline.
 */
final class AlertLatencyPhase {

    /** Time for the monitor to start, read the complaints and tick three times in a row caught up. */
    static final Duration LEAD = Duration.ofSeconds(25);
    static final Duration PERIOD = Duration.ofSeconds(6);
    private static final LocalDate FIRST_RECEIPT = LocalDate.of(2025, 11, 3);
    private static final int ACKNOWLEDGEMENT_WORKING_DAYS = 5;

    private final BenchCluster cluster;

    AlertLatencyPhase(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Results.Latency run(int complaints, int rounds) throws Exception {
        MonitorConfig config = cluster.config(cluster.settings("latency", "latency"));
        WorkingDayCalendar calendar = BankHolidayCalendars.bundled(BankHolidayCalendars.ENGLAND_AND_WALES);
        List<LocalDate> receipts = new ArrayList<>();
        List<Instant> deadlines = new ArrayList<>();
        for (LocalDate day = FIRST_RECEIPT; receipts.size() < rounds; day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                receipts.add(day);
                // Overdue at 00:00 London after the acknowledgement's last allowed day.
                deadlines.add(LondonTime.startOf(calendar.addWorkingDays(day, ACKNOWLEDGEMENT_WORKING_DAYS).plusDays(1)));
            }
        }
        try (KafkaEventSink sink = KafkaEventSink.forConfig(config)) {
            for (int i = 0; i < complaints; i++) {
                LocalDate received = receipts.get(i % rounds);
                Instant at = received.atTime(LocalTime.of(10, 0)).atZone(LondonTime.ZONE).toInstant().plusSeconds(i);
                String ref = String.format("LAT-%06d", i);
                sink.write(new SimEvent(at, Source.CRM, CrmCaseEvent.newBuilder().setEventId("lat-" + i)
                        .setComplaintRef(ref).setType(CrmEventType.RECEIVED).setCategory("REPAIRS")
                        .setOccurredAt(at).build(), SimEvent.Defect.NONE));
            }
        }
        TopicSerdes serdes = TopicSerdes.using(RestSchemaRegistryClient.forUrl(cluster.registryUrl()));
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<TopicPartition> alertPartitions = CatchUp.partitionsOf(cluster.admin(), List.of(config.topics().alerts()));
        List<Double> latencies = new ArrayList<>();
        Instant firstAlert = null;
        RoundClock clock = new RoundClock(Clock.systemUTC(), Instant.now(), LEAD, PERIOD, deadlines);
        try (KafkaConsumer<String, BreachAlert> alerts = new KafkaConsumer<>(props, new StringDeserializer(),
                serdes.alerts().deserializer());
                MonitorApp app = MonitorApp.start(config, Optional.empty(), Optional.of(clock))) {
            alerts.assign(alertPartitions);
            alerts.seekToBeginning(alertPartitions);
            Instant giveUp = clock.realDeadline(rounds - 1).plusSeconds(30);
            while (latencies.size() < complaints && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, BreachAlert> record : alerts.poll(Duration.ofMillis(20))) {
                    Instant seen = Instant.now();
                    firstAlert = firstAlert == null ? seen : firstAlert;
                    BreachAlert alert = record.value();
                    if (alert.getKind() != AlertKind.ACKNOWLEDGEMENT_OVERDUE) {
                        continue;
                    }
                    int round = clock.roundOf(LondonTime.startOf(alert.getDueDate().plusDays(1)));
                    if (round < 0) {
                        throw new IllegalStateException("overdue alert for a deadline not in the schedule: " + alert);
                    }
                    latencies.add(Duration.between(clock.realDeadline(round), seen).toNanos() / 1e6);
                }
            }
            if (app.streams().failure().isDone()) {
                throw new IllegalStateException("the monitor failed", app.streams().failure().join());
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no ACKNOWLEDGEMENT_OVERDUE alert within 30 s of the last deadline");
        }
        Percentiles p = Percentiles.of(latencies);
        double margin = firstAlert == null ? 0
                : Duration.between(firstAlert, clock.realDeadline(0)).toMillis() / 1000.0;
        return new Results.Latency(complaints, rounds, latencies.size(), Results.round(p.p50(), 1),
                Results.round(p.p99(), 1), Results.round(p.max(), 1), margin);
    }
}
