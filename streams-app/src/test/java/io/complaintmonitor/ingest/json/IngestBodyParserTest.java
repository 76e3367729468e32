package io.complaintmonitor.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import org.junit.jupiter.api.Test;

class IngestBodyParserTest {

    private static final String CRM_WITHOUT_SOURCE = EventJsonExamples.CRM_RECEIVED.replace("\"source\":\"crm\",", "");

    private final IngestBodyParser parser = new IngestBodyParser(new EventJsonCodec());

    @Test
    void shouldAcceptOneRecordWhenTheBodyIsASingleObject() {
        IngestOutcome outcome = parser.parse("webform", EventJsonExamples.WEBFORM_ALL_FIELDS);

        assertThat(outcome.status()).isEqualTo(202);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":1}");
        assertThat(((IngestOutcome.Accepted) outcome).records()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(Source.WEBFORM);
            assertThat(((WebFormSubmission) r.record()).getSubmissionId()).isEqualTo("web-55012");
        });
    }

    @Test
    void shouldAcceptEveryRecordInOrderWhenTheBodyIsAnArrayOfValidObjects() {
        String body = "[" + CRM_WITHOUT_SOURCE + ",\n" + CRM_WITHOUT_SOURCE.replace("\"e1\"", "\"e2\"") + ",\n"
                + EventJsonExamples.CRM_ALL_FIELDS + "]";

        IngestOutcome outcome = parser.parse("crm", body);

        assertThat(outcome.status()).isEqualTo(202);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":3}");
        assertThat(((IngestOutcome.Accepted) outcome).records())
                .extracting(r -> ((CrmCaseEvent) r.record()).getEventId())
                .containsExactly("e1", "e2", "crm-000123");
    }

    @Test
    void shouldAcceptNothingWhenTheArrayIsEmpty() {
        IngestOutcome outcome = parser.parse("crm", "[]");

        assertThat(outcome.status()).isEqualTo(202);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":0}");
    }

    @Test
    void shouldRejectTheWholeBatchAndNameEachBadElementByIndexWhenAnyElementIsInvalid() {
        String body = "[" + CRM_WITHOUT_SOURCE + ","
                + CRM_WITHOUT_SOURCE.replace("\"RECEIVED\"", "\"RECIEVED\"") + ","
                + CRM_WITHOUT_SOURCE + ","
                + EventJsonExamples.WEBFORM_ALL_FIELDS + ","
                + "42]";

        IngestOutcome outcome = parser.parse("crm", body);

        assertThat(outcome).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":0,\"rejected\":["
                + "{\"index\":1,\"errors\":[{\"field\":\"type\",\"message\":\"unknown symbol \\\"RECIEVED\\\"; "
                + "expected one of RECEIVED, ACKNOWLEDGED, EXTENSION_AGREED, RESPONSE_ISSUED, ESCALATION_REQUESTED, "
                + "RESIDENT_UPDATED, REFUSED, WITHDRAWN, CLOSED, OMBUDSMAN_REFERRED, OMBUDSMAN_DETERMINED\"}]},"
                + "{\"index\":3,\"errors\":[{\"field\":\"source\",\"message\":"
                + "\"is \\\"webform\\\" but the record was submitted as \\\"crm\\\"\"}]},"
                + "{\"index\":4,\"errors\":[{\"message\":\"expected a JSON object, got 42\"}]}]}");
    }

    @Test
    void shouldListEveryErrorOfAnElementWhenItHasSeveral() {
        String body = CRM_WITHOUT_SOURCE.replace("\"C1\"", "12").replace("Z\"", "\"");

        IngestOutcome.Rejected outcome = (IngestOutcome.Rejected) parser.parse("crm", body);

        assertThat(outcome.rejected()).singleElement().satisfies(element -> {
            assertThat(element.index()).isZero();
            assertThat(element.errors()).extracting(FieldError::describe).containsExactly(
                    "complaintRef: expected a string, got 12",
                    "occurredAt: \"2025-12-19T10:15:00\" has no offset; add Z for UTC or the local offset, e.g. +01:00");
        });
    }

    @Test
    void shouldAnswerNotFoundWhenThePathNamesNoSource() {
        IngestOutcome outcome = parser.parse("erp", EventJsonExamples.CRM_RECEIVED);

        assertThat(outcome.status()).isEqualTo(404);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":0,\"error\":\"unknown source \\\"erp\\\"; "
                + "expected one of crm, contractor, webform\",\"rejected\":[]}");
    }

    @Test
    void shouldRejectTheRequestWhenTheBodyIsNotJson() {
        IngestOutcome outcome = parser.parse("crm", "[" + CRM_WITHOUT_SOURCE + ",\n{\"eventId\": e2}]");

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.body()).isEqualTo("{\"accepted\":0,\"error\":\"body is not valid JSON at line 2, "
                + "column 15: Unrecognized token 'e2': was expecting (JSON String, Number, Array, Object or token "
                + "'null', 'true' or 'false')\",\"rejected\":[]}");
    }

    @Test
    void shouldRejectTheRequestWhenTheBodyIsEmptyOrNeitherObjectNorArray() {
        assertThat(parser.parse("crm", " \n").body()).isEqualTo(
                "{\"accepted\":0,\"error\":\"body is empty; send one JSON object or an array of objects\",\"rejected\":[]}");
        assertThat(parser.parse("crm", "\"hello\"").body()).isEqualTo(
                "{\"accepted\":0,\"error\":\"expected one JSON object or an array of objects, got \\\"hello\\\"\","
                        + "\"rejected\":[]}");
        assertThat(parser.parse("crm", CRM_WITHOUT_SOURCE + CRM_WITHOUT_SOURCE).body())
                .startsWith("{\"accepted\":0,\"error\":\"body is not valid JSON at line 1, column 91: "
                        + "unexpected content after the JSON value\"");
    }
}
