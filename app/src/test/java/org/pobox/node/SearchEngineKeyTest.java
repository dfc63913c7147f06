package org.pobox.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;

/** The production compose hands pobox its API key as a file (docker/es-setup.sh writes it), never in the environment. */
class SearchEngineKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsReadFromTheFileTheComposeSetupWrote() throws Exception {
        Path file = Files.writeString(dir.resolve("es-apikey"), "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\n");
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", dir.toString(), "POBOX_ES_APIKEYFILE", file.toString()),
                new Properties());
        assertThat(SearchEngine.apiKey(config)).isEqualTo("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void aKeyGivenDirectlyWinsAndAMissingFileIsSaidPlainly() {
        PoboxConfig both = PoboxConfig.load(Map.of("POBOX_HOME", dir.toString(), "POBOX_ES_APIKEY", "direct",
                "POBOX_ES_APIKEYFILE", dir.resolve("none").toString()), new Properties());
        assertThat(SearchEngine.apiKey(both)).isEqualTo("direct");

        PoboxConfig missing = PoboxConfig.load(Map.of("POBOX_HOME", dir.toString(),
                "POBOX_ES_APIKEYFILE", dir.resolve("none").toString()), new Properties());
        assertThatThrownBy(() -> SearchEngine.apiKey(missing)).isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("API key");
    }
}
