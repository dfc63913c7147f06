package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.letter.LetterIds;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.BadFiles;
import org.pobox.testdata.GeneratedScan;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * A folder of bad inputs mixed with good ones: every bad one in failed/ with its specific reason,
 * every good one indexed, nothing written outside the data folders, a file still being written
 * taken only once it is complete.
 */
class BadInputsTest {

    @TempDir
    Path dir;

    private final ScanGenerator generator = new ScanGenerator(404L);

    @Test
    void badFilesFailWithTheirReasonGoodOnesAreIndexedAndTheBatchGoesOn() throws Exception {
        PoboxConfig config = TestPobox.config(dir.resolve("data"), "letters_bad");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path inbox = config.inbox();

        Map<String, String> bad = new TreeMap<>(); // name in the inbox → expected words of its reason
        TestPobox.drop(BadFiles.empty(src.resolve("e.jpg")), inbox, "empty.jpg");
        bad.put("empty.jpg", "empty file");
        GeneratedScan tiff = generator.write(Format.TIFF, src.resolve("t.tif"), List.of(short60()), PageStyle.clean(200));
        TestPobox.drop(BadFiles.truncatedTiff(src.resolve("tt.tif"),
                List.of(generator.render(tiff.pageTexts().get(0), PageStyle.clean(200))), 0.4), inbox, "truncated.tif");
        bad.put("truncated.tif", "truncated or corrupt TIFF");
        TestPobox.drop(BadFiles.textNamedPdf(src.resolve("n.pdf")), inbox, "notes.pdf");
        bad.put("notes.pdf", "not a PDF");
        TestPobox.drop(BadFiles.pngClaiming(src.resolve("bomb.png"), 100_000, 100_000), inbox, "bomb.png");
        bad.put("bomb.png", "image too large");
        TestPobox.drop(hugePagePdf(src.resolve("huge.pdf")), inbox, "absurd-page.pdf");
        bad.put("absurd-page.pdf", "too large");
        TestPobox.drop(BadFiles.encryptedPdf(src.resolve("enc.pdf"), generator.render(short60(), PageStyle.clean(200)), 200),
                inbox, "locked.pdf");
        bad.put("locked.pdf", "encrypted PDF");
        Files.writeString(src.resolve("w.docx"), "not a scan", StandardCharsets.UTF_8);
        TestPobox.drop(src.resolve("w.docx"), inbox, "letter.docx");
        bad.put("letter.docx", "unsupported format");

        // good letters, some with hostile names: "..", control characters, a right-to-left override
        List<String> goodNames = List.of("good-a.png", "..\\..\\escape.png", "bell\u0007name.png", "\u202Egnp.evil.png");
        Set<String> goodIds = new HashSet<>();
        for (int i = 0; i < goodNames.size(); i++) {
            Path g = src.resolve("g" + i + ".png");
            generator.write(Format.PNG, g, List.of(short60()), PageStyle.clean(200));
            goodIds.add(LetterIds.sha256(g));
            TestPobox.drop(g, inbox, goodNames.get(i));
        }

        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            // a file still being written when the batch runs: written in pieces, it must be taken
            // only once complete (not failed as truncated)
            Path slow = src.resolve("slow.png");
            generator.write(Format.PNG, slow, List.of(short60()), PageStyle.clean(200));
            goodIds.add(LetterIds.sha256(slow));
            writeSlowly(slow, inbox.resolve("still-being-written.png"));

            assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
            // the slow file may have been taken after the drain began: wait for it to end somewhere
            while (TestPobox.list(config.archive()).stream().noneMatch(n -> n.endsWith("still-being-written.png"))
                    && TestPobox.list(config.failed()).stream().noneMatch(n -> n.contains("still-being-written"))) {
                Thread.sleep(100);
            }

            Map<String, String> reasons = reasons(config.failed());
            for (Map.Entry<String, String> e : bad.entrySet()) {
                String reason = reasons.entrySet().stream().filter(r -> r.getKey().endsWith("-" + e.getKey() + ".reason"))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError("no reason for " + e.getKey() + " in " + reasons.keySet()));
                assertThat(reason).as(e.getKey()).containsIgnoringCase(e.getValue());
            }
            assertThat(reasons).hasSize(bad.size());
            assertThat(TestPobox.list(config.failed())).filteredOn(n -> !n.endsWith(".reason")).hasSize(bad.size());

