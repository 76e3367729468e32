package io.complaintmonitor.simulate.sink;

import io.complaintmonitor.ingest.json.EventJsonCodec;
import io.complaintmonitor.simulate.SimEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One record a line in the audit's format ({@link EventJsonCodec}, docs/event-format.md), so
 * {@code audit --input} reads the file. Bad records with a format defect are written so that the
 * audit cannot read them: the line cut in half, {@code complaintRef} renamed, or the event time
 * without its offset; those that break the contract are written as they are, for the audit's
 * contract check to reject.
 */
public final class JsonlEventSink implements EventSink {

    private static final Pattern TIME_WITH_Z = Pattern.compile("(\"(?:occurredAt|submittedAt)\":\"[^\"]*?)Z\"");

    private final EventJsonCodec codec = new EventJsonCodec();
    private final Writer out;

    public JsonlEventSink(Writer out) {
        this.out = out;
    }

    /** A sink writing {@code file} in UTF-8, replacing it if it exists. */
    public static JsonlEventSink toFile(Path file) throws IOException {
        return new JsonlEventSink(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16));
    }

    /** The line written for {@code event}, without the line break. */
    public String line(SimEvent event) {
        String line = codec.toJsonLine(event.record());
        return switch (event.defect()) {
            case NONE, BREAKS_CONTRACT -> line;
            case TRUNCATED -> line.substring(0, line.length() / 2);
            case RENAMED_FIELD -> line.replace("\"complaintRef\":", "\"complaintReference\":");
            case NO_OFFSET -> TIME_WITH_Z.matcher(line).replaceFirst("$1\"");
        };
    }

    @Override
    public void write(SimEvent event) throws IOException {
        out.write(line(event));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
