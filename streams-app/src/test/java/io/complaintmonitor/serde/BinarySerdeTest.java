package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The field writers put bytes in an array of their own; records written before (through
 * {@code DataOutputStream}) and after must be the same bytes, so a record in flight across an
 * upgrade reads either way.
 */
class BinarySerdeTest {

    private record Fields(String text, String none, DayOfWeek day, Instant at, LocalDate date, Integer number,
            Long big, Boolean flag, long count, List<String> names) {
    }

    private static final BinarySerde<Fields> SERDE = BinarySerde.of(Fields.class, 3, (out, f) -> {
        out.string(f.text());
        out.string(f.none());
        out.enumName(f.day());
        out.instant(f.at());
        out.date(f.date());
        out.integer(f.number());
        out.longValue(f.big());
        out.bool(f.flag());
        out.count(f.count());
        out.list(f.names(), BinarySerde.Out::string);
    }, (in, version) -> new Fields(in.string(), in.string(), in.enumName(DayOfWeek.class), in.instant(), in.date(),
            in.integer(), in.longValue(), in.bool(), in.count(), in.list(BinarySerde.In::string)));

    private static final Fields VALUE = new Fields("Damp & mould – Flat 3", null, DayOfWeek.FRIDAY,
            Instant.parse("2025-12-19T10:15:30.123456789Z"), LocalDate.of(2025, 12, 19), -42, Long.MIN_VALUE + 7,
            false, 1L << 40, List.of("a", "", "ü"));

    /** The same fields as DataOutputStream wrote them. */
    private static byte[] asDataOutputStreamWroteIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(3);
        writeString(data, VALUE.text());
        data.writeBoolean(false);
        writeString(data, "FRIDAY");
        data.writeBoolean(true);
        data.writeLong(VALUE.at().getEpochSecond());
        data.writeInt(VALUE.at().getNano());
        data.writeBoolean(true);
        data.writeLong(VALUE.date().toEpochDay());
        data.writeBoolean(true);
        data.writeInt(-42);
        data.writeBoolean(true);
        data.writeLong(Long.MIN_VALUE + 7);
        data.writeBoolean(true);
        data.writeBoolean(false);
        data.writeLong(1L << 40);
        data.writeInt(3);
        for (String name : VALUE.names()) {
            writeString(data, name);
        }
        data.flush();
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream data, String value) throws IOException {
        data.writeBoolean(true);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        data.writeInt(utf8.length);
        data.write(utf8);
    }

    @Test
    void shouldWriteTheBytesDataOutputStreamWroteAndReadThemBack() throws IOException {
        byte[] expected = asDataOutputStreamWroteIt();
        assertThat(SERDE.encode(VALUE)).isEqualTo(expected);
        assertThat(SERDE.decode(expected)).isEqualTo(VALUE);
    }

    @Test
    void shouldGrowPastItsFirstBufferForALargeValue() {
        Fields large = new Fields("x".repeat(10_000), null, null, null, null, null, null, null, 0,
                java.util.Collections.nCopies(500, "name"));
        assertThat(SERDE.decode(SERDE.encode(large))).isEqualTo(large);
    }

    /**
     * Each value's buffer starts at the size of the one before, and an ASCII string is copied in
     * until a character that is not: small, large and small again, with the first non-ASCII
     * character anywhere in a string, still give UTF-8 and the same values back.
     */
    @Test
    void shouldWriteUtf8WhateverTheValuesBeforeIt() {
        for (String text : List.of("a", "x".repeat(3_000) + "é", "ü" + "y".repeat(700), "ref-1", "€",
                "z".repeat(129) + "\u20ac" + "z", "")) {
            Fields value = new Fields(text, null, null, null, null, null, null, null, 0, List.of(text, "b"));
            byte[] bytes = SERDE.encode(value);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertThat(java.util.Arrays.copyOfRange(bytes, 6, 6 + utf8.length)).as(text).isEqualTo(utf8);
            assertThat(SERDE.decode(bytes)).isEqualTo(value);
        }
    }

    @Test
    void shouldRefuseEveryTruncationOfARecordWithAReason() throws IOException {
        byte[] whole = asDataOutputStreamWroteIt();
        for (int length = 1; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> SERDE.decode(cut)).as("cut at " + length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("cannot read Fields from " + length + " bytes");
        }
    }
}
