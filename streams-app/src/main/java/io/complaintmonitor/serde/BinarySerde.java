package io.complaintmonitor.serde;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary format for the monitor's repartition topics, whose records are written and read
 * several times per source event: JSON cost a quarter of the stream thread's time there. Each
 * record starts with a format version byte, so a later format can still read what an older
 * instance left in flight. Enums are written by name, so reordering constants breaks nothing.
 */
public final class BinarySerde<T> implements Serde<T> {

    /** Writes one value's fields. */
    @FunctionalInterface
    public interface Encoder<T> {
        void write(Out out, T value) throws IOException;
    }

    /** Reads one value's fields, as the encoder of that version wrote them. */
    @FunctionalInterface
    public interface Decoder<T> {
        T read(In in, int version) throws IOException;
    }

    /** Big-endian, as {@code DataOutputStream} wrote them; the JIT turns each access into one load or store. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final String typeName;
    private final int version;
    private final Encoder<T> encoder;
    private final Decoder<T> decoder;
    /**
     * The size the last value encoded to: the next one's buffer starts there, so it seldom grows
     * (a complaint's state is about 500 bytes, and growing from a small buffer copied it three
     * times). Racy by design: any value is a valid guess.
     */
    private int lastSize = 64;

    private BinarySerde(String typeName, int version, Encoder<T> encoder, Decoder<T> decoder) {
        this.typeName = typeName;
        this.version = version;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public static <T> BinarySerde<T> of(Class<T> type, int version, Encoder<T> encoder, Decoder<T> decoder) {
        return new BinarySerde<>(type.getSimpleName(), version, encoder, decoder);
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        Out out = new Out(lastSize);
        try {
            out.writeByte(version);
            encoder.write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSize = out.size;
        return out.toByteArray();
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            In in = new In(bytes);
            int v = in.readUnsignedByte();
            if (v < 1 || v > version) {
                throw new SerializationException("cannot read " + typeName + " written in binary format version " + v
                        + " (this monitor reads 1 to " + version + ")");
            }
            return decoder.read(in, v);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("cannot read " + typeName + " from " + bytes.length + " bytes", e);
        }
    }

    /**
     * This format for writing; for reading, also {@code json}'s, for values written before the
     * format was binary. JSON values start with '{', which is no version this format has.
     */
    public Serde<T> readingJsonToo(Serde<T> json) {
        Deserializer<T> jsonReader = json.deserializer();
        return Serdes.serdeFrom(serializer(), (topic, bytes) -> bytes != null && bytes.length > 0 && bytes[0] == '{'
                ? jsonReader.deserialize(topic, bytes) : decode(bytes));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }

    /**
     * Field writers; every nullable field is preceded by a presence byte. Big-endian, as
     * {@code DataOutputStream} wrote them, into a plain array: the stream's every byte went through
     * a synchronized {@code ByteArrayOutputStream.write}, a lock taken hundreds of times per record.
     */
    public static final class Out {
        private byte[] buf;
        private int size;

        Out() {
            this(128);
        }

        /** Room for {@code expected} bytes and a quarter more, so a value a little larger than the last fits too. */
        Out(int expected) {
            buf = new byte[expected + expected / 4 + 16];
        }

        public void string(String value) throws IOException {
            if (present(value)) {
                int n = value.length();
                room(4 + n);
                // ASCII (every reference, id and category the monitor keeps) is its own UTF-8: copied
                // straight in, without the array getBytes would make for it.
                int at = size + 4;
                for (int i = 0; i < n; i++) {
                    char c = value.charAt(i);
                    if (c >= 0x80) {
                        utf8(value);
                        return;
                    }
                    buf[at + i] = (byte) c;
                }
                writeInt(n);
                size += n;
            }
        }

        private void utf8(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
        }

        public void enumName(Enum<?> value) throws IOException {
            string(value == null ? null : value.name());
        }

        public void instant(Instant value) throws IOException {
            if (present(value)) {
                writeLong(value.getEpochSecond());
                writeInt(value.getNano());
            }
        }

        public void date(LocalDate value) throws IOException {
            if (present(value)) {
                writeLong(value.toEpochDay());
            }
        }

        public void integer(Integer value) throws IOException {
            if (present(value)) {
                writeInt(value);
            }
        }

        public void longValue(Long value) throws IOException {
            if (present(value)) {
                writeLong(value);
            }
        }

        public void bool(Boolean value) throws IOException {
            if (present(value)) {
                writeByte(value ? 1 : 0);
            }
        }

        /** A non-null count or number. */
        public void count(long value) throws IOException {
            writeLong(value);
        }

        /** A non-null list: its size, then each element. */
        public <E> void list(List<E> values, Encoder<E> element) throws IOException {
            writeInt(values.size());
            for (E value : values) {
                element.write(this, value);
            }
        }

        private boolean present(Object value) {
            writeByte(value != null ? 1 : 0);
            return value != null;
        }

        void writeByte(int value) {
            room(1);
            buf[size++] = (byte) value;
        }

        private void writeInt(int value) {
            room(4);
            INT.set(buf, size, value);
            size += 4;
        }

        private void writeLong(long value) {
            room(8);
            LONG.set(buf, size, value);
            size += 8;
        }

        private void room(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Field readers matching {@link Out}, over the record's bytes. */
    public static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] bytes) {
            this.buf = bytes;
        }

        public String string() throws IOException {
            if (!readBoolean()) {
                return null;
            }
            int length = readInt();
            if (length < 0 || length > available()) {
                throw new IOException("string length " + length + " past the end of the record");
            }
            String value = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return value;
        }

        public <E extends Enum<E>> E enumName(Class<E> type) throws IOException {
            String name = string();
            return name == null ? null : Enum.valueOf(type, name);
        }

        public Instant instant() throws IOException {
            return readBoolean() ? Instant.ofEpochSecond(readLong(), readInt()) : null;
        }

        public LocalDate date() throws IOException {
            return readBoolean() ? LocalDate.ofEpochDay(readLong()) : null;
        }

        public Integer integer() throws IOException {
            return readBoolean() ? readInt() : null;
        }

        public Long longValue() throws IOException {
            return readBoolean() ? readLong() : null;
        }

        public Boolean bool() throws IOException {
            return readBoolean() ? readBoolean() : null;
        }

        public long count() throws IOException {
            return readLong();
        }

        /** A list written by {@link Out#list}; {@code element} reads one element. */
        public <E> List<E> list(Element<E> element) throws IOException {
            int n = readInt();
            // Each element takes at least a byte: a larger size is a corrupt record, not a huge list.
            if (n < 0 || n > available()) {
                throw new IOException("list of " + n + " elements in " + available() + " bytes");
            }
            List<E> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(element.read(this));
            }
            return out;
        }

        int readUnsignedByte() throws IOException {
            need(1);
            return buf[pos++] & 0xff;
        }

        private boolean readBoolean() throws IOException {
            return readUnsignedByte() != 0;
        }

        private int readInt() throws IOException {
            need(4);
            int value = (int) INT.get(buf, pos);
            pos += 4;
            return value;
        }

        private long readLong() throws IOException {
            need(8);
            long value = (long) LONG.get(buf, pos);
            pos += 8;
            return value;
        }

        private int available() {
            return buf.length - pos;
        }

        private void need(int bytes) throws EOFException {
            if (available() < bytes) {
                throw new EOFException("record ends " + (bytes - available()) + " bytes early");
            }
        }
    }

    /** Reads one element of a list. */
    @FunctionalInterface
    public interface Element<E> {
        E read(In in) throws IOException;
    }
}
