package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.letter.Json;
import org.pobox.letter.LetterIds;
import org.pobox.register.Register;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.BadFiles;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * Issue 12's batch, as a new user runs it ({@code pobox batch}, POBOX_HOME with the default
 * relative folders, started from another directory): a good PDF, four broken files, two PDFs
 * with nothing decodable, one PDF with one page of two decodable, and eight copies of one JPEG
 * under hostile names. Every file is accounted for; the eight copies are one letter with all
 * eight names, exactly, and one registration number.
 */
class HostileBatchTest {

    /** The names of the eight copies: a Windows path, a URL-encoded path, a bidi override hiding .exe, ... */
    static final List<String> COPY_NAMES = List.of(
            "..\\..\\..\\etc\\passwd.jpg",
            "..%2F..%2Fevil.jpg",
            "invoice\u202Egpj.exe",
            "two\nlines.jpg",
            "cafe\u0301\u200B\u200D.jpg",
            " leading space.jpg",
            "-rf --no-preserve-root.jpg",
            "scan.tif");

    @TempDir
    Path tmp;

    private final ScanGenerator generator = new ScanGenerator(1212L);

    @Test
    void everyFileIsAccountedForAndTheCopiesAreOneLetterWithEveryName() throws Exception {
        Path home = tmp.resolve("home");
        BatchChild batch = BatchChild.defaults(home, TestEngine.client().url(), "letters_hostile");
        Path inbox = home.resolve("inbox");
        Path src = Files.createDirectories(tmp.resolve("src"));

        String goodPdfText = text();
        generator.write(Format.PDF_IMAGE, src.resolve("good.pdf"), List.of(goodPdfText), PageStyle.clean(200));
        TestPobox.drop(src.resolve("good.pdf"), inbox, "来信.pdf");
        Map<String, String> bad = new HashMap<>(); // name → what its reason says
        TestPobox.drop(BadFiles.empty(src.resolve("e.jpg")), inbox, "empty.jpg");
        bad.put("empty.jpg", "empty file");
        TestPobox.drop(BadFiles.truncatedTiff(src.resolve("t.tif"), List.of(page()), 0.4), inbox, "truncated.tif");
        bad.put("truncated.tif", "truncated or corrupt TIFF");
        TestPobox.drop(BadFiles.textNamedPdf(src.resolve("n.pdf")), inbox, "notes.pdf");
        bad.put("notes.pdf", "not a PDF");
        TestPobox.drop(BadFiles.pngClaiming(src.resolve("bomb.png"), 100_000, 100_000), inbox, "bomb.png");
        bad.put("bomb.png", "image too large");
        TestPobox.drop(BadFiles.encryptedPdfWithBrokenStreams(src.resolve("enc.pdf"), List.of(page(), page()), 200),
                inbox, "encrypted.pdf");
        bad.put("encrypted.pdf", "no readable page");
        TestPobox.drop(BadFiles.truncatedPdf(src.resolve("cut.pdf"), List.of(page(), page()), 200, 0.3), inbox, "cut.pdf");
        bad.put("cut.pdf", "no readable page");
        // cut after its first page: the second page's image is gone
        TestPobox.drop(BadFiles.truncatedPdf(src.resolve("half.pdf"), List.of(page(), page()), 200, 0.75), inbox, "half.pdf");
        String halfId = LetterIds.sha256(inbox.resolve("half.pdf"));

        Path jpeg = src.resolve("copy.jpg");
        generator.write(Format.JPEG, jpeg, List.of(text()), PageStyle.clean(200));
        String copyId = LetterIds.sha256(jpeg);
        for (String name : COPY_NAMES) {
            TestPobox.drop(jpeg, inbox, name);
        }
        int entered = TestPobox.list(inbox).size();
        assertThat(entered).isEqualTo(1 + bad.size() + 1 + COPY_NAMES.size());

        Process run = batch.start("batch");
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = batch.output();
        assertThat(run.exitValue()).as(output).isEqualTo(1);

        // entered = archive/ + failed/ + still waiting, and nothing anywhere else
        List<String> archived = TestPobox.list(home.resolve("archive"));
        List<String> failed = TestPobox.list(home.resolve("failed")).stream().filter(n -> !n.endsWith(".reason")).toList();
        assertThat(TestPobox.list(inbox)).isEmpty();
        assertThat(archived.size() + failed.size()).as("archive %s failed %s", archived, failed).isEqualTo(entered);
        assertThat(archived).hasSize(2 + COPY_NAMES.size()).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n.matches("[0-9a-f]{12}(~[0-9]+)?-.+")
                        && org.pobox.intake.FileNames.isPlain(n.substring(n.indexOf('-') + 1))).as(n).isTrue());
        assertThat(failed).hasSize(bad.size());
        assertThat(TestPobox.list(home.resolve("work"))).isEmpty();
        assertThat(Files.exists(inbox.resolve("work"))).as("inbox/work/").isFalse();
        assertThat(TestPobox.list(home)).containsExactlyInAnyOrder("inbox", "work", "archive", "failed", "data", "logs");
        assertThat(TestPobox.list(home.resolve("data"))).allSatisfy(n -> assertThat(n).isIn("register.log",
                "batch.lock", "last-batch.json"));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            String reasonFile = TestPobox.list(home.resolve("failed")).stream().filter(n -> n.endsWith("-" + e.getKey() + ".reason"))
                    .findFirst().orElseThrow(() -> new AssertionError("no reason for " + e.getKey()));
            assertThat(Files.readString(home.resolve("failed").resolve(reasonFile), StandardCharsets.UTF_8))
                    .as(e.getKey()).containsIgnoringCase(e.getValue());
        }

        // three letters: the good PDF, the half PDF (needs review: its second page), the eight copies
        Map<String, JsonNode> letters = letters("letters_hostile");
        assertThat(letters).hasSize(3).containsKeys(copyId, halfId);
        JsonNode copies = letters.get(copyId);
        List<String> names = new ArrayList<>();
        copies.path("file_names").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(COPY_NAMES);
        JsonNode half = letters.get(halfId);
        assertThat(half.path("needs_review").asBoolean()).isTrue();
        assertThat(half.path("review_reasons").toString()).contains("unreadable_pages");
        assertThat(half.path("page_count").asInt()).isEqualTo(2);

        // one registration number per letter and per failed file, gapless; the copies share theirs
        List<Register.Entry> entries = new Register(home.resolve("data/register.log"), "SD10JM",
                java.time.ZoneId.of("Asia/Shanghai")).entries();
        assertThat(entries).hasSize(1 + bad.size() + 1 + 1);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).number()).endsWith(String.format("-%04d", i + 1));
        }
        assertThat(copies.path("registration_no").asText())
                .isEqualTo(entries.stream().filter(e -> e.letterId().equals(copyId)).findFirst().orElseThrow().number());

        // the decoder's complaints are in the log file, not on the console
        assertThat(output).doesNotContain("org.apache.pdfbox").doesNotContain("\tat ");
        assertThat(Files.readString(home.resolve("logs/pobox.log"), StandardCharsets.UTF_8)).contains("cannot be decoded");
    }

    @SuppressWarnings("unchecked")
    static Map<String, JsonNode> letters(String alias) throws Exception {
        org.pobox.index.LetterIndex index = new org.pobox.index.LetterIndex(TestEngine.client(), alias, 1);
        index.refresh();
        Map<String, JsonNode> out = new HashMap<>();
        TestEngine.client().client().search(s -> s.index(alias).size(10_000), Map.class).hits().hits()
                .forEach(h -> out.put(h.id(), Json.MAPPER.valueToTree(h.source())));
        return out;
    }

    private String text() {
        String t = generator.letters().letter();
        return t.substring(0, Math.min(60, t.length()));
    }

    private java.awt.image.BufferedImage page() {
        return generator.render(text(), PageStyle.clean(200));
    }
}
