package io.complaintmonitor.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintmonitor.domain.complaint.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** Keeps docs/event-format.md true: its examples parse, its field tables match the schemas. */
class EventFormatDocTest {

    private static final Path DOC = Path.of("..", "docs", "event-format.md");

    private final EventJsonCodec codec = new EventJsonCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldParseEveryExampleLineWhenTheDocShowsAJsonlBlock() throws Exception {
        List<String> lines = jsonlExampleLines(Files.readString(DOC));

        assertThat(lines).hasSizeGreaterThanOrEqualTo(7);
        for (String line : lines) {
            assertThat(codec.parse(null, mapper.readTree(line))).as(line).isInstanceOf(ParseResult.Valid.class);
        }
    }

    @Test
    void shouldListExactlyTheSchemaFieldsWhenTheDocTabulatesASource() throws Exception {
        String doc = Files.readString(DOC);
        for (Source source : Source.values()) {
            Schema schema = SpecificData.get().getSchema(EventJsonCodec.recordClass(source));
            int section = doc.indexOf("## " + source.label() + ": `" + schema.getName() + "`");
            assertThat(section).as("section for " + source.label()).isNotNegative();
            String table = doc.substring(section, doc.indexOf("```", section));
            List<String> documented = new ArrayList<>();
            Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
            while (row.find()) {
                documented.add(row.group(1));
            }
            assertThat(documented).as(source.label())
                    .containsExactlyElementsOf(schema.getFields().stream().map(Schema.Field::name).toList());
        }
    }

    private static List<String> jsonlExampleLines(String doc) {
        List<String> lines = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```jsonl\\n(.*?)```").matcher(doc);
        while (block.find()) {
            block.group(1).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }
}
