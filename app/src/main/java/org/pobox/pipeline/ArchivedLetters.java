package org.pobox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFileName;
import org.pobox.ocr.OcrRecords;
import org.pobox.register.Register;

/**
 * The letters in {@code archive/}, as the intake made them: the source of truth that
 * {@code pobox reindex} rebuilds the index from.
 *
 * <ul>
 *   <li>A letter with an OCR record ({@link OcrRecords}) is the files its record names, when they
 *       are all there with the same bytes: its id and page order are the record's.</li>
 *   <li>Any other file is one letter whose id is the SHA-256 of its bytes; the same bytes archived
 *       under several names are one letter with all those names (as the intake does).</li>
 *   <li>Per-page files ({@link PageFileName}: {@code x_p1.png}, {@code x_p2.png}) without a record
 *       are grouped by their letter name, as the group route does; the id is the SHA-256 of the
 *       pages' SHA-256s in page order, so the same pages give the same letter id as at intake.
 *       When the same name was used again for another letter (a page number seen twice), the
 *       files are split in order of receipt: each page number once per letter.</li>
 * </ul>
 */
final class ArchivedLetters {

    private static final Pattern ARCHIVE_NAME = Pattern.compile("^([0-9a-f]{12})(?:~[0-9]+)?-(.+)$");

    /** One file of a letter in {@code archive/}. */
    record ArchivedFile(Path path, String name, String sha256, Instant receivedAt) {
    }

    /**
     * One letter to rebuild.
     *
     * @param files   its scan files in page order (several only for a letter sent one page per file)
     * @param names   the names it was received under ({@code file_names})
     * @param grouped made of per-page files
     * @param record  its OCR record, if one was kept
     */
    record ArchivedLetter(String id, List<ArchivedFile> files, List<String> names, boolean grouped,
                          Instant receivedAt, OcrRecords.Record record) {
        ArchivedLetter withName(String name) {
            if (names.contains(name)) {
                return this;
            }
            List<String> more = new ArrayList<>(names);
            more.add(name);
            return new ArchivedLetter(id, files, more, grouped, receivedAt, record);
        }
    }

    private ArchivedLetters() {
    }

    /** Every letter in the archive, in order of receipt. */
    static List<ArchivedLetter> scan(Path archive, OcrRecords records, Register register) {
        Map<String, ArchivedFile> byName = new LinkedHashMap<>();
        for (Path p : files(archive)) {
            String fileName = p.getFileName().toString();
            Matcher m = ARCHIVE_NAME.matcher(fileName);
            String sha = LetterIds.sha256(p);
            Register.Entry known = register.find(sha);
            Instant received = known != null ? known.receivedAt() : modified(p);
            byName.put(fileName, new ArchivedFile(p, m.matches() ? m.group(2) : fileName, sha, received));
        }

        Map<String, ArchivedLetter> letters = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        Set<String> claimedShas = new HashSet<>();
        for (OcrRecords.Record r : records.all()) {
            List<ArchivedFile> files = new ArrayList<>();
            for (OcrRecords.Source s : r.sources()) {
                ArchivedFile f = byName.get(s.archiveName());
                if (f == null || !f.sha256().equals(s.sha256())) {
                    files = null; // a file moved or changed: its letter is found from the files themselves
                    break;
                }
                files.add(f);
            }
            if (files == null || letters.containsKey(r.id())) {
                continue;
            }
            files.forEach(f -> claimed.add(f.path().getFileName().toString()));
            files.forEach(f -> claimedShas.add(f.sha256()));
            boolean grouped = files.size() > 1 || !r.id().equals(files.get(0).sha256());
            List<String> names = grouped ? files.stream().map(ArchivedFile::name).toList() : new ArrayList<>(List.of(files.get(0).name()));
            letters.put(r.id(), new ArchivedLetter(r.id(), files, names, grouped, files.get(0).receivedAt(), r));
        }

        Map<String, List<ArchivedFile>> pageFiles = new LinkedHashMap<>();
        List<ArchivedFile> namesOnly = new ArrayList<>(); // bytes of a recorded letter under another name
        for (ArchivedFile f : byName.values()) {
            if (claimed.contains(f.path().getFileName().toString())) {
                continue;
            }
            Optional<PageFileName> page = PageFileName.parse(f.name());
            if (page.isPresent()) {
                if (claimedShas.contains(f.sha256())) { // a page already part of a recorded letter
                    namesOnly.add(f);
                } else {
                    pageFiles.computeIfAbsent(page.get().letter(), k -> new ArrayList<>()).add(f);
                }
                continue;
            }
            ArchivedLetter same = letters.get(f.sha256());
            letters.put(f.sha256(), same != null ? same.withName(f.name())
                    : new ArchivedLetter(f.sha256(), List.of(f), List.of(f.name()), false, f.receivedAt(), null));
        }
        for (List<ArchivedFile> sameName : pageFiles.values()) {
            for (List<ArchivedFile> group : splitByPage(sameName)) {
                String id = LetterIds.sha256(String.join(",", group.stream().map(ArchivedFile::sha256).toList()));
                letters.putIfAbsent(id, new ArchivedLetter(id, group, group.stream().map(ArchivedFile::name).toList(),
                        true, group.get(0).receivedAt(), null));
            }
        }
        return sameBytesOnce(letters.values().stream()
                .sorted(Comparator.comparing(ArchivedLetter::receivedAt).thenComparing(ArchivedLetter::id)).toList(), namesOnly);
    }

