package io.complaintmonitor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortFileTest {

    @Test
    void shouldReadBackPortsWhenWrittenToDirectory(@TempDir final Path directory) {
        PortFile.write(directory, new PortFile.Ports(41_001, 41_002));

        assertThat(PortFile.read(directory)).contains(new PortFile.Ports(41_001, 41_002));
    }

    @Test
    void shouldRememberNothingWhenDirectoryIsNew(@TempDir final Path directory) {
        assertThat(PortFile.read(directory)).isEmpty();
    }

    @Test
    void shouldFailNamingTheFileWhenPortsAreCorrupt(@TempDir final Path directory) throws IOException {
        Files.writeString(directory.resolve(PortFile.FILE_NAME), "broker.port=x\ncontroller.port=1\n");

        assertThatThrownBy(() -> PortFile.read(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PortFile.FILE_NAME);
    }

    @Test
    void shouldReportPortTakenWhenSomethingListensOnIt() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(PortFile.isFree("127.0.0.1", socket.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldReportPortFreeWhenJustChosen() {
        assertThat(PortFile.isFree("127.0.0.1", PortFile.freePort("127.0.0.1"))).isTrue();
    }
}
