package io.complaintmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankHolidayCalendarsTest {

    @TempDir
    Path dir;

    @Test
    void shouldCoverTheYearsOfTheBundledFile() {
        WorkingDayCalendar calendar = BankHolidayCalendars.bundled("england-and-wales");
        assertThat(calendar.firstYear()).isEqualTo(2018);
        assertThat(calendar.lastYear()).isEqualTo(2027);
        assertThat(calendar.division()).isEqualTo("england-and-wales");
    }

    @Test
    void shouldReadAScotlandDivisionFromAGovUkFile() throws IOException {
        Path file = dir.resolve("bank-holidays.json");
        Files.writeString(file, """
                {"england-and-wales": {"division": "england-and-wales", "events": [{"title": "x", "date": "2025-12-25"}]},
                 "scotland": {"division": "scotland", "events": [
                    {"title": "2nd January", "date": "2025-01-02"}, {"title": "St Andrew's Day", "date": "2025-12-01"}]}}
                """);
        WorkingDayCalendar scotland = BankHolidayCalendars.fromFile(file, "scotland");
        assertThat(scotland.isWorkingDay(LocalDate.of(2025, 1, 2))).isFalse();
        assertThat(scotland.isWorkingDay(LocalDate.of(2025, 12, 25))).isTrue();
        assertThat(scotland.firstYear()).isEqualTo(2025);
    }

    @Test
    void shouldSayWhichDivisionIsMissingWhenTheBundledFileLacksIt() {
        assertThatThrownBy(() -> BankHolidayCalendars.bundled("scotland"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bank holidays for division 'scotland'");
    }

    @Test
    void shouldNameTheValidDivisionsWhenGivenAnUnknownOne() {
        assertThatThrownBy(() -> BankHolidayCalendars.bundled("wales"))
                .hasMessageContaining("unknown calendar division 'wales'")
                .hasMessageContaining("england-and-wales");
    }

    @Test
    void shouldExplainABadDateInACalendarFile() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"england-and-wales\": {\"events\": [{\"date\": \"25/12/2025\"}]}}");
        assertThatThrownBy(() -> BankHolidayCalendars.fromFile(file, "england-and-wales"))
                .hasMessageContaining("'25/12/2025' is not yyyy-MM-dd");
    }

    @Test
    void shouldExplainAFileThatIsNotJson() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> BankHolidayCalendars.fromFile(file, "england-and-wales"))
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void shouldExplainAMissingFile() {
        assertThatThrownBy(() -> BankHolidayCalendars.fromFile(dir.resolve("absent.json"), "england-and-wales"))
                .hasMessageContaining("cannot read calendar file");
    }
}
