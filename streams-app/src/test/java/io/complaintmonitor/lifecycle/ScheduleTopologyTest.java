package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.MonitorDriver.alert;
import static io.complaintmonitor.lifecycle.MonitorDriver.assertTimeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintKey;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.domain.complaint.Transition;
import io.complaintmonitor.ingest.EventAdapters;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.simulate.SimEvent;
import io.complaintmonitor.simulate.Simulation;
import io.complaintmonitor.simulate.SimulationSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The schedule store holds one entry per complaint with deadlines pending, at or before the
 * earliest of them: a deadline that moves later leaves the entry where it is, and judging the
 * complaint when it comes moves it on. Values stored by an earlier version had an entry per
 * deadline, and are moved to one entry the first time they are judged or change.
 */
class ScheduleTopologyTest extends MonitorDriverTest {

    @Test
    void shouldKeepOneEntryPerComplaintAtOrBeforeItsEarliestPendingDeadlineThroughASimulatedHalfYear() {
        LocalDate from = LocalDate.of(2025, 4, 1);
        SimulationSettings settings = SimulationSettings.builder().seed(9).homes(20_000).from(from)
                .to(LocalDate.of(2025, 10, 1)).build();
        LocalDate tickedTo = from;
        Instant clock = null;
        for (SimEvent sim : (Iterable<SimEvent>) () -> Simulation.iterator(settings)) {
            LocalDate day = sim.at().atZone(ZoneOffset.UTC).toLocalDate();
            if (day.isAfter(tickedTo)) {
                // Ticks at each day's start, so complaints are judged and moved on all along.
                clock = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                monitor.tick(clock);
                tickedTo = day;
            }
            monitor.pipe(sim.record());
        }
        Map<String, List<String>> entries = scheduleEntries();
        int withPending = 0;
        int early = 0;
        int withEntry = 0;
        KeyValueStore<String, TrackedComplaint> complaints = monitor.driver.getKeyValueStore(LifecycleTopology.STATE_STORE);
        try (KeyValueIterator<String, TrackedComplaint> it = complaints.all()) {
            while (it.hasNext()) {
                var e = it.next();
                TrackedComplaint tracked = e.value;
                if (tracked.wakeAt().equals(TrackedComplaint.NO_WAKE)) {
                    assertThat(tracked.scheduled()).as(e.key).isEmpty();
                    assertThat(entries).as(e.key).doesNotContainKey(e.key);
                    continue;
                }
                withEntry++;
                // Every entry is still to come: one at or before the clock would have been judged and moved.
                assertThat(tracked.wakeAt()).as(e.key).isAfter(clock);
                assertThat(entries.get(e.key)).as(e.key).containsExactly(ComplaintKeys.wake(tracked.wakeAt(), e.key));
                if (tracked.scheduled().isEmpty()) {
                    early++; // closed since: the entry wakes it once more, for nothing, and goes
                    continue;
                }
                withPending++;
                Instant earliest = tracked.scheduled().stream().map(Deadline::at).min(Comparator.naturalOrder())
                        .orElseThrow();
                assertThat(tracked.wakeAt()).as(e.key).isBeforeOrEqualTo(earliest);
                if (tracked.wakeAt().isBefore(earliest)) {
                    early++;
                }
            }
        }
        assertThat(withPending).as("complaints with deadlines pending").isGreaterThan(20);
        assertThat(early).as("entries left early by a deadline that moved later").isPositive();
        assertThat(entries.size()).isEqualTo(withEntry);
    }

    @Test
    void shouldLeaveTheEntryWhereItIsWhenADeadlineMovesLaterAndMoveItWhenItWakesTheComplaint() {
        TestOutputTopic<String, String> changelog = monitor.driver.createOutputTopic(
                monitor.config.applicationId() + "-" + LifecycleTopology.SCHEDULE_STORE + "-changelog",
                new StringDeserializer(), new StringDeserializer());
        String key = ComplaintKeys.of(new ComplaintKey("default", c1.ref));
        KeyValueStore<String, TrackedComplaint> complaints = monitor.driver.getKeyValueStore(LifecycleTopology.STATE_STORE);
        monitor.tick("2025-12-01T00:00:00Z");
        // Received Monday 1 December: acknowledgement due Monday 8 December, due soon from the Friday before.
        assertThat(monitor.send(c1.received("2025-12-01 10:15")).readAlerts()).isEmpty();
        Instant entry = complaints.get(key).wakeAt();
        changelog.readKeyValuesToList();

        // Acknowledged on the Tuesday: the next deadlines are the response's, weeks later.
        monitor.send(c1.acknowledged(1, "2025-12-02 09:00"));
        assertThat(changelog.readKeyValuesToList()).as("no schedule write").isEmpty();
        assertThat(complaints.get(key).wakeAt()).isEqualTo(entry);
        assertThat(scheduleEntries().get(key)).containsExactly(ComplaintKeys.wake(entry, key));

        // The entry wakes it for nothing, and moves on to the earliest deadline pending.
        assertThat(monitor.tick(entry.plusSeconds(1).toString()).readAlerts()).as("nothing due").isEmpty();
        TrackedComplaint moved = complaints.get(key);
        Instant earliest = moved.scheduled().stream().map(Deadline::at).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(moved.wakeAt()).isEqualTo(earliest);
        assertThat(scheduleEntries().get(key)).containsExactly(ComplaintKeys.wake(earliest, key));

        // And the response's deadlines are judged when due, as before: due soon, then overdue.
        assertThat(monitor.tick("2026-01-31T00:00:00Z").readAlerts()).extracting(BreachAlert::getKind)
                .containsExactly(AlertKind.RESPONSE_DUE_SOON, AlertKind.RESPONSE_OVERDUE);
    }

