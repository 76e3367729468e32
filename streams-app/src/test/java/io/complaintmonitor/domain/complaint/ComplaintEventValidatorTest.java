package io.complaintmonitor.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.BankHolidayCalendars;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input contract: every broken record gets a reason precise enough to act on. */
class ComplaintEventValidatorTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidayCalendars.bundled("england-and-wales");
    private static final Instant AT = Instant.parse("2025-12-19T10:00:00Z");

    private static ComplaintEvent.Builder crm(EventType type) {
        return ComplaintEvent.builder(Source.CRM, "e1", type).landlordId("L").complaintRef("R").occurredAt(AT);
    }

    private static List<ContractViolation> violations(ComplaintEvent.Builder event) {
        return ComplaintEventValidator.validate(event.build(), CALENDAR);
    }

    @Test
    void shouldAcceptAWellFormedEventOfEachSource() {
        assertThat(violations(crm(EventType.RECEIVED).category("REPAIRS"))).isEmpty();
        assertThat(violations(crm(EventType.EXTENSION_AGREED).stage(1).newDueDate(LocalDate.of(2025, 12, 19))
                .updateIntervalWorkingDays(5))).isEmpty();
        assertThat(violations(crm(EventType.RESPONSE_ISSUED).stage(2).remedyAmountPence(0L))).isEmpty();
        assertThat(violations(crm(EventType.ACKNOWLEDGED).source(Source.CONTRACTOR).stage(1).contractorId("C")))
                .isEmpty();
        assertThat(violations(crm(EventType.ESCALATION_REQUESTED).source(Source.WEBFORM))).isEmpty();
    }

    @Test
    void shouldNameEachMissingRequiredFieldInItsSourcesWords() {
        ComplaintEvent.Builder empty = ComplaintEvent.builder(Source.WEBFORM, " ", null);

        assertThat(violations(empty)).extracting(ContractViolation::reason, ContractViolation::field)
                .containsExactlyInAnyOrder(
                        tuple(ContractViolation.Reason.MISSING_FIELD, "submissionId"),
                        tuple(ContractViolation.Reason.MISSING_FIELD, "landlordId"),
                        tuple(ContractViolation.Reason.MISSING_FIELD, "complaintRef"),
                        tuple(ContractViolation.Reason.MISSING_FIELD, "submittedAt"),
                        tuple(ContractViolation.Reason.MISSING_FIELD, "formType"));
        assertThat(violations(crm(EventType.RECEIVED).source(Source.CONTRACTOR).eventId(null)))
                .extracting(ContractViolation::field).containsExactlyInAnyOrder("updateId", "contractorId");
        assertThat(violations(crm(EventType.RECEIVED).source(null)))
                .extracting(ContractViolation::field).containsExactly("source");
    }

    @Test
    void shouldRejectAStageOtherThan1Or2() {
        assertThat(violations(crm(EventType.ACKNOWLEDGED).stage(3))).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ContractViolation.Reason.STAGE_OUT_OF_RANGE);
            assertThat(v.message()).isEqualTo("stage must be 1 or 2, was 3");
        });
        assertThat(violations(crm(EventType.CLOSED).stage(0))).extracting(ContractViolation::reason)
                .containsExactly(ContractViolation.Reason.STAGE_OUT_OF_RANGE);
    }

    @Test
    void shouldRequireAStageWhereTheTypeNeedsOne() {
        for (EventType type : List.of(EventType.ACKNOWLEDGED, EventType.EXTENSION_AGREED, EventType.RESPONSE_ISSUED,
                EventType.RESIDENT_UPDATED)) {
            assertThat(violations(crm(type).newDueDate(LocalDate.of(2026, 1, 5))))
                    .as(type.name()).extracting(ContractViolation::reason)
                    .containsExactly(ContractViolation.Reason.STAGE_REQUIRED);
        }
        assertThat(violations(crm(EventType.REFUSED))).isEmpty();
        assertThat(violations(crm(EventType.RECEIVED))).isEmpty();
    }

    @Test
    void shouldRejectANewDueDateBeforeTheExtensionsOwnLondonDate() {
        // 23:30 UTC on 12 June 2025 is 13 June in London: a new due date of 12 June is in the past.
        ComplaintEvent.Builder late = crm(EventType.EXTENSION_AGREED).stage(1)
                .occurredAt(Instant.parse("2025-06-12T23:30:00Z")).newDueDate(LocalDate.of(2025, 6, 12));

        assertThat(violations(late)).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ContractViolation.Reason.DUE_DATE_BEFORE_EVENT);
            assertThat(v.field()).isEqualTo("newDueDate");
            assertThat(v.message()).contains("2025-06-12", "2025-06-13");
        });
        assertThat(violations(crm(EventType.EXTENSION_AGREED).stage(1))).extracting(ContractViolation::field)
                .containsExactly("newDueDate");
    }

    @Test
    void shouldRejectAnIntervalBelowOneWorkingDayAndANegativeRemedy() {
        assertThat(violations(crm(EventType.EXTENSION_AGREED).stage(1).newDueDate(LocalDate.of(2026, 1, 5))
                .updateIntervalWorkingDays(-1))).extracting(ContractViolation::reason)
                .containsExactly(ContractViolation.Reason.INTERVAL_NOT_POSITIVE);
        assertThat(violations(crm(EventType.EXTENSION_AGREED).stage(1).newDueDate(LocalDate.of(2026, 1, 5))
                .updateIntervalWorkingDays(0))).extracting(ContractViolation::reason)
                .containsExactly(ContractViolation.Reason.INTERVAL_NOT_POSITIVE);
        assertThat(violations(crm(EventType.RESPONSE_ISSUED).stage(1).remedyAmountPence(-100L)))
                .extracting(ContractViolation::reason).containsExactly(ContractViolation.Reason.NEGATIVE_AMOUNT);
    }

    @Test
    void shouldRejectATypeTheSourceDoesNotSend() {
        assertThat(violations(crm(EventType.REFUSED).source(Source.CONTRACTOR).contractorId("C")))
                .singleElement().satisfies(v -> {
                    assertThat(v.reason()).isEqualTo(ContractViolation.Reason.TYPE_NOT_SENT_BY_SOURCE);
                    assertThat(v.message()).isEqualTo("REFUSED is not an event the CONTRACTOR source sends");
                });
        assertThat(violations(crm(EventType.ACKNOWLEDGED).source(Source.WEBFORM).stage(1)))
                .extracting(ContractViolation::reason).containsExactly(ContractViolation.Reason.TYPE_NOT_SENT_BY_SOURCE);
    }

    @Test
    void shouldRejectDatesOutsideTheCalendarSoTheRulesNeverMeetThem() {
        assertThat(violations(crm(EventType.RECEIVED).occurredAt(Instant.parse("2017-06-01T10:00:00Z"))))
                .extracting(ContractViolation::reason, ContractViolation::field)
                .containsExactly(tuple(ContractViolation.Reason.OUTSIDE_CALENDAR, "occurredAt"));
        assertThat(violations(crm(EventType.EXTENSION_AGREED).stage(1).newDueDate(LocalDate.of(2028, 1, 4))))
                .extracting(ContractViolation::reason, ContractViolation::field)
                .containsExactly(tuple(ContractViolation.Reason.OUTSIDE_CALENDAR, "newDueDate"));
        // Without a calendar only the contract is checked.
        assertThat(ComplaintEventValidator.validate(crm(EventType.RECEIVED)
                .occurredAt(Instant.parse("2017-06-01T10:00:00Z")).build())).isEmpty();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
