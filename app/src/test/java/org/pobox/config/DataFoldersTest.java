package org.pobox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pobox makes its own folders owner-only, never a folder it only writes a file into. */
class DataFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aRegisterSetInASharedFolderIsMadeOwnerOnlyButNotTheFolderNorItsNeighbours() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path neighbour = Files.writeString(shared.resolve("someone-elses.txt"), "x");
        Files.setPosixFilePermissions(neighbour, PosixFilePermissions.fromString("rw-r--r--"));
        Path register = Files.writeString(shared.resolve("register.log"), "");
        Files.setPosixFilePermissions(register, PosixFilePermissions.fromString("rw-r--r--"));
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", dir.resolve("home").toString()), new Properties())
                .with("pobox.register.file", register.toString());

        DataFolders.secure(config);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(register))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(neighbour))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFolderEveryoneUsesIsNeverOneOfPoboxsEvenWhenSetAsOne() {
        PoboxConfig config = PoboxConfig.load(Map.of("POBOX_HOME", dir.resolve("home").toString()), new Properties())
                .with("pobox.report.dir", "/tmp").with("pobox.register.file", "/dev/full")
                .with("pobox.node.data", System.getProperty("user.home"));

        assertThat(DataFolders.of(config)).doesNotContain(Path.of("/tmp"), Path.of("/dev"),
                Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())
                .contains(dir.resolve("home").resolve("data"));
    }
}
