package io.complaintmonitor.serde;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's wire format: magic byte 0, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary encoding of the record (no container file header).
 */
public final class AvroWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private AvroWireFormat() {
    }

    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** The writer schema id in the header of {@code data}, after checking the header is there. */
    public static int schemaId(byte[] data, String topic) {
        if (data.length < HEADER_SIZE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.TRUNCATED_PAYLOAD, AvroSerdeException.NO_SCHEMA_ID,
                    "payload of " + data.length + " bytes on topic " + topic
                            + " is shorter than the 5-byte Confluent header (magic byte and schema id)", null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.WRONG_MAGIC_BYTE, AvroSerdeException.NO_SCHEMA_ID,
                    String.format("unknown magic byte 0x%02x on topic %s: expected 0x00, so this record was not"
                            + " written in the Confluent Avro wire format", data[0] & 0xff, topic), null);
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }
}
