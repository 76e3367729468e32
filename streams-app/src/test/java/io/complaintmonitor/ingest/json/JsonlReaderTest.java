package io.complaintmonitor.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {

    private final JsonlReader reader = new JsonlReader(new EventJsonCodec());

    @TempDir
    Path dir;

    @Test
    void shouldReportEachBadLineByNumberAndReadTheRestWhenAFileHasTenThousandLines() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int line = 1; line <= 10_000; line++) {
                out.write(switch (line) {
                    case 1234 -> "{\"source\":\"crm\",\"eventId\":\"e-1234\"";
                    case 4321 -> "   ";
                    case 8767 -> eventLine(line).replace("\"RECEIVED\"", "\"RECIEVED\"");
                    default -> eventLine(line);
                });
                out.write('\n');
            }
        }

        List<JsonlLine> lines;
        try (Stream<JsonlLine> stream = reader.read(file)) {
            lines = stream.toList();
        }

        List<JsonlLine.Rejected> rejected = lines.stream()
                .filter(JsonlLine.Rejected.class::isInstance).map(JsonlLine.Rejected.class::cast).toList();
        assertThat(rejected).containsExactly(
                new JsonlLine.Rejected(1234,
                        "invalid JSON at column 35: Unexpected end-of-input: expected close marker for Object"),
                new JsonlLine.Rejected(8767, "type: unknown symbol \"RECIEVED\"; expected one of RECEIVED, "
                        + "ACKNOWLEDGED, EXTENSION_AGREED, RESPONSE_ISSUED, ESCALATION_REQUESTED, RESIDENT_UPDATED, "
                        + "REFUSED, WITHDRAWN, CLOSED, OMBUDSMAN_REFERRED, OMBUDSMAN_DETERMINED"));
        List<JsonlLine.Parsed> parsed = lines.stream()
                .filter(JsonlLine.Parsed.class::isInstance).map(JsonlLine.Parsed.class::cast).toList();
        assertThat(parsed).hasSize(9_997);
        assertThat(parsed).extracting(JsonlLine::line).containsExactlyElementsOf(LongStream.rangeClosed(1, 10_000)
                .filter(n -> n != 1234 && n != 4321 && n != 8767).boxed().toList());
        // Each record is the one written on its line.
        assertThat(parsed).allSatisfy(p -> assertThat(idOf(p.record())).isEqualTo("e-" + p.line()));
        assertThat(parsed.stream().collect(Collectors.groupingBy(p -> p.record().source(), Collectors.counting())))
                .containsEntry(Source.CRM, 3_331L).containsEntry(Source.CONTRACTOR, 3_333L)
                .containsEntry(Source.WEBFORM, 3_333L);
    }

    @Test
    void shouldReadLazilyWhenTheInputNeverEnds() {
        byte[] line = (EventJsonExamples.CRM_RECEIVED + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };

        try (Stream<JsonlLine> stream = reader.read(endless, "endless")) {
            assertThat(stream.limit(3)).extracting(JsonlLine::line).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void shouldCountBlankLinesButSkipThemWhenNumbering() {
        String text = "\n" + EventJsonExamples.CRM_RECEIVED + "\r\n \t \r\n\r\n" + EventJsonExamples.WEBFORM_ALL_FIELDS;

        assertThat(read(text)).extracting(JsonlLine::line).containsExactly(2L, 5L);
        assertThat(read(text)).allMatch(JsonlLine.Parsed.class::isInstance);
    }

    @Test
    void shouldIgnoreAByteOrderMarkWhenTheFirstLineStartsWithOne() {
        assertThat(read("\uFEFF" + EventJsonExamples.CRM_RECEIVED + "\n"))
                .singleElement().isInstanceOf(JsonlLine.Parsed.class);
    }

    @Test
    void shouldRejectTheLineAndGoOnWhenALineIsNotUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("{\"source\":\"crm\",\"eventId\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é
        bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(EventJsonExamples.CRM_RECEIVED.getBytes(StandardCharsets.UTF_8));

        List<JsonlLine> lines = reader.read(new ByteArrayInputStream(bytes.toByteArray()), "latin1.jsonl").toList();

        assertThat(lines).first().isEqualTo(new JsonlLine.Rejected(1, "line is not valid UTF-8"));
        assertThat(lines).element(1).isInstanceOf(JsonlLine.Parsed.class).extracting(JsonlLine::line).isEqualTo(2L);
    }

    @Test
    void shouldRejectTheLineUnreadWhenItIsLongerThanTheLimit() {
        String huge = "{\"source\":\"crm\",\"eventId\":\"" + "x".repeat(JsonlReader.MAX_LINE_BYTES) + "\"}";

        List<JsonlLine> lines = read(huge + "\n" + EventJsonExamples.CRM_RECEIVED + "\n");

        assertThat(lines).containsExactly(
                new JsonlLine.Rejected(1, "line is longer than 1048576 bytes"),
                lines.get(1));
        assertThat(lines.get(1)).isInstanceOf(JsonlLine.Parsed.class).extracting(JsonlLine::line).isEqualTo(2L);
    }

    @Test
    void shouldRejectWhenALineHoldsMoreThanOneValueOrRepeatsAKey() {
        assertThat(read(EventJsonExamples.CRM_RECEIVED + " " + EventJsonExamples.CRM_RECEIVED))
                .containsExactly(new JsonlLine.Rejected(1,
                        "invalid JSON at column 107: unexpected content after the JSON value"));
        assertThat(read("{\"source\":\"crm\",\"stage\":1,\"stage\":2}"))
                .containsExactly(new JsonlLine.Rejected(1, "invalid JSON at column 34: Duplicate field 'stage'"));
    }

    @Test
    void shouldRejectWhenALineIsNotAnObjectOrNamesNoSource() {
        assertThat(read("[" + EventJsonExamples.CRM_RECEIVED + "]\n{\"eventId\":\"e1\"}"))
                .containsExactly(
                        new JsonlLine.Rejected(1, "expected a JSON object, got an array"),
                        new JsonlLine.Rejected(2,
                                "source: required field is missing; expected one of crm, contractor, webform"));
    }

    @Test
    void shouldFailWithTheFileNameWhenTheFileDoesNotExist() {
        Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("cannot read events file " + missing + ": no such file");
    }

    @Test
    void shouldFailWithTheFileNameWhenThePathIsADirectory() {
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("cannot read events file " + dir + ": it is a directory");
    }

    private List<JsonlLine> read(String text) {
        try (Stream<JsonlLine> stream = reader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.jsonl")) {
            return stream.toList();
        }
    }

    /** A valid event whose id is {@code e-<line>}; the source cycles crm, contractor, webform. */
    private static String eventLine(int line) {
        String id = "e-" + line;
        return switch (line % 3) {
            case 1 -> "{\"source\":\"crm\",\"eventId\":\"" + id + "\",\"complaintRef\":\"C" + line
                    + "\",\"type\":\"RECEIVED\",\"occurredAt\":\"2025-12-19T10:15:00Z\",\"category\":\"REPAIRS\"}";
            case 2 -> "{\"source\":\"contractor\",\"updateId\":\"" + id + "\",\"contractorId\":\"acme\","
                    + "\"complaintRef\":\"C" + (line - 1) + "\",\"type\":\"ACKNOWLEDGED\",\"stage\":1,"
                    + "\"occurredAt\":\"2025-12-22T09:00:00+00:00\",\"definitionRecorded\":true}";
            default -> "{\"source\":\"webform\",\"submissionId\":\"" + id + "\",\"submittedAt\":"
                    + "\"2025-12-20T08:02:11Z\",\"formType\":\"SURVEY_FEEDBACK\"}";
        };
    }

    private static String idOf(SourcedRecord record) {
        return switch (record.source()) {
            case CRM -> ((CrmCaseEvent) record.record()).getEventId();
            case CONTRACTOR -> ((ContractorComplaintUpdate) record.record()).getUpdateId();
            case WEBFORM -> ((WebFormSubmission) record.record()).getSubmissionId();
        };
    }
}
