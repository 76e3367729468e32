package io.complaintmonitor.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.simulate.sink.JsonlEventSink;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's promises that do not need a large sample: reproducible, ordered, unique, cut at --to. */
class SimulationTest {

    private static final LocalDate FROM = LocalDate.of(2025, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 1);

    private static SimulationSettings.Builder quarter(long seed) {
        return SimulationSettings.builder().seed(seed).from(FROM).to(TO);
    }

    static String jsonl(SimulationSettings settings) {
        StringWriter out = new StringWriter();
        try (JsonlEventSink sink = new JsonlEventSink(out)) {
            Simulation.events(settings).forEach(event -> {
                try {
                    sink.write(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void shouldWriteTheSameBytesWhenSeedAndSettingsAreTheSame() {
        SimulationSettings settings = quarter(42).badRatio(0.02).landlords(3)
                .incidents(Incident.defaults(FROM, TO)).build();
        String first = jsonl(settings);
        assertThat(first).hasSizeGreaterThan(100_000);
        assertThat(jsonl(settings.toBuilder().build())).isEqualTo(first);
    }

    @Test
    void shouldWriteSomethingElseWhenTheSeedDiffers() {
        String one = jsonl(quarter(1).build());
        String two = jsonl(quarter(2).build());
        assertThat(two).isNotEqualTo(one);
        // Not just shifted ids: the complaints themselves differ.
        assertThat(Simulation.complaints(quarter(1).build()).toList())
                .isNotEqualTo(Simulation.complaints(quarter(2).build()).toList());
    }

    @Test
    void shouldReleaseEventsInTimeOrderWithUniqueIdsPerSourceAndNothingFromToOnwards() {
        List<SimEvent> events = Simulation.events(quarter(3).badRatio(0.01).build()).toList();
        Instant end = LondonTime.startOf(TO);
        Map<Source, Set<String>> ids = new EnumMap<>(Source.class);
        Instant previous = Instant.MIN;
        for (SimEvent event : events) {
            assertThat(event.at()).as("event %s", event.id()).isAfterOrEqualTo(previous).isBefore(end)
                    .isAfterOrEqualTo(LondonTime.startOf(FROM));
            previous = event.at();
            assertThat(ids.computeIfAbsent(event.source(), s -> new HashSet<>()).add(event.id()))
                    .as("id %s is unique in %s", event.id(), event.source()).isTrue();
        }
        assertThat(ids.keySet()).containsExactlyInAnyOrder(Source.values());
    }

    @Test
    void shouldStartEveryComplaintWithAReceiptAndNeverRepeatAnInstantWithinOne() {
        Map<String, Instant> lastOf = new HashMap<>();
        for (SimEvent event : Simulation.events(quarter(4).build()).toList()) {
            String ref = event.complaintRef();
            if (ref == null) {
                assertThat(((WebFormSubmission) event.record()).getFormType().name()).isEqualTo("SURVEY_FEEDBACK");
                continue;
            }
            Instant last = lastOf.put(ref, event.at());
            if (last == null) {
                assertThat(event.record().toString()).as("first event of %s", ref)
                        .containsAnyOf("\"type\": \"RECEIVED\"", "\"formType\": \"COMPLAINT\"");
            } else {
                assertThat(event.at()).as("events of %s", ref).isAfter(last);
            }
        }
    }

    @Test
    void shouldLeaveTheGoodRecordsAsTheyWereWhenBadOnesAreAdded() {
        String clean = jsonl(quarter(5).build());
        String withBad = jsonl(quarter(5).badRatio(0.05).build());
        StringBuilder good = new StringBuilder();
        withBad.lines().filter(line -> !line.matches(".*\"(eventId|updateId|submissionId)\":\"[a-z]+-m\\d+\".*"))
                .forEach(line -> good.append(line).append('\n'));
        assertThat(good.toString()).isEqualTo(clean);
        assertThat(withBad.length()).isGreaterThan(clean.length());
    }

    @Test
    void shouldNameTheLandlordsAndShareTheHomesWhenThereAreSeveral() {
        SimulationSettings settings = quarter(6).homes(30_001).landlords(3).build();
        assertThat(settings.landlordIds()).containsExactly("LL-1", "LL-2", "LL-3");
        assertThat(settings.homesOf(0) + settings.homesOf(1) + settings.homesOf(2)).isEqualTo(30_001);
        assertThat(Simulation.complaints(settings).map(SimulatedComplaint::landlordId).distinct().sorted().toList())
                .containsExactly("LL-1", "LL-2", "LL-3");
        assertThat(quarter(6).build().landlordIds()).containsExactly((String) null);
    }
}
