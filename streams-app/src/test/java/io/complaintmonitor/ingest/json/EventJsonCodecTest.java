package io.complaintmonitor.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.AlertKind;
import io.complaintmonitor.schema.BreachAlert;
import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.PreferredContact;
import io.complaintmonitor.schema.ResponseOutcome;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventJsonCodec codec = new EventJsonCodec();

    static Stream<Arguments> everyFieldOfEachSource() {
        return Stream.of(
                Arguments.of(EventJsonExamples.CRM_ALL_FIELDS, CrmCaseEvent.newBuilder()
                        .setEventId("crm-000123").setComplaintRef("CMP-2025-0042")
                        .setType(CrmEventType.EXTENSION_AGREED).setStage(1)
                        .setOccurredAt(Instant.parse("2025-12-19T10:15:00Z"))
                        .setCategory("DAMP_AND_MOULD").setChannel(ContactChannel.PHONE)
                        .setDefinitionRecorded(true).setNewDueDate(LocalDate.of(2026, 1, 16))
                        .setExtensionReason("SPECIALIST_SURVEY").setUpdateIntervalWorkingDays(5)
                        .setOutcome(ResponseOutcome.PARTLY_UPHELD).setRemedyAmountPence(15000L)
                        .setRefusalReason("OUTSIDE_TIME_LIMIT").setHandlingTeam("repairs-north")
                        .setReasonableAdjustments(true).setLandlordId("riverside-homes")
                        .build()),
                Arguments.of(EventJsonExamples.CONTRACTOR_ALL_FIELDS, ContractorComplaintUpdate.newBuilder()
                        .setUpdateId("ctr-7781").setContractorId("acme-repairs").setComplaintRef("CMP-2025-0042")
                        .setLandlordId("riverside-homes").setType(ContractorUpdateType.RESPONSE_ISSUED).setStage(2)
                        .setOccurredAt(Instant.parse("2026-02-03T16:45:30.250Z")).setCategory("REPAIRS")
                        .setDefinitionRecorded(false).setNewDueDate(LocalDate.of(2026, 2, 27))
                        .setExtensionReason("PARTS_ON_ORDER").setUpdateIntervalWorkingDays(10)
                        .setOutcome(ResponseOutcome.UPHELD)
                        .build()),
                Arguments.of(EventJsonExamples.WEBFORM_ALL_FIELDS, WebFormSubmission.newBuilder()
                        .setSubmissionId("web-55012").setSubmittedAt(Instant.parse("2025-12-20T08:02:11Z"))
                        .setFormType(WebFormType.COMPLAINT).setComplaintRef("CMP-2025-0043")
                        .setLandlordId("riverside-homes").setCategory("ASB").setDesiredOutcomeGiven(true)
                        .setReasonableAdjustmentsRequested(false).setPreferredContact(PreferredContact.TEXT)
                        .build()));
    }

    @ParameterizedTest
    @MethodSource("everyFieldOfEachSource")
    void shouldRoundTripEveryFieldWhenJsonGoesToAvroAndBack(String json, SpecificRecord expected) throws Exception {
        JsonNode input = MAPPER.readTree(json);
        // The example must name every field of the schema, or "every field" is not what it tests.
        assertThat(fieldNames(input)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("source"), expected.getSchema().getFields().stream().map(Schema.Field::name))
                        .toList());

        SourcedRecord parsed = valid(codec.parse(null, input));

        assertThat(parsed.source()).isEqualTo(EventJsonCodec.sourceOf(expected));
        assertThat(parsed.record()).isInstanceOf(expected.getClass()).isEqualTo(expected);
        // Text equality also pins the order: source, then the schema's field order.
        assertThat(codec.toJsonLine(parsed.record())).isEqualTo(json);
        assertThat(MAPPER.readTree(codec.toJsonLine(parsed.record()))).isEqualTo(input);
    }

    @Test
    void shouldWriteSourceFirstThenFieldsInSchemaOrderWithoutNullsWhenRecordHasOptionalFieldsUnset() {
        CrmCaseEvent event = CrmCaseEvent.newBuilder().setEventId("e1").setComplaintRef("C1")
                .setType(CrmEventType.RECEIVED).setOccurredAt(Instant.parse("2025-12-19T10:15:00Z")).build();

        assertThat(codec.toJsonLine(event)).isEqualTo(EventJsonExamples.CRM_RECEIVED);
    }

    @Test
    void shouldAcceptAbsentAndNullOptionalFieldsAlikeWhenParsing() throws Exception {
        SourcedRecord absent = valid(codec.parse(null, MAPPER.readTree(EventJsonExamples.CRM_RECEIVED)));
        SourcedRecord nulls = valid(codec.parse(null, with(EventJsonExamples.CRM_RECEIVED,
                "stage", "null", "channel", "null", "newDueDate", "null", "landlordId", "null")));

        assertThat(nulls.record()).isEqualTo(absent.record());
        assertThat(((CrmCaseEvent) absent.record()).getStage()).isNull();
    }

    @Test
    void shouldTakeTheSourceFromTheCallerWhenTheObjectHasNone() throws Exception {
        ObjectNode object = (ObjectNode) MAPPER.readTree(EventJsonExamples.WEBFORM_ALL_FIELDS);
        object.remove("source");

        assertThat(valid(codec.parse("webform", object)).source()).isEqualTo(Source.WEBFORM);
        assertThat(valid(codec.parse("webform", MAPPER.readTree(EventJsonExamples.WEBFORM_ALL_FIELDS))).source())
                .isEqualTo(Source.WEBFORM);
    }

    @Test
    void shouldConvertOffsetInstantsToTheSameInstantInUtcWhenClocksChange() throws Exception {
        // 01:30 on 30 March 2025 does not exist in London; with its offset the instant is exact.
        assertThat(occurredAt("2025-03-30T01:30:00+01:00")).isEqualTo(Instant.parse("2025-03-30T00:30:00Z"));
        // 01:30 on 26 October 2025 happens twice in London; the offset says which.
        assertThat(occurredAt("2025-10-26T01:30:00+01:00")).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(occurredAt("2025-10-26T01:30:00+00:00")).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        assertThat(occurredAt("2025-12-19T10:15:00-05:00")).isEqualTo(Instant.parse("2025-12-19T15:15:00Z"));

        CrmCaseEvent event = (CrmCaseEvent) valid(codec.parse(null,
                with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "\"2025-03-30T01:30:00+01:00\""))).record();
        assertThat(codec.toJson(event).get("occurredAt").textValue()).isEqualTo("2025-03-30T00:30:00Z");
    }

    @Test
    void shouldKeepMillisecondsAndDropFinerFractionsWhenInstantIsMorePrecise() throws Exception {
        assertThat(occurredAt("2025-12-19T10:15:00.123Z")).isEqualTo(Instant.parse("2025-12-19T10:15:00.123Z"));
        assertThat(occurredAt("2025-12-19T10:15:00.123456Z")).isEqualTo(Instant.parse("2025-12-19T10:15:00.123Z"));
    }

    @Test
    void shouldLeaveContractRulesToLaterWhenTypesAreRight() throws Exception {
        // Stage 3 and a missing stage on ACKNOWLEDGED are contract breaches, judged downstream.
        CrmCaseEvent event = (CrmCaseEvent) valid(codec.parse(null, with(EventJsonExamples.CRM_RECEIVED,
                "stage", "3", "type", "\"ACKNOWLEDGED\""))).record();
        assertThat(event.getStage()).isEqualTo(3);
    }

    @Test
    void shouldAcceptALongBeyondTheIntRangeWhenTheFieldIsLong() throws Exception {
        CrmCaseEvent event = (CrmCaseEvent) valid(codec.parse(null,
                with(EventJsonExamples.CRM_RECEIVED, "remedyAmountPence", "3000000000"))).record();
        assertThat(event.getRemedyAmountPence()).isEqualTo(3_000_000_000L);
    }

    // --- errors, one kind each, with the exact message ---

    @Test
    void shouldRejectWhenSourceIsUnknown() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "source", "\"erp\"")))
                .containsExactly("source: unknown source \"erp\"; expected one of crm, contractor, webform");
        assertThat(errors("erp", MAPPER.readTree(EventJsonExamples.CRM_RECEIVED)))
                .containsExactly("source: unknown source \"erp\"; expected one of crm, contractor, webform");
    }

    @Test
    void shouldRejectWhenNeitherObjectNorCallerNamesTheSource() throws Exception {
        ObjectNode object = (ObjectNode) MAPPER.readTree(EventJsonExamples.CRM_RECEIVED);
        object.remove("source");
        assertThat(errors(null, object))
                .containsExactly("source: required field is missing; expected one of crm, contractor, webform");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "source", "null")))
                .containsExactly("source: required field is missing; expected one of crm, contractor, webform");
    }

    @Test
    void shouldRejectWhenSourceIsNotAString() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "source", "1")))
                .containsExactly("source: expected a string, one of crm, contractor, webform, got 1");
    }

    @Test
    void shouldRejectWhenObjectAndCallerDisagreeOnTheSource() throws Exception {
        assertThat(errors("contractor", MAPPER.readTree(EventJsonExamples.CRM_RECEIVED)))
                .containsExactly("source: is \"crm\" but the record was submitted as \"contractor\"");
    }

    @Test
    void shouldRejectWhenRequiredFieldIsMissingOrNull() throws Exception {
        ObjectNode object = (ObjectNode) MAPPER.readTree(EventJsonExamples.CRM_RECEIVED);
        object.remove("complaintRef");
        assertThat(errors(null, object)).containsExactly("complaintRef: required field is missing");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "null")))
                .containsExactly("occurredAt: required field must not be null");
    }

    @Test
    void shouldRejectWhenJsonTypeIsWrong() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "complaintRef", "42")))
                .containsExactly("complaintRef: expected a string, got 42");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "stage", "\"1\"")))
                .containsExactly("stage: expected an integer, got \"1\"");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "stage", "1.0")))
                .containsExactly("stage: expected an integer, got 1.0");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "stage", "3000000000")))
                .containsExactly("stage: expected an integer from -2147483648 to 2147483647, got 3000000000");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "remedyAmountPence", "150.5")))
                .containsExactly("remedyAmountPence: expected an integer, got 150.5");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "definitionRecorded", "\"true\"")))
                .containsExactly("definitionRecorded: expected true or false, got \"true\"");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "handlingTeam", "{\"name\":\"x\"}")))
                .containsExactly("handlingTeam: expected a string, got an object");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "category", "[\"ASB\"]")))
                .containsExactly("category: expected a string, got an array");
    }

    @Test
    void shouldRejectAndListTheSymbolsWhenEnumSymbolIsUnknown() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "type", "\"RECIEVED\"")))
                .containsExactly("type: unknown symbol \"RECIEVED\"; expected one of RECEIVED, ACKNOWLEDGED, "
                        + "EXTENSION_AGREED, RESPONSE_ISSUED, ESCALATION_REQUESTED, RESIDENT_UPDATED, REFUSED, "
                        + "WITHDRAWN, CLOSED, OMBUDSMAN_REFERRED, OMBUDSMAN_DETERMINED");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "channel", "\"phone\"")))
                .containsExactly("channel: unknown symbol \"phone\"; expected one of PHONE, EMAIL, WEB_FORM, "
                        + "LETTER, IN_PERSON, SOCIAL_MEDIA");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "outcome", "2")))
                .containsExactly("outcome: expected a string, one of UPHELD, PARTLY_UPHELD, NOT_UPHELD, got 2");
    }

    @Test
    void shouldRejectTheReadersDefaultSymbolWhenASenderWritesIt() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "outcome", "\"UNKNOWN\"")))
                .containsExactly("outcome: \"UNKNOWN\" is only a reader's stand-in for symbols added later; "
                        + "expected one of UPHELD, PARTLY_UPHELD, NOT_UPHELD");
    }

    @Test
    void shouldRejectWhenInstantHasNoOffsetOrIsNotIso() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "\"2025-12-19T10:15:00\"")))
                .containsExactly("occurredAt: \"2025-12-19T10:15:00\" has no offset; "
                        + "add Z for UTC or the local offset, e.g. +01:00");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "\"19/12/2025 10:15\"")))
                .containsExactly("occurredAt: \"19/12/2025 10:15\" is not an ISO-8601 instant with an offset, "
                        + "e.g. 2025-12-19T10:15:00Z");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "\"2025-12-19\"")))
                .containsExactly("occurredAt: \"2025-12-19\" is not an ISO-8601 instant with an offset, "
                        + "e.g. 2025-12-19T10:15:00Z");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "1766139300000")))
                .containsExactly("occurredAt: expected a string (an ISO-8601 instant with an offset), "
                        + "got 1766139300000");
    }

    @Test
    void shouldRejectWhenDateIsNotYearMonthDayOrNotOnTheCalendar() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "newDueDate", "\"16/01/2026\"")))
                .containsExactly("newDueDate: \"16/01/2026\" is not a date as yyyy-MM-dd, e.g. 2025-12-19");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "newDueDate", "\"2026-02-30\"")))
                .containsExactly("newDueDate: \"2026-02-30\" is not a date as yyyy-MM-dd, e.g. 2025-12-19");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "newDueDate", "\"2026-01-16T00:00:00Z\"")))
                .containsExactly("newDueDate: \"2026-01-16T00:00:00Z\" is not a date as yyyy-MM-dd, e.g. 2025-12-19");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "newDueDate", "20260116")))
                .containsExactly("newDueDate: expected a string (a date as yyyy-MM-dd), got 20260116");
    }

    @Test
    void shouldRejectAndSuggestTheFieldWhenAnUnknownFieldIsATypo() throws Exception {
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "handlingteam", "\"repairs\"")))
                .containsExactly("handlingteam: unknown field for crm records; did you mean \"handlingTeam\"?");
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "remedyAmountPense", "100")))
                .containsExactly("remedyAmountPense: unknown field for crm records; did you mean \"remedyAmountPence\"?");
    }

    @Test
    void shouldRejectAndListTheFieldsWhenAnUnknownFieldResemblesNone() throws Exception {
        ObjectNode object = (ObjectNode) MAPPER.readTree(EventJsonExamples.CONTRACTOR_ALL_FIELDS);
        object.put("channel", "PHONE"); // a CRM field, not a contractor one

        assertThat(errors(null, object)).containsExactly("channel: unknown field for contractor records; "
                + "expected one of updateId, contractorId, complaintRef, landlordId, type, stage, occurredAt, "
                + "category, definitionRecorded, newDueDate, extensionReason, updateIntervalWorkingDays, outcome");
    }

    @Test
    void shouldRejectWhenTheValueIsNotAnObject() throws Exception {
        assertThat(errors(null, MAPPER.readTree("[1,2]"))).containsExactly("expected a JSON object, got an array");
        assertThat(errors(null, MAPPER.readTree("\"crm\""))).containsExactly("expected a JSON object, got \"crm\"");
        assertThat(errors(null, null)).containsExactly("expected a JSON object, got nothing");
    }

    @Test
    void shouldReportEveryProblemInSchemaOrderThenUnknownFieldsWhenARecordHasSeveral() throws Exception {
        ObjectNode object = (ObjectNode) with(EventJsonExamples.CRM_RECEIVED,
                "colour", "\"red\"", "occurredAt", "\"2025-12-19T10:15:00\"", "stage", "\"2\"");
        object.remove("eventId");

        ParseResult.Invalid invalid = (ParseResult.Invalid) codec.parse(null, object);

        assertThat(invalid.errors()).extracting(FieldError::field)
                .containsExactly("eventId", "stage", "occurredAt", "colour");
        assertThat(invalid.reason()).startsWith("eventId: required field is missing; stage: expected an integer");
    }

    @Test
    void shouldCutLongValuesShortWhenQuotingThemInAMessage() throws Exception {
        String longRef = "R".repeat(100);
        assertThat(errors(null, with(EventJsonExamples.CRM_RECEIVED, "type", "\"" + longRef + "\"")).get(0))
                .startsWith("type: unknown symbol \"" + "R".repeat(60) + "…\" (100 characters); expected one of");
    }

    @Test
    void shouldRefuseToWriteWhenTheRecordBelongsToNoSource() {
        BreachAlert alert = BreachAlert.newBuilder().setAlertId("a").setKind(AlertKind.RESPONSE_OVERDUE)
                .setComplaintRef("C1").setLandlordId("L").setStage(1).setDueDate(LocalDate.of(2026, 1, 2))
                .setRaisedAt(Instant.parse("2026-01-03T00:00:00Z")).build();

        assertThatThrownBy(() -> codec.toJson(alert)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no source writes io.complaintmonitor.schema.BreachAlert");
    }

    private Instant occurredAt(String text) throws Exception {
        return ((CrmCaseEvent) valid(codec.parse(null,
                with(EventJsonExamples.CRM_RECEIVED, "occurredAt", "\"" + text + "\""))).record()).getOccurredAt();
    }

    private List<String> errors(String sourceLabel, JsonNode object) {
        ParseResult result = codec.parse(sourceLabel, object);
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).errors().stream().map(FieldError::describe).toList();
    }

    private static SourcedRecord valid(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).record();
    }

    /** {@code base} with each named field set to the given raw JSON value. */
    static JsonNode with(String base, String... fieldsAndJsonValues) throws Exception {
        ObjectNode object = (ObjectNode) MAPPER.readTree(base);
        for (int i = 0; i < fieldsAndJsonValues.length; i += 2) {
            object.set(fieldsAndJsonValues[i], MAPPER.readTree(fieldsAndJsonValues[i + 1]));
        }
        return object;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
