package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.intake.FileNames;
import org.pobox.letter.LetterIds;
import org.pobox.letter.PageFileName;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * Many files with names drawn from a hostile alphabet ({@code %}, backslashes, encoded slashes,
 * {@code ..}, control, bidi, zero-width and combining characters, very long names, the NFC and
 * NFD forms of one name), with the same bytes repeated at random under several names, half of
 * them dropped while the intake runs. Fixed seed, bounded time. Every file is accounted for,
 * nothing is outside its folders, every name is on its letter, one number per letter.
 */
class RandomNamesTest {

    private static final String[] PIECES = {"%", "%25", "\\", "%2F", "%5c", "..", ".", "\u0001", "\n", "\t", "\u007F",
            "\u202E", "\u2066", "\u200F", "\u200B", "\u200D", "\uFEFF", "\u0301", "\u0308", "信", "件", "举报", "a", "B",
            "1", " ", "-", "_", "(", "~", "$", "'", "\""};
    private static final String[] EXTENSIONS = {".jpg", ".png", ".JPG", ".tif", ".pdf", ""};
    private static final int FILES = 36;
    private static final int SCANS = 5;

    @TempDir
    Path dir;

    @Test
    void everyFileIsAccountedForAndEveryNameIsOnItsLetter() throws Exception {
        PoboxConfig config = TestPobox.config(dir.resolve("data"), "letters_random_names");
        Random random = new Random(20261203L);
        ScanGenerator generator = new ScanGenerator(12L);
        List<Path> scans = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            Path scan = Files.createDirectories(dir.resolve("src")).resolve("s" + i + (i % 2 == 0 ? ".jpg" : ".png"));
            String text = generator.letters().letter();
            generator.write(i % 2 == 0 ? Format.JPEG : Format.PNG, scan, List.of(text.substring(0, Math.min(50, text.length()))),
                    PageStyle.clean(200));
            scans.add(scan);
        }
        Map<String, Path> dropped = new LinkedHashMap<>(); // name → its bytes
        dropped.put(Normalizer.normalize("café 来信.jpg", Normalizer.Form.NFC), scans.get(0));
        dropped.put(Normalizer.normalize("café 来信.jpg", Normalizer.Form.NFD), scans.get(1));
        // a hidden and a temporary file: left alone, and counted as waiting, with why
        dropped.put(".hidden\u200B信.jpg", scans.get(2));
        dropped.put("scan\u202E.jpg.part", scans.get(3));
        while (dropped.size() < FILES) {
            dropped.putIfAbsent(name(random), scans.get(random.nextInt(SCANS)));
        }
        List<Map.Entry<String, Path>> all = new ArrayList<>(dropped.entrySet());
        for (Map.Entry<String, Path> e : all.subList(0, FILES / 2)) {
            TestPobox.drop(e.getValue(), config.inbox(), e.getKey());
        }

        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            for (Map.Entry<String, Path> e : all.subList(FILES / 2, FILES)) {
                TestPobox.drop(e.getValue(), config.inbox(), e.getKey());
                Thread.sleep(random.nextInt(150));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            while (!pipeline.inbox().waiting().isEmpty() || !TestPobox.list(config.path("pobox.work")).isEmpty()
                    || pipeline.camel().getInflightRepository().size() > 0) {
                assertThat(System.nanoTime()).as("the batch did not finish in time").isLessThan(deadline);
                Thread.sleep(250);
            }
            org.pobox.group.PageGroups.completeAll(pipeline.camel());
            while (pipeline.camel().getInflightRepository().size() > 0) {
                Thread.sleep(250);
            }
            pipeline.index().refresh();

            // the waiting ones: hidden or temporary names, each with why
            List<String> notTaken = pipeline.inbox().notTaken();
            List<String> archived = TestPobox.list(config.archive());
            List<String> failed = TestPobox.list(config.failed()).stream().filter(n -> !n.endsWith(".reason")).toList();
            assertThat(archived.size() + failed.size() + notTaken.size()).as("archive %s, failed %s, waiting %s",
                    archived, failed, notTaken).isEqualTo(FILES);
            assertThat(failed).isEmpty();
            assertThat(notTaken).hasSizeGreaterThanOrEqualTo(2).allSatisfy(w -> assertThat(w).contains("temporary or hidden"));
            // <sha12>[~n]-<plain name>: a plain name behind the hash prefix
            assertThat(archived).doesNotHaveDuplicates().allSatisfy(n -> assertThat(
                    n.matches("[0-9a-f]{12}(~[0-9]+)?-.+") && FileNames.isPlain(n.substring(n.indexOf('-') + 1)))
                    .as(FileNames.visible(n)).isTrue());
            // nothing outside its folders
            assertThat(TestPobox.list(dir)).containsExactlyInAnyOrder("data", "src");
            assertThat(TestPobox.list(dir.resolve("data"))).isSubsetOf("inbox", "work", "archive", "failed", "data");
            assertThat(TestPobox.list(config.path("pobox.work"))).isEmpty();

            // every name taken is on the letter of its bytes, exactly; no letter has a name that was not dropped
            Map<String, JsonNode> letters = HostileBatchTest.letters("letters_random_names");
            Map<String, String> letterOfName = new HashMap<>();
            letters.forEach((id, doc) -> doc.path("file_names").forEach(n -> letterOfName.put(n.asText(), id)));
            assertThat(dropped.keySet()).containsAll(letterOfName.keySet());
            Set<String> takenIds = new HashSet<>();
            boolean pageFiles = false;
            for (Map.Entry<String, Path> e : dropped.entrySet()) {
                if (notTaken.stream().anyMatch(w -> w.startsWith(FileNames.sanitise(e.getKey()) + ": "))
                        && Files.exists(config.inbox().resolve(e.getKey()))) {
                    continue; // still waiting, and says why
                }
                assertThat(letterOfName).as("the letter of %s", FileNames.visible(e.getKey())).containsKey(e.getKey());
                boolean pageFile = PageFileName.parse(FileNames.sanitise(e.getKey())).isPresent();
                pageFiles |= pageFile;
                if (!pageFile) {
                    assertThat(letterOfName.get(e.getKey())).isEqualTo(LetterIds.sha256(e.getValue()));
                    takenIds.add(LetterIds.sha256(e.getValue()));
                }
            }
            if (!pageFiles) {
                assertThat(letters.keySet()).isEqualTo(takenIds);
            }
            // one registration number per letter, gapless
            List<String> numbers = pipeline.register().entries().stream().map(e -> e.number()).distinct().sorted().toList();
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).endsWith(String.format("-%04d", i + 1));
            }
            Set<String> letterNumbers = new HashSet<>();
            letters.values().forEach(d -> letterNumbers.add(d.path("registration_no").asText()));
            assertThat(letterNumbers).hasSize(letters.size());
            System.out.printf("random names: %d files, %d letters, %d archived, %d waiting%n", FILES, letters.size(),
                    archived.size(), notTaken.size());
        }
    }

    /** A name of 1 to 12 hostile pieces and an extension, or now and then one of about 250 bytes. */
    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        if (random.nextInt(8) == 0) {
            while (name.toString().getBytes(StandardCharsets.UTF_8).length < 240) {
                name.append(random.nextBoolean() ? "长" : PIECES[random.nextInt(PIECES.length)]);
            }
        } else {
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                name.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        name.append(EXTENSIONS[random.nextInt(EXTENSIONS.length)]);
        String s = name.toString();
        // what no file system allows: a slash, NUL, more than 255 bytes, "." and ".."
        while (s.getBytes(StandardCharsets.UTF_8).length > 250) {
            s = s.substring(1);
        }
        return s.equals(".") || s.equals("..") || s.isEmpty() ? "x" + s : s;
    }
}
