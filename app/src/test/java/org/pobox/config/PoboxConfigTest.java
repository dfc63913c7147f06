package org.pobox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relative settings mean the data home or the installation, never the working directory. */
class PoboxConfigTest {

    @TempDir
    Path dir;

    @Test
    void dataPathsResolveAgainstTheDataHomeAndShippedOnesAgainstTheInstallation() {
        Path home = dir.resolve("srv");
        Path install = dir.resolve("opt");
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", home.toString(), "POBOX_INSTALL", install.toString(),
                "POBOX_INBOX", "scans/in"), new Properties());

        assertThat(config.inbox()).isEqualTo(home.resolve("scans/in"));
        assertThat(config.path("pobox.work")).isEqualTo(home.resolve("work"));
        assertThat(config.path("pobox.node.data")).isEqualTo(home.resolve("data/node"));
        assertThat(config.path("pobox.ocr.paddle.models")).isEqualTo(install.resolve("models/paddle"));
        assertThat(config.path("pobox.seeds")).isEqualTo(install.resolve("seeds"));

        // what Camel's {{placeholders}} get: the same absolute paths
        Properties camel = config.asProperties();
        assertThat(camel.getProperty("pobox.inbox")).isEqualTo(home.resolve("scans/in").toString());
        assertThat(camel.getProperty("pobox.work")).isEqualTo(home.resolve("work").toString());
        assertThat(camel.getProperty("pobox.ocr.paddle.models")).isEqualTo(install.resolve("models/paddle").toString());
        assertThat(camel.getProperty("pobox.install")).isEqualTo(install.toString());
    }

    @Test
    void aDataHomeWithItsOwnSeedsUsesThem() throws Exception {
        Path home = Files.createDirectories(dir.resolve("srv/seeds")).getParent();
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", home.toString(),
                "POBOX_INSTALL", dir.resolve("opt").toString()), new Properties());
        assertThat(config.path("pobox.seeds")).isEqualTo(home.resolve("seeds"));
    }

    @Test
    void withoutAnInstallationTheDataHomeIsBoth() {
        Path home = dir.resolve("checkout");
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", home.toString()), new Properties());
        assertThat(config.install()).isEqualTo(home);
        assertThat(config.path("pobox.seeds")).isEqualTo(home.resolve("seeds"));
    }

    @Test
    void anAbsoluteSettingStaysAsItIs() {
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", dir.toString(), "POBOX_ARCHIVE", "/mnt/archive"),
                new Properties());
        assertThat(config.archive()).isEqualTo(Path.of("/mnt/archive"));
        assertThat(config.asProperties().getProperty("pobox.archive")).isEqualTo("/mnt/archive");
    }
}
