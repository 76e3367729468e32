package io.complaintmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.ConfigKey;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event already in its complaint's partition is tracked at once; any other takes the
 * complaint-events hop. The test driver runs one task (partition 0): with one partition every
 * complaint is owned there, with four about three in four are not, and those all take the hop.
 * Which way an event goes must change nothing the monitor says.
 */
class ComplaintRoutingTopologyTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2025, 10, 1);

    @TempDir
    Path stateDir;

    @Test
    void shouldTrackTheSameWhetherEventsAreInTheirComplaintsPartitionOrTakeTheHop() {
        SimulationSettings settings = SimulationSettings.builder().seed(5).homes(20_000).from(FROM).to(TO).build();
        try (MonitorDriver direct = MonitorDriver.start(stateDir.resolve("one"));
                MonitorDriver hopping = MonitorDriver.start(stateDir.resolve("four"),
                        Map.of(ConfigKey.TOPIC_PARTITIONS, "4"))) {
            List<Object> records = new ArrayList<>();
            for (SimEvent sim : (Iterable<SimEvent>) () -> Simulation.iterator(settings)) {
                records.add(sim.record());
            }
            for (MonitorDriver monitor : List.of(direct, hopping)) {
                monitor.send(records.toArray()).tick(TO.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
            }

            double tracked = total(direct, LifecycleTopology.TRACKED_METRIC);
            assertThat(tracked).as("events tracked").isGreaterThan(1_000);
            assertThat(total(hopping, LifecycleTopology.TRACKED_METRIC)).isEqualTo(tracked);
            assertThat(total(direct, LifecycleTopology.REROUTED_METRIC)).as("one partition: none moved").isZero();
            // Four partitions, one task: the events of complaints owned by partitions 1 to 3 took the hop.
            assertThat(total(hopping, LifecycleTopology.REROUTED_METRIC) / tracked).as("share moved")
                    .isBetween(0.6, 0.9);

            List<BreachAlert> alerts = sorted(direct.readAlerts());
            assertThat(alerts).as("alerts raised").hasSizeGreaterThan(50);
            assertThat(sorted(hopping.readAlerts())).isEqualTo(alerts);
            assertThat(contents(hopping, LifecycleTopology.STATE_STORE))
                    .isEqualTo(contents(direct, LifecycleTopology.STATE_STORE));
            assertThat(contents(hopping, LifecycleTopology.OPEN_COUNTS_STORE))
                    .isEqualTo(contents(direct, LifecycleTopology.OPEN_COUNTS_STORE));
        }
    }

    private static double total(MonitorDriver monitor, String metric) {
        return monitor.meters.find(metric).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static List<BreachAlert> sorted(List<BreachAlert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(BreachAlert::getAlertId)).toList();
    }

    private static Map<String, Object> contents(MonitorDriver monitor, String store) {
        Map<String, Object> out = new TreeMap<>();
        KeyValueStore<String, Object> kv = monitor.driver.getKeyValueStore(store);
        try (KeyValueIterator<String, Object> it = kv.all()) {
            it.forEachRemaining(e -> out.put(e.key, e.value));
        }
        return out;
    }
}