    @Test
    void shouldJudgeAComplaintStoredWithAnEntryPerDeadlineOnceAndMoveItToOneEntry() {
        // As an earlier version stored it: received Friday 19 December 2025, an entry per deadline.
        ComplaintRules rules = new ComplaintRules(BankHolidayCalendars.bundled("england-and-wales"));
        ComplaintEvent receipt = new EventAdapters("default").fromCrm(c1.received("2025-12-19 10:15"));
        Transition applied = rules.apply(null, receipt);
        assertThat(applied.deadlines()).as("deadlines pending").hasSizeGreaterThan(1);
        String key = ComplaintKeys.of(receipt.key());
        KeyValueStore<String, TrackedComplaint> complaints = monitor.driver.getKeyValueStore(LifecycleTopology.STATE_STORE);
        KeyValueStore<String, String> schedule = monitor.driver.getKeyValueStore(LifecycleTopology.SCHEDULE_STORE);
        complaints.put(key, new TrackedComplaint(applied.state(), applied.deadlines(), TrackedComplaint.NO_CLOCK, null));
        for (Deadline deadline : applied.deadlines()) {
            schedule.put(ComplaintKeys.schedule(deadline, key), key);
        }

        // Due soon Wednesday 24 December, overdue Wednesday 31 December: each raised once.
        assertTimeline(monitor.tick("2025-12-25T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_DUE_SOON, "2025-12-30", "2025-12-24T00:00:00Z"));
        assertThat(scheduleEntries().get(key)).as("moved to one entry").hasSize(1);
        assertTimeline(monitor.tick("2026-01-01T00:00:00Z").readAlerts()).containsExactly(
                alert(1, AlertKind.ACKNOWLEDGEMENT_OVERDUE, "2025-12-30", "2025-12-31T00:00:00Z"));
        assertThat(monitor.tick("2026-01-02T00:00:00Z").readAlerts()).isEmpty();
        TrackedComplaint now = complaints.get(key);
        assertThat(scheduleEntries().getOrDefault(key, List.of()))
                .containsExactlyElementsOf(now.scheduled().isEmpty() ? List.of()
                        : List.of(ComplaintKeys.wake(now.wakeAt(), key)));
    }

    @Test
    void shouldPutAComplaintTrackedBeforeTheClockStartsOnTheRecountListOnce() {
        TestOutputTopic<String, String> changelog = monitor.driver.createOutputTopic(
                monitor.config.applicationId() + "-" + LifecycleTopology.SCHEDULE_STORE + "-changelog",
                new StringDeserializer(), new StringDeserializer());
        var counts = monitor.driver.<String, Long>getKeyValueStore(LifecycleTopology.OPEN_COUNTS_STORE);
        String key = ComplaintKeys.of(new ComplaintKey("default", c1.ref));
        String recount = ComplaintKeys.recount(key);

        monitor.send(c1.received("2025-12-15 10:15"), c1.acknowledged(1, "2025-12-16 09:00"),
                c1.crm(CrmEventType.RESIDENT_UPDATED, "2025-12-17 09:00").build());

        assertThat(changelog.readKeyValuesToList()).filteredOn(kv -> kv.key.equals(recount))
                .as("one write of the recount entry for three events").hasSize(1);
        assertThat(counts.get("1|ON_TIME")).isEqualTo(1L);

        // The first tick counts it again at the clock, and takes the entry off the list.
        monitor.tick("2026-01-31T00:00:00Z");
        assertThat(counts.get("1|ON_TIME")).isZero();
        assertThat(counts.get("1|OVERDUE")).isEqualTo(1L);
        KeyValueStore<String, String> schedule = monitor.driver.getKeyValueStore(LifecycleTopology.SCHEDULE_STORE);
        assertThat(schedule.get(recount)).isNull();
    }

    /** The schedule store's entries by complaint key, recount entries left out. */
    private Map<String, List<String>> scheduleEntries() {
        Map<String, List<String>> out = new TreeMap<>();
        KeyValueStore<String, String> schedule = monitor.driver.getKeyValueStore(LifecycleTopology.SCHEDULE_STORE);
        try (KeyValueIterator<String, String> it = schedule.all()) {
            it.forEachRemaining(e -> {
                if (!e.key.equals(TrackingProcessor.CLOCK_KEY) && !ComplaintKeys.isRecount(e.key)) {
                    out.computeIfAbsent(e.value, k -> new ArrayList<>()).add(e.key);
                }
            });
        }
        return out;
    }
}
