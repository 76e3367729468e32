package io.complaintmonitor.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a JSONL events file (one JSON event a line, each naming its {@code source}) lazily, a
 * line at a time, so a year of history never sits in memory as one tree. Blank lines are
 * skipped; every other line yields the record or a rejection with its line number. Only a file
 * that cannot be read at all is an exception.
 */
public final class JsonlReader {

    /** Longer lines are rejected unread: no event is near this size, and memory stays bounded. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final EventJsonCodec codec;
    private final ObjectMapper mapper = StrictJson.mapper();

    public JsonlReader(EventJsonCodec codec) {
        this.codec = codec;
    }

    /**
     * The file's lines in order. Close the stream (try-with-resources) to close the file.
     *
     * @throws UnreadableInputException when the file cannot be opened, here, or a read fails
     *                                   part-way, from the stream
     */
    public Stream<JsonlLine> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException("cannot read events file " + file + ": it is a directory", null);
        }
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException("cannot read events file " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException("cannot read events file " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read events file " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(Path)}, from a stream the returned stream closes; {@code name} is for messages. */
    public Stream<JsonlLine> read(InputStream in, String name) {
        Lines lines = new Lines(in, name);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines,
                        Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(lines::close);
    }

    private JsonlLine judge(long lineNumber, byte[] bytes, int length) {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new JsonlLine.Rejected(lineNumber, "line is not valid UTF-8");
        }
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1); // byte-order mark from spreadsheet exports
        }
        if (text.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = StrictJson.readOne(mapper, text);
        } catch (JsonProcessingException e) {
            return new JsonlLine.Rejected(lineNumber, "invalid JSON at " + StrictJson.describe(e, false));
        }
        ParseResult result = codec.parse(null, node);
        if (result instanceof ParseResult.Valid valid) {
            return new JsonlLine.Parsed(lineNumber, valid.record());
        }
        return new JsonlLine.Rejected(lineNumber, ((ParseResult.Invalid) result).reason());
    }

    /** Splits bytes on '\n' itself, so a line of bad UTF-8 is one rejection rather than a failed read. */
    private final class Lines implements Iterator<JsonlLine> {

        private final InputStream in;
        private final String name;
        private final byte[] chunk = new byte[64 * 1024];
        private int chunkPos;
        private int chunkEnd;
        private byte[] line = new byte[1024];
        private long lineNumber;
        private boolean eof;
        private JsonlLine next;

        Lines(InputStream in, String name) {
            this.in = in;
            this.name = name;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !eof) {
                next = readLine();
            }
            return next != null;
        }

        @Override
        public JsonlLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonlLine result = next;
            next = null;
            return result;
        }

        /** The next line's result, or null for a blank line or the end of the input. */
        private JsonlLine readLine() {
            int length = 0;
            boolean sawAny = false;
            boolean tooLong = false;
            while (true) {
                if (chunkPos == chunkEnd && !fill()) {
                    eof = true;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
                sawAny = true;
                byte b = chunk[chunkPos++];
                if (b == '\n') {
                    break;
                }
                if (length == MAX_LINE_BYTES) {
                    tooLong = true;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
                    }
                    line[length++] = b;
                }
            }
            lineNumber++;
            if (tooLong) {
                return new JsonlLine.Rejected(lineNumber, "line is longer than " + MAX_LINE_BYTES + " bytes");
            }
            return judge(lineNumber, line, length);
        }

        private boolean fill() {
            try {
                int read = in.read(chunk);
                chunkPos = 0;
                chunkEnd = Math.max(read, 0);
                return read > 0;
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read events file " + name + " after line "
                        + lineNumber + ": " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close events file " + name, e);
            }
        }
    }
}
