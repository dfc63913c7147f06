package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.letter.LetterIds;
import org.pobox.support.LetterSearch;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.BadFiles;
import org.pobox.testdata.GeneratedScan;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * Scans dropped in the inbox become letters a user finds by a Chinese phrase: the real routes,
 * real Tesseract, a real search node, generated scans with known text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

    @TempDir
    static Path dir;

    private PoboxConfig config;
    private Pipeline pipeline;
    private LetterSearch search;
    private final ScanGenerator generator = new ScanGenerator(20200520L);

    @BeforeAll
    void start() {
        config = TestPobox.config(dir, "letters_e2e");
        pipeline = new Pipeline(config, TestEngine.client()).start();
        search = new LetterSearch(TestEngine.client(), "letters_e2e");
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @Test
    void everyFormatBecomesALetterFoundByAPhraseFromItsText() throws Exception {
        record Case(Format format, String name, String phrase, int pages) {
        }
        List<Case> cases = List.of(
                new Case(Format.PNG, "信件一.png", "挪用扶贫资金修建办公楼", 1),
                new Case(Format.JPEG, "letter-two.jpg", "低保名额优亲厚友", 1),
                new Case(Format.TIFF, "多页来信.tif", "征地补偿款被村委会截留", 2),
                new Case(Format.PDF_IMAGE, "scan-0004.pdf", "公款吃喝大操大办", 2));
        List<Path> sources = new ArrayList<>();
        for (Case c : cases) {
            List<String> pages = new ArrayList<>();
            pages.add(generator.letters().letterWith(c.phrase()));
            for (int i = 1; i < c.pages(); i++) {
                pages.add(generator.letters().letter());
            }
            Path source = dir.resolve("src-" + c.name());
            generator.write(c.format(), source, pages, PageStyle.clean(300));
            sources.add(source);
        }
        for (int i = 0; i < cases.size(); i++) {
            TestPobox.drop(sources.get(i), config.inbox(), cases.get(i).name());
        }

        assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();

        for (Case c : cases) {
            LetterSearch.Results found = search.search(c.phrase(), 10);
            assertThat(found.hits()).as("search %s", c.phrase())
                    .anySatisfy(hit -> {
                        assertThat(hit.fileNames()).contains(c.name());
                        assertThat(hit.pageCount()).isEqualTo(c.pages());
                        assertThat(String.join("", hit.snippets())).contains("【");
                    });
        }
        assertThat(TestPobox.list(config.inbox())).isEmpty();
        for (Case c : cases) {
            assertThat(TestPobox.list(config.archive())).filteredOn(n -> n.endsWith("-" + c.name())).hasSize(1);
            assertThat(TestPobox.list(config.failed())).noneMatch(n -> n.contains(c.name()));
        }
    }

    @Test
    void theSameBytesUnderAnotherNameGiveOneLetter() throws Exception {
        Path source = dir.resolve("twice.png");
        generator.write(Format.PNG, source, List.of(generator.letters().letterWith("重复来信同一件事")), PageStyle.clean(300));
        TestPobox.drop(source, config.inbox(), "first-copy.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
        TestPobox.drop(source, config.inbox(), "second-copy-renamed.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        String id = LetterIds.sha256(source);
        List<LetterSearch.Result> hits = search.search("重复来信同一件事", 10).hits().stream()
                .filter(h -> h.id().equals(id)).toList();
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).fileNames()).containsExactlyInAnyOrder("first-copy.png", "second-copy-renamed.png");
        assertThat(TestPobox.list(config.archive())).filteredOn(n -> n.contains("copy")).hasSize(2);
    }

    @Test
    void badFilesLandInFailedWithTheirReasonAndTheNextGoodFileIsStillIndexed() throws Exception {
        Path tiff = dir.resolve("good-for-truncation.tif");
        GeneratedScan full = generator.write(Format.TIFF, tiff, List.of(generator.letters().letter()), PageStyle.clean(200));
        Path empty = BadFiles.empty(dir.resolve("empty.jpg"));
        Path truncated = BadFiles.truncatedTiff(dir.resolve("truncated.tif"),
                List.of(generator.render(full.pageTexts().get(0), PageStyle.clean(200))), 0.4);
        Path textPdf = BadFiles.textNamedPdf(dir.resolve("notes.pdf"));
        Path good = dir.resolve("after-the-bad-ones.png");
        generator.write(Format.PNG, good, List.of(generator.letters().letterWith("坏文件之后的好信")), PageStyle.clean(300));

        TestPobox.drop(empty, config.inbox(), "empty.jpg");
        TestPobox.drop(truncated, config.inbox(), "truncated.tif");
        TestPobox.drop(textPdf, config.inbox(), "notes.pdf");
        TestPobox.drop(good, config.inbox(), "after-the-bad-ones.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        Map<String, String> reasons = reasons(config.failed());
        assertThat(reasons).hasSize(3);
        assertThat(reasonFor(reasons, "empty.jpg")).contains("empty");
        assertThat(reasonFor(reasons, "truncated.tif")).containsIgnoringCase("tiff");
        assertThat(reasonFor(reasons, "notes.pdf")).contains("not a PDF");
        assertThat(TestPobox.list(config.failed())).filteredOn(n -> !n.endsWith(".reason")).hasSize(3);
        assertThat(search.search("坏文件之后的好信", 10).hits())
                .anySatisfy(h -> assertThat(h.fileNames()).contains("after-the-bad-ones.png"));
    }

    @Test
    void aLetterIsUnderstoodItsWriterStaysOutOfTheTextAndAResentCopyIsLinked() throws Exception {
        String text = "尊敬的省委巡视组领导：\n我是蓝村街道的村民，反映通济街道南阡村村支书王德胜的问题。"
                + "他把不符合条件的亲属纳入低保，还截留征地补偿款十二万元，群众意见很大。\n"
                + "恳请巡视组调查核实。\n举报人：刘秀英 电话：13905321234\n2020年6月12日";
        Path first = dir.resolve("understood.png");
        generator.write(Format.PNG, first, List.of(text), PageStyle.clean(300));
        TestPobox.drop(first, config.inbox(), "understood.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        String id = LetterIds.sha256(first);
        com.fasterxml.jackson.databind.node.ObjectNode doc = source(id);
        assertThat(doc.path("region").asText()).isEqualTo("通济街道");
        assertThat(doc.path("subjects")).isNotEmpty();
        assertThat(doc.path("signed").asBoolean()).as(doc.toString()).isTrue();
        // the engine holds the writer's identity sealed: only pobox's key opens it
        assertThat(doc.path("reporter").asText()).startsWith("pbx1:").doesNotContain("13905321234");
        assertThat(org.pobox.support.TestEngine.reporter(doc, id)).containsEntry("phone", "13905321234");
        assertThat(doc.path("text").asText()).doesNotContain("13905321234").doesNotContain("刘秀英");
        assertThat(doc.path("pages").get(0).path("text").asText()).doesNotContain("13905321234");
        assertThat(doc.path("explain")).isNotEmpty();

        // the same letter sent again, printed in another font: a new letter linked to the first
        Path again = dir.resolve("resent.png");
        generator.write(Format.PNG, again, List.of(text.replace("十二万元", "十二万多元")),
                PageStyle.clean(300).withFont(ScanGenerator.installedFonts().get(ScanGenerator.installedFonts().size() - 1)));
        TestPobox.drop(again, config.inbox(), "resent.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
        assertThat(source(LetterIds.sha256(again)).path("duplicate_of").asText()).isEqualTo(id);
        assertThat(source(id).path("repeat_count").asInt()).isEqualTo(1);
    }

    /** The same letter mailed to two boxes arrives in one batch: the two copies are read side by side. */
    @Test
    void twoCopiesOfOneMatterInTheSameBatchAreLinked() throws Exception {
        String text = "尊敬的省委巡视组领导：\n反映龙山街道西城村村主任张宏伟的问题。他利用职务之便，"
                + "把村集体的三十亩土地私自租给亲戚搞养殖，租金一直没有入账，村民多次反映无人处理。\n"
                + "恳请巡视组查处。\n一群村民\n2020年6月2日";
        List<String> fonts = ScanGenerator.installedFonts();
        Path a = dir.resolve("box1.png");
        Path b = dir.resolve("box2.png");
        generator.write(Format.PNG, a, List.of(text), PageStyle.clean(300).withFont(fonts.get(0)));
        generator.write(Format.PNG, b, List.of(text.replace("三十亩", "三十多亩")),
                PageStyle.clean(300).withFont(fonts.get(fonts.size() - 1)));
        TestPobox.drop(a, config.inbox(), "box1.png");
        TestPobox.drop(b, config.inbox(), "box2.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        String idA = LetterIds.sha256(a);
        String idB = LetterIds.sha256(b);
        com.fasterxml.jackson.databind.node.ObjectNode docA = source(idA);
        com.fasterxml.jackson.databind.node.ObjectNode docB = source(idB);
        // whichever was read first is the first of the matter; the other links to it
        com.fasterxml.jackson.databind.node.ObjectNode firstDoc = docA.hasNonNull("duplicate_of") ? docB : docA;
        com.fasterxml.jackson.databind.node.ObjectNode copy = firstDoc == docA ? docB : docA;
        String firstId = firstDoc == docA ? idA : idB;
        assertThat(copy.path("duplicate_of").asText()).as("the copy links to the first").isEqualTo(firstId);
        assertThat(firstDoc.hasNonNull("duplicate_of")).as("the first links to nothing").isFalse();
        assertThat(source(firstId).path("repeat_count").asInt()).isEqualTo(1);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode source(String id) throws Exception {
        return TestEngine.client().client().get(g -> g.index("letters_e2e").id(id),
                com.fasterxml.jackson.databind.node.ObjectNode.class).source();
    }

    private static String reasonFor(Map<String, String> reasons, String fileName) {
        return reasons.entrySet().stream().filter(e -> e.getKey().endsWith("-" + fileName + ".reason"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no reason for " + fileName + " in " + reasons.keySet()));
    }

    private static Map<String, String> reasons(Path failed) throws Exception {
        try (Stream<Path> s = Files.list(failed)) {
            return s.filter(p -> p.toString().endsWith(".reason")).collect(java.util.stream.Collectors.toMap(
                    p -> p.getFileName().toString(), p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

}
