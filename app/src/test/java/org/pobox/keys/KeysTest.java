package org.pobox.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {

    @TempDir
    Path dir;

    @Test
    void keysAreMadeOnceOwnerOnlyAndKeptAcrossOpens() throws Exception {
        Path keys = dir.resolve("data/keys");
        Keys first = Keys.in(keys);
        for (String f : List.of("reporter.key", "users.key", "audit.key")) {
            assertThat(Files.getPosixFilePermissions(keys.resolve(f))).as(f)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String sealed = first.reporters().seal("{\"phone\":\"13512345678\"}", "letter-1");
        // a later process (a new Keys over the same folder) opens what an earlier one sealed
        assertThat(Keys.in(keys).reporters().open(sealed, "letter-1")).isEqualTo("{\"phone\":\"13512345678\"}");
        assertThat(Keys.in(keys).users().sign("x")).isEqualTo(first.users().sign("x"));
    }

    @Test
    void aKeyMadeByManyAtOnceIsOneKey() throws Exception {
        Path file = dir.resolve("race/one.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<byte[]>> got = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            got.add(pool.submit((Callable<byte[]>) () -> KeyFile.readOrCreate(file)));
        }
        byte[] key = got.get(0).get();
        for (Future<byte[]> f : got) {
            assertThat(Arrays.equals(f.get(), key)).isTrue();
        }
        pool.shutdown();
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("one.key");
        }
    }

    @Test
    void aSealedValueChangedMovedOrFromAnotherKeyDoesNotOpen() {
        FieldCipher cipher = Keys.in(dir.resolve("a")).reporters();
        String sealed = cipher.seal("王秀英", "letter-1");
        assertThat(sealed).startsWith(FieldCipher.PREFIX).doesNotContain("王秀英");
        assertThat(cipher.seal("王秀英", "letter-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> cipher.open(sealed, "letter-2")).isInstanceOf(SealBrokenException.class);
        char[] c = sealed.toCharArray();
        c[c.length - 5] = c[c.length - 5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.open(new String(c), "letter-1")).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> Keys.in(dir.resolve("b")).reporters().open(sealed, "letter-1"))
                .isInstanceOf(SealBrokenException.class);
    }
}
