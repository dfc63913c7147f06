package org.pobox.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.pobox.config.OwnerOnly;

/**
 * The furthest audit entry this host has written, kept outside the engine (beside the keys): a
 * chain whose last entries were deleted is still a whole chain, so only a record of how far it
 * once reached shows the cut. Writers of several processes take a file lock and only ever move the
 * record forward.
 */
final class Heads {

    record Head(long seq, String mac) {
    }

    private Heads() {
    }

    static void witness(Path file, long seq, String mac) {
        // a file lock keeps other processes out; threads of this one queue here (the JVM refuses a
        // second lock on the same file from another thread)
        synchronized (Heads.class) {
            witnessLocked(file, seq, mac);
        }
    }

    private static void witnessLocked(Path file, long seq, String mac) {
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                Head now = read(file);
                if (now != null && now.seq() >= seq) {
                    return;
                }
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
                        OwnerOnly.fileAttribute());
                Files.writeString(tmp, seq + " " + mac + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the audit's end in " + file, e);
        }
    }

    static Head read(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return new Head(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
