package io.complaintmonitor.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** The bundled England and Wales bank holidays as a plain set: the reference the properties check against. */
final class HolidayList {

    static final Set<LocalDate> ENGLAND_AND_WALES = load();

    private HolidayList() {
    }

    private static Set<LocalDate> load() {
        try (InputStream in = HolidayList.class.getResourceAsStream(
                "/calendars/bank-holidays-england-and-wales-2018-2027.json")) {
            Set<LocalDate> dates = new HashSet<>();
            for (JsonNode event : new ObjectMapper().readTree(in).path("england-and-wales").path("events")) {
                dates.add(LocalDate.parse(event.path("date").asText()));
            }
            return Set.copyOf(dates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
