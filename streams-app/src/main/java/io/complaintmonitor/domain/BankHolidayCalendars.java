package io.complaintmonitor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads working-day calendars from gov.uk's {@code bank-holidays.json} format:
 * {@code {"england-and-wales": {"division": ..., "events": [{"date": "2025-12-25", ...}]}, ...}}.
 */
public final class BankHolidayCalendars {

    public static final String ENGLAND_AND_WALES = "england-and-wales";
    public static final List<String> DIVISIONS = List.of(ENGLAND_AND_WALES, "scotland", "northern-ireland");

    private static final String BUNDLED = "/calendars/bank-holidays-england-and-wales-2018-2027.json";

    private BankHolidayCalendars() {
    }

    /** The calendar shipped with the monitor: England and Wales, 2018 to 2027. */
    public static WorkingDayCalendar bundled(String division) {
        try (InputStream in = BankHolidayCalendars.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled calendar " + BUNDLED + " is missing from the jar");
            }
            return parse(in, division, "the bundled calendar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calendar for {@code division} from a gov.uk-format file. */
    public static WorkingDayCalendar fromFile(Path file, String division) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, division, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read calendar file " + file + ": " + e.getMessage(), e);
        }
    }

    static WorkingDayCalendar parse(InputStream in, String division, String origin) throws IOException {
        String wanted = division.toLowerCase(Locale.ROOT);
        if (!DIVISIONS.contains(wanted)) {
            throw new IllegalArgumentException("unknown calendar division '" + division + "': use one of " + DIVISIONS);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode events = root == null ? null : root.path(wanted).path("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException(origin + " has no bank holidays for division '" + wanted
                    + "' (expected gov.uk bank-holidays.json format with \"" + wanted + "\": {\"events\": [...]})");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode event : events) {
            String text = event.path("date").asText("");
            try {
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(origin + ": bank holiday date '" + text + "' is not yyyy-MM-dd", e);
            }
        }
        int first = dates.stream().mapToInt(LocalDate::getYear).min().orElseThrow();
        int last = dates.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        return WorkingDayCalendar.of(wanted, dates, first, last);
    }
}
