package io.complaintmonitor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tables are what users configure from: keep them in step with the code. */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void shouldDocumentEveryConfigurationKeyWithItsVariableAndDefault() throws IOException {
        String readme = Files.readString(README);
        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.key() + "` | `" + key.envVar() + "` | "
                    + (key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`") + " |";
            assertThat(readme).as(key.key()).contains(row);
        }
    }

    @Test
    void shouldGiveTheTestCommandThatCiRuns() throws IOException {
        String readme = Files.readString(README);
        String ci = Files.readString(Path.of("..", ".ci", "run"));
        assertThat(readme).contains("./mvnw -B verify");
        assertThat(ci).containsPattern("(?m)^\\./mvnw -B verify$");
    }
}