    /**
     * As at intake ({@link org.pobox.intake.OneLetterPerNumber}): a letter found from its files
     * whose bytes are all in another letter is that letter, which takes its names; so are files
     * whose bytes a recorded letter has under another name. A letter with an OCR record was indexed
     * as it is and stays, under its id; of the others the one received first holds. In order of
     * receipt.
     */
    private static List<ArchivedLetter> sameBytesOnce(List<ArchivedLetter> letters, List<ArchivedFile> namesOnly) {
        List<ArchivedLetter> kept = new ArrayList<>();
        Map<String, List<Integer>> holders = new HashMap<>(); // a file's SHA-256 → the kept letters with it
        // recorded letters first (a stable sort: each kind stays in order of receipt)
        List<ArchivedLetter> recordedFirst = letters.stream().sorted(Comparator.comparing(l -> l.record() == null)).toList();
        for (ArchivedLetter letter : recordedFirst) {
            Set<String> shas = letter.files().stream().map(ArchivedFile::sha256).collect(java.util.stream.Collectors.toSet());
            Integer holder = letter.record() != null ? null : holderOf(shas, holders.get(letter.files().get(0).sha256()), kept);
            if (holder != null) {
                ArchivedLetter merged = kept.get(holder);
                for (String name : letter.names()) {
                    merged = merged.withName(name);
                }
                kept.set(holder, merged);
                continue;
            }
            for (String sha : shas) {
                holders.computeIfAbsent(sha, k -> new ArrayList<>()).add(kept.size());
            }
            kept.add(letter);
        }
        for (ArchivedFile f : namesOnly) {
            List<Integer> with = holders.getOrDefault(f.sha256(), List.of());
            if (!with.isEmpty()) {
                kept.set(with.get(0), kept.get(with.get(0)).withName(f.name()));
            }
        }
        return kept.stream().sorted(Comparator.comparing(ArchivedLetter::receivedAt).thenComparing(ArchivedLetter::id)).toList();
    }

    /** The first of {@code candidates} (indexes into {@code kept}) whose files hold all of {@code shas}, or null. */
    private static Integer holderOf(Set<String> shas, List<Integer> candidates, List<ArchivedLetter> kept) {
        return candidates == null ? null : candidates.stream()
                .filter(k -> kept.get(k).files().stream().map(ArchivedFile::sha256).toList().containsAll(shas))
                .findFirst().orElse(null);
    }

    /** Page files of one letter name: each page number once per letter, in order of receipt. */
    private static List<List<ArchivedFile>> splitByPage(List<ArchivedFile> files) {
        List<ArchivedFile> byReceipt = new ArrayList<>(files);
        byReceipt.sort(Comparator.comparing(ArchivedFile::receivedAt).thenComparing(ArchivedFile::name));
        List<Map<Integer, ArchivedFile>> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArchivedFile f : byReceipt) {
            if (!seen.add(f.sha256())) {
                continue; // the same page bytes archived twice
            }
            int page = PageFileName.parse(f.name()).orElseThrow().page();
            Map<Integer, ArchivedFile> target = groups.stream().filter(g -> !g.containsKey(page)).findFirst().orElse(null);
            if (target == null) {
                target = new HashMap<>();
                groups.add(target);
            }
            target.put(page, f);
        }
        return groups.stream().map(g -> g.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList()).toList();
    }

    private static List<Path> files(Path archive) {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(archive)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + archive, e);
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
