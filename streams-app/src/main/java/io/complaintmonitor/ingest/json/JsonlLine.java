package io.complaintmonitor.ingest.json;

/** One non-blank line of a JSONL events file, numbered from 1 as an editor counts lines. */
public sealed interface JsonlLine permits JsonlLine.Parsed, JsonlLine.Rejected {

    long line();

    record Parsed(long line, SourcedRecord record) implements JsonlLine {
    }

    /** A line that is not a valid event; {@code reason} names every problem, field by field. */
    record Rejected(long line, String reason) implements JsonlLine {
    }
}
