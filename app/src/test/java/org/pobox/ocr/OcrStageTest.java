package org.pobox.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.HanLP;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.component.file.GenericFile;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.letter.Headers;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.letter.LetterIds;
import org.pobox.letter.Page;
import org.pobox.pipeline.Pipeline;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.Cer;
import org.pobox.testdata.Degrade;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanFiles;
import org.pobox.testdata.ScanGenerator;

/**
 * The ocr route of a started pipeline (real Paddle models, real Tesseract): which engine reads
 * a page, what a page records, and the letter built from the pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrStageTest {

    @TempDir
    static Path dir;

    private Pipeline paddle;
    private Pipeline noModels;
    private PoboxConfig paddleConfig;
    private final ScanGenerator generator = new ScanGenerator(6060L);

    @BeforeAll
    void start() throws Exception {
        paddleConfig = TestPobox.config(dir.resolve("paddle"), "letters_ocrstage");
        paddle = new Pipeline(paddleConfig, TestEngine.client()).start();
        Path emptyModels = Files.createDirectories(dir.resolve("no-models"));
        PoboxConfig broken = TestPobox.config(dir.resolve("broken"), "letters_ocrstage_b")
                .with("pobox.ocr.paddle.models", emptyModels.toString());
        noModels = new Pipeline(broken, TestEngine.client()).start();
    }

    @AfterAll
    void stop() {
        paddle.close();
        noModels.close();
    }

    @Test
    void paddleReadsACleanPageAndKeepsItsLineBoxes() throws Exception {
        String truth = generator.letters().letter();
        Letter letter = read(paddle, Format.PNG, "clean.png", List.of(generator.render(truth, PageStyle.clean(200))));

        Page page = letter.pages().get(0);
        assertThat(page.engine()).isEqualTo("paddle");
        assertThat(page.fallback()).isNull();
        assertThat(Cer.of(truth, page.text())).isLessThanOrEqualTo(0.02);
        assertThat(page.lines()).isNotEmpty();
        assertThat(page.lines()).allSatisfy(l -> assertThat(l.xs()).hasSize(4));
        assertThat(page.lowConfidenceShare()).isNotNull().isLessThan(0.1);
        assertThat(letter.needsReview()).as("reasons %s", letter.reviewReasons()).isFalse();
    }

    @Test
    void missingModelsSendThePageToTesseractAndThePageSaysSo() throws Exception {
        String truth = generator.letters().letter();
        Letter letter = read(noModels, Format.PNG, "fallback.png", List.of(generator.render(truth, PageStyle.clean(200))));

        Page page = letter.pages().get(0);
        assertThat(page.engine()).isEqualTo("tesseract");
        assertThat(page.fallback()).isEqualTo("paddle-failed");
        assertThat(Cer.of(truth, page.text())).isLessThanOrEqualTo(0.1);
        assertThat(page.lines()).isNotEmpty().allSatisfy(l -> assertThat(l.xs()[1]).isGreaterThan(l.xs()[0]));
        assertThat(page.lowConfidenceShare()).isNotNull();
    }

    @Test
    void turnedPagesComeOutUprightInTheirOrder() throws Exception {
        List<String> truths = new ArrayList<>();
        List<BufferedImage> pages = new ArrayList<>();
        for (int quarters = 1; quarters <= 3; quarters++) {
            String t = generator.letters().letter();
            truths.add(t);
            pages.add(Degrade.rotate(generator.render(t, PageStyle.clean(200)), quarters));
        }
        Letter letter = read(paddle, Format.TIFF, "turned.tif", pages);

        assertThat(letter.pages()).extracting(Page::number).containsExactly(1, 2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(Cer.of(truths.get(i), letter.pages().get(i).text())).as("page %d", i + 1).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void aPdfWithARealTextLayerIsNotOcred() throws Exception {
        String truth = generator.letters().letter();
        Path pdf = dir.resolve("born-digital.pdf");
        ScanFiles.writeTextPdf(pdf, List.of(truth));
        Letter letter = read(paddle, pdf, "born-digital.pdf");

        Page page = letter.pages().get(0);
        assertThat(page.engine()).isEqualTo("text-layer");
        assertThat(page.lines()).isEmpty();
        assertThat(Cer.of(truth, page.text())).isLessThanOrEqualTo(0.01);
    }

    @Test
    void anEnvelopeIsKeptAsAPageButOutOfTheBodyText() throws Exception {
        String address = generator.envelopeText();
        String body = generator.letters().letterWith("村干部侵占集体土地");
        Letter letter = read(paddle, Format.TIFF, "with-envelope.tif",
                List.of(generator.render(address, PageStyle.clean(200)), generator.render(body, PageStyle.clean(200))));

        assertThat(letter.pages()).hasSize(2);
        assertThat(letter.pages().get(0).envelope()).isTrue();
        assertThat(letter.pages().get(1).envelope()).isFalse();
        assertThat(letter.envelopeText()).contains("巡视组");
        // a phrase may be wrapped across lines
        assertThat(letter.text().replaceAll("\\s", "")).contains("村干部侵占集体土地").doesNotContain("邮政专用信箱");
    }

    @Test
    void aNearlyBlankPageAsksForReview() throws Exception {
        Letter letter = read(paddle, Format.PNG, "blank.png", List.of(generator.render("此致", PageStyle.clean(200))));

        assertThat(letter.needsReview()).isTrue();
        assertThat(letter.reviewReasons()).contains(Review.LITTLE_TEXT);
    }

    /**
     * A letter written in traditional characters: the recogniser has no class for some of them
     * (眾, 黨) and leaves them out, so the letter asks for a reader of its scan.
     */
    @Test
    void aLetterInTraditionalCharactersAsksForReview() throws Exception {
        String truth = HanLP.convertToTraditionalChinese(generator.letters().letterWith("群众意见很大"));
        Letter letter = read(paddle, Format.PNG, "traditional.png", List.of(generator.render(truth, PageStyle.clean(200))));

        assertThat(letter.needsReview()).isTrue();
        assertThat(letter.reviewReasons()).contains(Review.TRADITIONAL_SCRIPT);
    }

    /** A small fixed set of degraded pages: the Paddle path keeps its character error rate low. */
    @Test
    void paddleCerOnDegradedPagesStaysUnderItsBound() throws Exception {
        ScanGenerator fixed = new ScanGenerator(424242L);
        Random random = new Random(7);
        List<String> truths = new ArrayList<>();
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String t = fixed.letters().letter();
            truths.add(t);
            BufferedImage page = fixed.render(t, new PageStyle(ScanGenerator.installedFonts().get(i % ScanGenerator.installedFonts().size()),
                    200, 12f, true, 1.2, 235));
            page = switch (i) {
                case 0 -> Degrade.jpeg(Degrade.blur(page, 1), 0.3f);
                case 1 -> Degrade.lowContrast(Degrade.ruled(page, 60), 90, 200);
                case 2 -> Degrade.redSeal(Degrade.punchHoles(page, 200), 200, random);
                default -> Degrade.photographed(Degrade.border(page, 30), 0.08, 0.4);
            };
            pages.add(page);
        }
        Letter letter = read(paddle, Format.TIFF, "degraded.tif", pages);

        double sum = 0;
        for (int i = 0; i < truths.size(); i++) {
            sum += Cer.of(truths.get(i), letter.pages().get(i).text());
        }
        assertThat(sum / truths.size()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void aDroppedScanIsIndexedWithTheEngineOfEachPage() throws Exception {
        Path source = dir.resolve("dropped.png");
        generator.write(Format.PNG, source, List.of(generator.letters().letterWith("扶贫资金被挪用")), PageStyle.clean(200));
        TestPobox.drop(source, paddleConfig.inbox(), "dropped.png");
        assertThat(paddle.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        String id = LetterIds.sha256(source);
        var response = TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request("GET", "/letters_ocrstage/_doc/" + id));
        JsonNode doc = Json.MAPPER.readTree(EntityUtils.toString(response.getEntity())).get("_source");
        assertThat(doc.get("pages").get(0).get("engine").asText()).isEqualTo("paddle");
        assertThat(doc.get("needs_review").asBoolean()).isFalse();
        assertThat(doc.get("text").asText()).contains("扶贫资金被挪用");
    }

    /**
     * Issue 16 item 5, as the mailroom scans a letter: the envelope's front (postal code by hand in
     * its boxes, a turned round postmark over the stamp) in colour, then the letter. The letter is
     * indexed with the postmark's date, its text without the envelope, and the envelope's sender
     * (the writer) not in the engine at all.
     */
    @Test
    void aScannedEnvelopeFrontGivesItsLetterThePostmarkDate() throws Exception {
        org.pobox.testdata.EnvelopeFront front = org.pobox.testdata.EnvelopeFront.draw(new Random(1606L), 200,
                ScanGenerator.installedFonts().get(0));
        BufferedImage envelope = org.pobox.testdata.Degrade.jpegRgb(front.image(), 0.7f);
        Path source = dir.resolve("posted.tif");
        ScanFiles.write(Format.TIFF, source, List.of(envelope, generator.render(generator.letters().letterWith("村干部侵占集体土地"),
                PageStyle.clean(200))), 200);
        TestPobox.drop(source, paddleConfig.inbox(), "posted.tif");
        assertThat(paddle.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        var response = TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request("GET",
                "/letters_ocrstage/_doc/" + LetterIds.sha256(source)));
        JsonNode doc = Json.MAPPER.readTree(EntityUtils.toString(response.getEntity())).get("_source");
        assertThat(doc.get("postmark_date").asText()).isEqualTo(front.postmark().toString());
        assertThat(doc.get("pages").get(0).get("envelope").asBoolean()).isTrue();
        assertThat(doc.get("pages").get(0).get("text").asText().split("\\s+")).contains(front.postalCode());
        assertThat(doc.get("text").asText().replaceAll("\\s", "")).contains("村干部侵占集体土地").doesNotContain("邮政专用信箱");
        // the sender is the writer: their address is not stored, on the page, its lines or the envelope's text
        String street = front.sender().replaceAll("^.*(街道|镇)", ""); // "285号"
        assertThat(doc.get("envelope_text").asText()).contains("巡视组").contains("[寄件人]").doesNotContain(street)
                .doesNotContain("266200");
        assertThat(doc.get("pages").get(0).toString()).doesNotContain(street).doesNotContain("266200");
    }

    @Test
    void pagesScannedAsSeparateFilesFormOneLetterInPageOrder() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String t = generator.letters().letterWith("第" + "一二三".charAt(i - 1) + "页信访内容");
            Path source = dir.resolve("grouped-source-" + i + ".png");
            ScanFiles.write(Format.PNG, source, List.of(generator.render(t, PageStyle.clean(200))), 200);
            sources.add(source);
        }
        Path broken = org.pobox.testdata.BadFiles.empty(dir.resolve("broken-page.png"));
        // arrival order is not page order, and the three naming styles mix
        TestPobox.drop(sources.get(2), paddleConfig.inbox(), "complaint-3.png");
        TestPobox.drop(sources.get(0), paddleConfig.inbox(), "complaint_p1.png");
        TestPobox.drop(broken, paddleConfig.inbox(), "complaint_p4.png");
        TestPobox.drop(sources.get(1), paddleConfig.inbox(), "complaint_page2.png");
        assertThat(paddle.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        String hits = EntityUtils.toString(TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request(
                "GET", "/letters_ocrstage/_search?q=file_names:complaint_p1.png")).getEntity());
        JsonNode found = Json.MAPPER.readTree(hits).get("hits").get("hits");
        assertThat(found).hasSize(1);
        JsonNode doc = found.get(0).get("_source");
        assertThat(doc.get("page_count").asInt()).isEqualTo(3);
        assertThat(doc.get("file_names")).extracting(JsonNode::asText)
                .containsExactly("complaint_p1.png", "complaint_page2.png", "complaint-3.png");
        for (int i = 0; i < 3; i++) {
            JsonNode page = doc.get("pages").get(i);
            assertThat(page.get("number").asInt()).isEqualTo(i + 1);
            // the indexed text has the writer's name masked: the page's own phrase shows the order
            assertThat(page.get("text").asText().replaceAll("\\s", "")).as("page %d", i + 1)
                    .contains("第" + "一二三".charAt(i) + "页信访内容");
        }
        try (var archived = Files.list(paddleConfig.archive()); var failed = Files.list(paddleConfig.failed())) {
            assertThat(archived.map(p -> p.getFileName().toString()).filter(n -> n.contains("complaint")))
                    .hasSize(3);
            assertThat(failed.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("complaint_p4.png"))
                    .anyMatch(n -> n.endsWith("complaint_p4.png.reason"));
        }
    }

    /**
     * Engine by configuration (chi_sim on Tesseract), and a letter of page files completed by its
     * quiet period alone: no batch end is called, the letter still reaches the index.
     */
    @Test
    void aConfiguredTesseractReadsPageFilesCompletedByTheirQuietPeriod() throws Exception {
        PoboxConfig config = TestPobox.config(dir.resolve("quiet"), "letters_ocrstage_q")
                .with("pobox.ocr.engine.chi_sim", "tesseract")
                .with("pobox.group.quietMs", "1500");
        try (Pipeline tesseract = new Pipeline(config, TestEngine.client()).start()) {
            for (int i = 1; i <= 2; i++) {
                Path source = dir.resolve("quiet-source-" + i + ".png");
                ScanFiles.write(Format.PNG, source, List.of(generator.render(
                        generator.letters().letterWith("第" + "一二".charAt(i - 1) + "页安静期"), PageStyle.clean(200))), 200);
                TestPobox.drop(source, config.inbox(), "quiet_p" + i + ".png");
            }
            JsonNode doc = null;
            for (int attempt = 0; attempt < 240 && doc == null; attempt++) {
                Thread.sleep(500);
                TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request("POST", "/letters_ocrstage_q/_refresh"));
                JsonNode hits = Json.MAPPER.readTree(EntityUtils.toString(TestEngine.client().rest().performRequest(
                        new org.elasticsearch.client.Request("GET", "/letters_ocrstage_q/_search?q=file_names:quiet_p1.png"))
                        .getEntity())).get("hits").get("hits");
                doc = hits.isEmpty() ? null : hits.get(0).get("_source");
            }
            assertThat(doc).as("the grouped letter was indexed without a batch end").isNotNull();
            assertThat(doc.get("page_count").asInt()).isEqualTo(2);
            assertThat(doc.get("pages")).allSatisfy(p -> assertThat(p.get("engine").asText()).isEqualTo("tesseract"));
            assertThat(doc.get("pages").get(1).get("text").asText().replaceAll("\\s", "")).contains("第二页安静期");
        }
    }

    private Letter read(Pipeline pipeline, Format format, String name, List<BufferedImage> pages) throws Exception {
        Path file = dir.resolve(name);
        ScanFiles.write(format, file, pages, 200);
        return read(pipeline, file, name);
    }

    private static Letter read(Pipeline pipeline, Path file, String name) {
        GenericFile<File> generic = new GenericFile<>();
        generic.setFile(file.toFile());
        generic.setAbsoluteFilePath(file.toAbsolutePath().toString());
        return pipeline.camel().createProducerTemplate().requestBodyAndHeaders("direct:ocr", generic, Map.of(
                Headers.LETTER_ID, "0123456789abcdef" + name.hashCode(),
                Headers.SAFE_NAME, name,
                Headers.ARCHIVE_NAME, "x-" + name,
                Headers.RECEIVED_AT, Instant.now()), Letter.class);
    }
}
