package io.complaintmonitor.domain.complaint;

import static io.complaintmonitor.domain.complaint.Scenario.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Code 5.9: once an extension agrees an update interval of k working days, the resident is
 * contacted at least every k working days until the response. Here: received Monday 2 February
 * 2026, acknowledged Tuesday 3 February, extended on Thursday 12 February to Tuesday 3 March with
 * k = 3, so the first contact is due by Tuesday 17 February.
 */
class KeepingInformedRulesTest {

    private static Scenario extendedWithInterval3() {
        return new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-03", 3);
    }

    @Test
    void code5_9_shouldRaiseResidentUpdateOverdueWhenTheKthWorkingDayEndsWithoutContact() {
        Scenario s = extendedWithInterval3().advanceTo(Instant.parse("2026-02-17T23:59:59Z"));
        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).isEmpty();

        s.advanceTo(Instant.parse("2026-02-18T00:00:00Z"));
        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).singleElement().satisfies(a -> {
            assertThat(a.stage()).isEqualTo(1);
            assertThat(a.dueDate()).isEqualTo(date("2026-02-17"));
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-02-18T00:00:00Z"));
        });
    }

    @Test
    void code5_9_shouldRaiseAgainForEachMissedInterval() {
        // Missed 17 February, then 20 February (3 working days on), then 25 February.
        Scenario s = extendedWithInterval3().advanceTo("2026-02-26 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-17"), date("2026-02-20"), date("2026-02-25"));
        assertThat(s.deadlines).contains(new Deadline(Instant.parse("2026-03-03T00:00:00Z"),
                AlertType.RESIDENT_UPDATE_OVERDUE, 1, date("2026-03-02")));
    }

    @Test
    void code5_9_shouldRestartTheIntervalFromEachContact() {
        // Updated on Tuesday 17 February (the last allowed day): next due Friday 20 February.
        Scenario s = extendedWithInterval3()
                .updated(1, "2026-02-17 16:00")
                .advanceTo("2026-02-21 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-20"));
    }

    @Test
    void code5_9_shouldStopWithTheResponse() {
        Scenario s = extendedWithInterval3()
                .updated(1, "2026-02-17 16:00")
                .responded(1, "2026-02-20 11:00")
                .advanceTo("2026-04-01 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).isEmpty();
        assertThat(s.deadlines).isEmpty();
    }

    @Test
    void code5_9_shouldCountALaterExtensionAsContactAndUseTheIntervalItAgrees() {
        // Extended again on Monday 16 February with k = 5: next contact due Monday 23 February.
        Scenario s = extendedWithInterval3()
                .extended(1, "2026-02-16 10:00", "2026-03-03", 5)
                .advanceTo("2026-02-24 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-23"));
    }

    @Test
    void code5_9_shouldNotCountContactAboutTheOtherStage() {
        Scenario s = extendedWithInterval3()
                .updated(2, "2026-02-16 10:00")
                .advanceTo("2026-02-18 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE, 1)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-17"));
    }

    @Test
    void code5_9_shouldKeepTheAgreedIntervalWhenALaterExtensionStatesNone() {
        // Extended again on Monday 16 February without an interval: contact, and k stays 3, so the
        // next contact is due by Thursday 19 February.
        Scenario s = extendedWithInterval3()
                .extended(1, "2026-02-16 10:00", "2026-03-03")
                .advanceTo("2026-02-20 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).extracting(Alert::dueDate)
                .containsExactly(date("2026-02-19"));
    }

    @Test
    void code5_9_shouldAskForNoUpdatesWithoutAnAgreedInterval() {
        Scenario s = new Scenario().received("2026-02-02 09:00")
                .acknowledged(1, "2026-02-03 10:00")
                .extended(1, "2026-02-12 10:00", "2026-03-03")
                .advanceTo("2026-03-03 00:00");

        assertThat(s.alerts(AlertType.RESIDENT_UPDATE_OVERDUE)).isEmpty();
    }
}
