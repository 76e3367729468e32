package io.complaintmonitor.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintEventValidator;
import io.complaintmonitor.ingest.EventAdapters;
import io.complaintmonitor.ingest.json.EventJsonCodec;
import io.complaintmonitor.ingest.json.JsonlLine;
import io.complaintmonitor.ingest.json.JsonlReader;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.simulate.SimEvent.Defect;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * --bad-ratio: about that share of the records is bad, and exactly those are refused, by the JSON
 * layer or the contract check the monitor and the audit apply (no broker needed for either).
 */
class BadRecordsTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    private static final EventAdapters ADAPTERS = new EventAdapters("default");

    @Test
    void shouldMakeAboutTheGivenShareOfRecordsBadWithEveryKindOfDefect() {
        List<SimEvent> events = Simulation.events(SimulationSettings.builder().seed(9).homes(100_000)
                .badRatio(0.01).build()).toList();
        long bad = events.stream().filter(SimEvent::isBad).count();
        assertThat((double) bad / events.size()).isBetween(0.008, 0.012);
        Map<Defect, Long> byDefect = events.stream().filter(SimEvent::isBad)
                .collect(Collectors.groupingBy(SimEvent::defect, () -> new EnumMap<>(Defect.class), Collectors.counting()));
        assertThat(byDefect.keySet()).containsExactlyInAnyOrder(Defect.BREAKS_CONTRACT, Defect.TRUNCATED,
                Defect.RENAMED_FIELD, Defect.NO_OFFSET);
        assertThat(events.stream().filter(SimEvent::isBad).map(SimEvent::id)).allMatch(id -> id.matches("[a-z]+-m\\d{6}"));
    }

    @Test
    void shouldHaveExactlyTheBadLinesRefusedByTheJsonLayerOrTheContract() {
        SimulationSettings settings = SimulationSettings.builder().seed(10).from(LocalDate.of(2025, 4, 1))
                .to(LocalDate.of(2025, 10, 1)).badRatio(0.03).landlords(2).build();
        List<SimEvent> events = Simulation.events(settings).toList();
        String jsonl = SimulationTest.jsonl(settings);
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isBad()) {
                expected.add(i + 1L);
            }
        }
        TreeSet<Long> refused = new TreeSet<>();
        try (var lines = new JsonlReader(new EventJsonCodec()).read(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "simulated")) {
            lines.forEach(line -> {
                if (line instanceof JsonlLine.Rejected rejected) {
                    refused.add(rejected.line());
                } else {
                    JsonlLine.Parsed parsed = (JsonlLine.Parsed) line;
                    Optional<ComplaintEvent> event = adapt(parsed.record().record());
                    if (event.isPresent() && !ComplaintEventValidator.validate(event.get(), CALENDAR).isEmpty()) {
                        refused.add(parsed.line());
                    }
                }
            });
        }
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(refused).isEqualTo(expected);
    }

    private static Optional<ComplaintEvent> adapt(Object record) {
        if (record instanceof CrmCaseEvent crm) {
            return Optional.of(ADAPTERS.fromCrm(crm));
        }
        if (record instanceof ContractorComplaintUpdate update) {
            return Optional.of(ADAPTERS.fromContractor(update));
        }
        return ADAPTERS.fromWebForm((WebFormSubmission) record);
    }
}