            pipeline.index().refresh();
            assertThat(new HashSet<>(pipeline.index().ids())).as("archive %s failed %s", TestPobox.list(config.archive()),
                    TestPobox.list(config.failed())).isEqualTo(goodIds);
            List<String> archived = TestPobox.list(config.archive());
            assertThat(archived).hasSize(goodIds.size());
            assertThat(archived).allSatisfy(n -> assertThat(n).doesNotContain("..").doesNotContain("\u202E")
                    .doesNotContain("\u0007").doesNotContain("/").doesNotContain("\\"));
            assertThat(TestPobox.list(inbox)).isEmpty();
            assertThat(TestPobox.list(dir.resolve("data/work"))).isEmpty();
            // nothing escaped: the only things beside the data folder are the sources
            assertThat(TestPobox.list(dir)).containsExactlyInAnyOrder("data", "src");
            // every received file registered, numbers 1..n without a gap (failed files keep theirs)
            List<String> numbers = pipeline.register().entries().stream().map(e -> e.number()).toList();
            assertThat(numbers).hasSize(bad.size() + goodIds.size());
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).endsWith(String.format("-%04d", i + 1));
            }
        }
    }

    /**
     * A full disk, honestly: the register is {@code /dev/full}, where every write fails with "No space
     * left on device". The batch stops, no letter goes to failed/, nothing half-written is left, and
     * the letters wait in the inbox.
     */
    @Test
    void aRegisterThatCannotBeWrittenStopsTheBatchAndTheLettersWait() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        PoboxConfig config = TestPobox.config(dir.resolve("data"), "letters_full").with("pobox.register.file", "/dev/full");
        for (int i = 0; i < 2; i++) {
            Path g = Files.createDirectories(dir.resolve("src")).resolve("f" + i + ".png");
            generator.write(Format.PNG, g, List.of(short60()), PageStyle.clean(200));
            TestPobox.drop(g, config.inbox(), "full-" + i + ".png");
        }
        Pipeline pipeline = new Pipeline(config, TestEngine.client());
        // counted before the start, as pobox batch does: the intake takes a file at once
        List<Path> batch = pipeline.inbox().waiting();
        pipeline.start();
        try {
            assertThat(pipeline.drain(batch, Duration.ofSeconds(20), (d, t, tr) -> { })).isNotEmpty();
            assertThat(pipeline.tracker().isRegisterUnwritable()).isTrue();
            assertThat(pipeline.tracker().indexedCount()).isZero();
        } finally {
            pipeline.close();
        }
        assertThat(TestPobox.list(config.failed())).isEmpty();
        assertThat(TestPobox.list(config.archive())).isEmpty();
        assertThat(TestPobox.list(dir.resolve("data/work"))).isEmpty();
        assertThat(TestPobox.list(config.inbox())).containsExactlyInAnyOrder("full-0.png", "full-1.png");
    }

    /** A PDF whose page is 5 m × 5 m (PDF's own maximum): at scan resolution, gigapixels. */
    private static Path hugePagePdf(Path file) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage(new org.apache.pdfbox.pdmodel.common.PDRectangle(14_400, 14_400)));
            doc.save(file.toFile());
        }
        return file;
    }

    private String short60() {
        String t = generator.letters().letter();
        return t.substring(0, Math.min(60, t.length()));
    }

    /** Writes a file into the inbox in pieces over about 1.5 seconds, as a slow scanner would. */
    private static void writeSlowly(Path source, Path target) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        int pieces = 12;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < pieces; i++) {
                int from = bytes.length * i / pieces;
                int to = bytes.length * (i + 1) / pieces;
                out.write(Arrays.copyOfRange(bytes, from, to));
                out.flush();
                // less than the test's stableMs (300) between writes: the file never looks finished
                Thread.sleep(120);
            }
        }
    }

    private static Map<String, String> reasons(Path failed) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String n : TestPobox.list(failed)) {
            if (n.endsWith(".reason")) {
                out.put(n, Files.readString(failed.resolve(n), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

}
