package io.complaintmonitor.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle rules that need no running broker; the broker itself is in {@link EmbeddedKafkaBrokerIT}. */
class EmbeddedKafkaBrokerTest {

    @Test
    void shouldRejectPortWhenOutOfRange(@TempDir final Path directory) {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.create(directory, 65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
    }

    @Test
    void shouldRefuseBootstrapServersWhenNotStarted(@TempDir final Path directory) {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.create(directory, 0).bootstrapServers())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToStartWhenAlreadyClosed(@TempDir final Path directory) {
        final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(directory, 0);
        broker.close();

        assertThatThrownBy(broker::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create a new one");
    }
}
