package org.pobox.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The register (登记簿): every file received gets a registration number, {@code ROUND-YEAR-NNNN},
 * once, in order of receipt, never reused and never skipped.
 *
 * <p>Why an append-only file and not a sequence document in the engine: the number must be fixed
 * before the letter is indexed, also while the engine is down (letters wait, their numbers do not
 * move), and a crash must neither lose an assigned number nor leave a hole. One line per file is
 * appended and fsynced before anything else happens to the file; a replay of the same bytes (same
 * SHA-256) finds its line and gets the same number back. A torn last line (a crash in the middle of
 * the write, never fsynced, so never used) is cut off on load. Only one batch runs at a time (the
 * batch lock), and within it assignment is serialised here.
 *
 * <p>Line format: {@code number<TAB>letter id<TAB>received at (ISO instant)}.
 */
public final class Register {

    private final Path file;
    private final String roundCode;
    private final ZoneId zone;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Integer> lastSequence = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /** One registration. */
    public record Entry(String number, String letterId, Instant receivedAt) {
    }

    public Register(Path file, String roundCode, ZoneId zone) {
        if (!roundCode.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("round code must be letters and digits: " + roundCode);
        }
        this.file = file;
        this.roundCode = roundCode;
        this.zone = zone;
        load();
    }

    /** The registration of these bytes: the existing one, or a new next number written to disk first. */
    public synchronized Entry register(String letterId, Instant receivedAt) {
        Entry known = byId.get(letterId);
        if (known != null) {
            return known;
        }
        String prefix = roundCode + "-" + receivedAt.atZone(zone).getYear();
        int next = lastSequence.getOrDefault(prefix, 0) + 1;
        Entry e = new Entry(String.format("%s-%04d", prefix, next), letterId, receivedAt);
        append(e);
        remember(e);
        return e;
    }

    public synchronized Entry find(String letterId) {
        return byId.get(letterId);
    }

    /** Every registration, in order of receipt. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    private void append(Entry e) {
        String line = e.number() + "\t" + e.letterId() + "\t" + e.receivedAt() + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException ex) {
            // a full disk lands here: the file is not registered, so it is not processed either
            throw new RegisterWriteException("cannot write the register " + file + ": " + ex.getMessage(), ex);
        }
    }

    private void remember(Entry e) {
        byId.put(e.letterId(), e);
        entries.add(e);
        int dash = e.number().lastIndexOf('-');
        lastSequence.merge(e.number().substring(0, dash), Integer.parseInt(e.number().substring(dash + 1)), Math::max);
    }

    private void load() {
        // not a regular file: nothing to load (also keeps a device such as /dev/full from being read forever)
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                // a torn last line: written by a process that died before its fsync returned, so no
                // letter was given that number; cut it so the next number is the same one
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException("register " + file + " has a damaged line: " + line);
                }
                remember(new Entry(f[0], f[1], Instant.parse(f[2])));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the register " + file, ex);
        }
    }
}
