package org.pobox.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.pobox.config.OwnerOnly;

/**
 * One secret in a file of its own: 32 random bytes, Base64 on one line, mode 0600. Made the first
 * time it is asked for; two processes starting at once end up with the same secret (written to a
 * temporary file, then linked into place, which fails if the other was first).
 */
public final class KeyFile {

    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /** The secret in {@code file}, made now if the file does not exist. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < BYTES) {
                throw new IllegalStateException(file + " holds " + key.length + " bytes, not a pobox key of " + BYTES);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a pobox key (Base64 of " + BYTES + " bytes)", e);
        }
    }

    private static void create(Path file) throws IOException {
        OwnerOnly.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new", OwnerOnly.fileAttribute());
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true); // a key lost in a crash would make everything sealed with it unreadable
            }
            try {
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException exists) {
                        throw exists;
                    }
                    Files.move(tmp, file); // no hard links here: a move that also refuses to replace
                }
            } catch (FileAlreadyExistsException e) {
                // another process made it first: its key is the one
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
