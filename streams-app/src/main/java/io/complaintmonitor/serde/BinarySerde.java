package io.complaintmonitor.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    private final String typeName;
    private final int version;
    private final Encoder<T> encoder;
    private final Decoder<T> decoder;

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try {
            Out out = new Out(bytes);
            out.data.writeByte(version);
            encoder.write(out, value);
            out.data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            In in = new In(new DataInputStream(new ByteArrayInputStream(bytes)));
            int v = in.data.readUnsignedByte();
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

    /** Field writers; every nullable field is preceded by a presence byte. */
    public static final class Out {
        private final DataOutputStream data;

        Out(ByteArrayOutputStream bytes) {
            this.data = new DataOutputStream(bytes);
        }

        public void string(String value) throws IOException {
            if (present(value)) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                data.writeInt(utf8.length);
                data.write(utf8);
            }
        }

        public void enumName(Enum<?> value) throws IOException {
            string(value == null ? null : value.name());
        }

        public void instant(Instant value) throws IOException {
            if (present(value)) {
                data.writeLong(value.getEpochSecond());
                data.writeInt(value.getNano());
            }
        }

        public void date(LocalDate value) throws IOException {
            if (present(value)) {
                data.writeLong(value.toEpochDay());
            }
        }

        public void integer(Integer value) throws IOException {
            if (present(value)) {
                data.writeInt(value);
            }
        }

        public void longValue(Long value) throws IOException {
            if (present(value)) {
                data.writeLong(value);
            }
        }

        public void bool(Boolean value) throws IOException {
            if (present(value)) {
                data.writeBoolean(value);
            }
        }

        /** A non-null count or number. */
        public void count(long value) throws IOException {
            data.writeLong(value);
        }

        /** A non-null list: its size, then each element. */
        public <E> void list(List<E> values, Encoder<E> element) throws IOException {
            data.writeInt(values.size());
            for (E value : values) {
                element.write(this, value);
            }
        }

        private boolean present(Object value) throws IOException {
            data.writeBoolean(value != null);
            return value != null;
        }
    }

    /** Field readers matching {@link Out}. */
    public static final class In {
        private final DataInputStream data;

        In(DataInputStream data) {
            this.data = data;
        }

        public String string() throws IOException {
            if (!data.readBoolean()) {
                return null;
            }
            int length = data.readInt();
            if (length < 0 || length > data.available()) {
                throw new IOException("string length " + length + " past the end of the record");
            }
            return new String(data.readNBytes(length), StandardCharsets.UTF_8);
        }

        public <E extends Enum<E>> E enumName(Class<E> type) throws IOException {
            String name = string();
            return name == null ? null : Enum.valueOf(type, name);
        }

        public Instant instant() throws IOException {
            return data.readBoolean() ? Instant.ofEpochSecond(data.readLong(), data.readInt()) : null;
        }

        public LocalDate date() throws IOException {
            return data.readBoolean() ? LocalDate.ofEpochDay(data.readLong()) : null;
        }

        public Integer integer() throws IOException {
            return data.readBoolean() ? data.readInt() : null;
        }

        public Long longValue() throws IOException {
            return data.readBoolean() ? data.readLong() : null;
        }

        public Boolean bool() throws IOException {
            return data.readBoolean() ? data.readBoolean() : null;
        }

        public long count() throws IOException {
            return data.readLong();
        }

        /** A list written by {@link Out#list}; {@code element} reads one element. */
        public <E> List<E> list(Element<E> element) throws IOException {
            int n = data.readInt();
            // Each element takes at least a byte: a larger size is a corrupt record, not a huge list.
            if (n < 0 || n > data.available()) {
                throw new IOException("list of " + n + " elements in " + data.available() + " bytes");
            }
            List<E> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(element.read(this));
            }
            return out;
        }
    }

    /** Reads one element of a list. */
    @FunctionalInterface
    public interface Element<E> {
        E read(In in) throws IOException;
    }
}
