package io.complaintmonitor.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The listener ports of an {@link EmbeddedKafkaBroker}, remembered in its data directory.
 *
 * <p>The broker port is remembered so that clients find a restarted broker where they left it.
 * The controller port is remembered because its address is in the voter set in the metadata log;
 * a lone voter rewrites its own endpoint if it moves (seen with Kafka 4.3.1), but keeping it avoids
 * the extra metadata churn. Kafka ignores plain files in a log directory.
 */
final class PortFile {

    static final String FILE_NAME = "embedded-broker.properties";

    record Ports(int brokerPort, int controllerPort) {
    }

    private PortFile() {
    }

    static Optional<Ports> read(final Path dataDirectory) {
        final Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        final Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
            return Optional.of(new Ports(
                    Integer.parseInt(props.getProperty("broker.port")),
                    Integer.parseInt(props.getProperty("controller.port"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("corrupt " + file + ": " + props, e);
        }
    }

    static void write(final Path dataDirectory, final Ports ports) {
        final Path file = dataDirectory.resolve(FILE_NAME);
        final Properties props = new Properties();
        props.setProperty("broker.port", String.valueOf(ports.brokerPort()));
        props.setProperty("controller.port", String.valueOf(ports.controllerPort()));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(writer, "Listener ports of the embedded Kafka broker using this directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A port that was free a moment ago; another process may still take it before Kafka binds. */
    static int freePort(final String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    static boolean isFree(final String host, final int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
