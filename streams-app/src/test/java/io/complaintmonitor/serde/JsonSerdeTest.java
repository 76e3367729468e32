package io.complaintmonitor.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.trend.TrendLatch;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void shouldStoreATrendLatchAsPlainJson() {
        JsonSerde<TrendLatch> serde = JsonSerde.of(TrendLatch.class);
        TrendLatch latch = new TrendLatch(true, "2025-W03");

        byte[] json = serde.serializer().serialize("t", latch);

        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"active\":true,\"lastWindow\":\"2025-W03\"}");
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(latch);
    }
}
