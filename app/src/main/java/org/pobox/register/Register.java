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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>A letter scanned one page per file ({@code x_p1.png}, {@code x_p2.png}) is one letter and
 * takes one number: the first of its page files to arrive takes a new number, every later page
 * file of the same page group gets that same number on its own line (so its replay finds it, and
 * the register still lists every file received). When a group's pages turn out to be another
 * letter (they repeat a page number of the indexed letter with other bytes), that letter takes
 * the next number ({@link #renumber}) and later pages of the group follow it.
 *
 * <p>Line format: {@code number<TAB>file id<TAB>received at (ISO instant)[<TAB>page group]}; the
 * page group is stored as a hash of {@code <round>/<name>}: the file name may carry a person's
 * name, which the register does not need. Lines without it (older registers, single-file
 * letters) load as before. A file listed again (renumbered) has its last line's number.
 */
public final class Register {

    private final Path file;
    private final String roundCode;
    private final ZoneId zone;
    /** File id → its registration, in order of first receipt. */
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    /** Hashed page group → the number of its current letter. */
    private final Map<String, String> byGroup = new HashMap<>();
    private final Map<String, Integer> lastSequence = new HashMap<>();

    /**
     * One registration.
     *
     * @param letterId the file's SHA-256 (for a letter recovered by {@code pobox reindex}, the letter's id)
     * @param group    the hashed page group of a page file, else null
     */
    public record Entry(String number, String letterId, Instant receivedAt, String group) {
        public Entry(String number, String letterId, Instant receivedAt) {
            this(number, letterId, receivedAt, null);
        }
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
    public Entry register(String letterId, Instant receivedAt) {
        return register(letterId, receivedAt, null);
    }

    /**
     * The registration of these bytes, one page file of the letter {@code pageGroup} (null for a
     * file that is a letter by itself): the existing one; else the number of the group's letter
     * when one of its page files came before; else a new next number. Written to disk first.
     */
    public synchronized Entry register(String letterId, Instant receivedAt, String pageGroup) {
        Entry known = byId.get(letterId);
        if (known != null) {
            return known;
        }
        String group = pageGroup == null ? null : hash(pageGroup);
        String number = group == null ? null : byGroup.get(group);
        Entry e = new Entry(number != null ? number : next(receivedAt), letterId, receivedAt, group);
        append(List.of(e));
        remember(e);
        return e;
    }

    /**
     * These page files of {@code pageGroup} (null: one file, a letter by itself) are a letter of
     * their own, not the letter numbered {@code taken} that they were registered with: the number
     * of the new letter, which later pages of the group get too. A new next number, unless they
     * already have one other than {@code taken} (the same pages replayed after a crash): a number
     * is never consumed twice for them. One write for all their lines, fsynced.
     */
    public synchronized String renumber(String pageGroup, List<String> fileIds, String taken) {
        String group = pageGroup == null ? null : hash(pageGroup);
        List<Entry> files = fileIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        if (files.isEmpty()) {
            // a number nobody's line records would be given again: never
            throw new IllegalArgumentException("renumber: none of these files is registered");
        }
        String number = files.stream().map(Entry::number).filter(n -> !n.equals(taken)).min(Comparator.naturalOrder())
                .orElse(null);
        if (number == null) {
            Instant first = files.stream().map(Entry::receivedAt).min(Comparator.naturalOrder()).orElse(Instant.now());
            number = next(first);
        }
        assign(group, files, number);
        return number;
    }

    /**
     * These page files are part of the letter numbered {@code number} (a late page joining its
     * letter): any of them registered under another number is listed again with the letter's, and
     * later pages of the group get it. Nothing is written when they all have it already.
     */
    public synchronized void follow(String pageGroup, List<String> fileIds, String number) {
        assign(hash(pageGroup), fileIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), number);
    }

    private void assign(String group, List<Entry> files, String number) {
        List<Entry> moved = files.stream().filter(f -> !f.number().equals(number) || !java.util.Objects.equals(group, f.group()))
                .map(f -> new Entry(number, f.letterId(), f.receivedAt(), group)).toList();
        if (!moved.isEmpty()) {
            append(moved);
            moved.forEach(this::remember);
        }
        if (group != null) {
            byGroup.put(group, number);
        }
    }

    public synchronized Entry find(String letterId) {
        return byId.get(letterId);
    }

    /** Every file registered, once, in order of receipt, with its number. */
    public synchronized List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    /**
     * The registrations in a register file, read only: for readers beside a running batch (the
     * report), which must not cut what may be a line being written.
     */
    public static List<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Map<String, Entry> out = new LinkedHashMap<>();
            for (Entry e : parse(file, bytes, complete(bytes))) {
                out.put(e.letterId(), e);
            }
            return List.copyOf(out.values());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the register " + file, ex);
        }
    }

    /** The round code numbers begin with; page groups are per round. */
    public String roundCode() {
        return roundCode;
    }

    public Path file() {
        return file;
    }

    private String next(Instant receivedAt) {
        String prefix = roundCode + "-" + receivedAt.atZone(zone).getYear();
        return String.format("%s-%04d", prefix, lastSequence.getOrDefault(prefix, 0) + 1);
    }

    /** A page group as stored: a hash, never the name. */
    private static String hash(String pageGroup) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(pageGroup.getBytes(StandardCharsets.UTF_8));
            return "g" + java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void append(List<Entry> lines) {
        StringBuilder text = new StringBuilder();
        for (Entry e : lines) {
            text.append(e.number()).append('\t').append(e.letterId()).append('\t').append(e.receivedAt());
            if (e.group() != null) {
                text.append('\t').append(e.group());
            }
            text.append('\n');
        }
        String line = text.toString();
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
        if (e.group() != null) {
            byGroup.put(e.group(), e.number());
        }
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
            int end = complete(bytes);
            if (end < bytes.length) {
                // a torn last line: written by a process that died before its fsync returned, so no
                // letter was given that number; cut it so the next number is the same one
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
            parse(file, bytes, end).forEach(this::remember);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the register " + file, ex);
        }
    }

    /** The length of the whole lines: a torn last line is not one. */
    private static int complete(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private static List<Entry> parse(Path file, byte[] bytes, int end) {
        List<Entry> out = new ArrayList<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3 && f.length != 4) {
                throw new IllegalStateException("register " + file + " has a damaged line: " + line);
            }
            out.add(new Entry(f[0], f[1], Instant.parse(f[2]), f.length == 4 ? f[3] : null));
        }
        return out;
    }
}
