package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.index.CorrectionStore;
import org.pobox.letter.LetterIds;
import org.pobox.node.EngineClient;
import org.pobox.support.LetterSearch;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * pobox reindex rebuilds the index from archive/: letters indexed by a real batch (a single page,
 * a multi-page TIFF, a letter sent one page per file), one corrected and one sealed by people, one
 * whose document was lost from the index and one scan that only the archive knows; rebuilt from
 * the kept OCR, then read again from the scans. Each time: the alias on the new index, the same
 * letters under the same ids and numbers, the correction, sealing and reporter kept, the same
 * letters found by a Chinese phrase, and search answering from the old index until the swap.
 */
class RebuildFromArchiveTest {

    private static final String ALIAS = "letters_rebuild";
    private static final String PHONE = "13905321234";

    @TempDir
    Path dir;

    private final ScanGenerator generator = new ScanGenerator(20200612L);

    @Test
    void theIndexIsRebuiltFromTheArchiveWithAndWithoutReadingTheScansAgain() throws Exception {
        EngineClient engine = TestEngine.client();
        // Tesseract for Chinese: the same engine on every machine, Paddle's models or not
        PoboxConfig config = TestPobox.config(dir, ALIAS).with("pobox.ocr.engine.chi_sim", "tesseract");
        Map<String, String> phrases = new HashMap<>(); // phrase -> file name of its letter

        Path signed = dir.resolve("src/signed.png");
        Files.createDirectories(signed.getParent());
        generator.write(Format.PNG, signed, List.of("尊敬的省委巡视组领导：\n我是蓝村街道的村民，反映通济街道南阡村村支书王德胜的问题。"
                + "他挪用扶贫资金修建办公楼，群众意见很大。\n恳请巡视组调查核实。\n举报人：刘秀英 电话：" + PHONE
                + "\n2020年6月12日"), PageStyle.clean(300));
        phrases.put("挪用扶贫资金修建办公楼", "signed.png");
        Path tiff = dir.resolve("src/multi.tif");
        generator.write(Format.TIFF, tiff, List.of(generator.letters().letterWith("征地补偿款被村委会截留"),
                generator.letters().letter()), PageStyle.clean(300));
        phrases.put("征地补偿款被村委会截留", "multi.tif");
        Path page1 = dir.resolve("src/split_p1.png");
        Path page2 = dir.resolve("src/split_p2.png");
        generator.write(Format.PNG, page1, List.of(generator.letters().letterWith("低保名额优亲厚友")), PageStyle.clean(300));
        generator.write(Format.PNG, page2, List.of(generator.letters().letter()), PageStyle.clean(300));
        phrases.put("低保名额优亲厚友", "split_p1.png");
        Path lost = dir.resolve("src/lost.png");
        generator.write(Format.PNG, lost, List.of(generator.letters().letterWith("公款吃喝大操大办")), PageStyle.clean(300));

        try (Pipeline pipeline = new Pipeline(config, engine).start()) {
            for (Path p : List.of(signed, tiff, page1, page2, lost)) {
                TestPobox.drop(p, config.inbox(), p.getFileName().toString());
            }
            assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
        }
        String signedId = LetterIds.sha256(signed);
        String tiffId = LetterIds.sha256(tiff);
        String splitId = LetterIds.sha256(LetterIds.sha256(page1) + "," + LetterIds.sha256(page2));
        String lostId = LetterIds.sha256(lost);
        Map<String, String> numbers = KillNineTest.registrationNumbers(engine, ALIAS);
        assertThat(numbers).containsOnlyKeys(signedId, tiffId, splitId, lostId);
        assertThat(source(signedId).path("reporter").asText()).startsWith("pbx1:").doesNotContain(PHONE);
        assertThat(TestEngine.reporter(source(signedId), signedId)).containsEntry("phone", PHONE);

        // the kept OCR holds the writer's identity: owner only
        Path record = config.archive().resolve(".ocr/" + signedId + ".json");
        assertThat(Files.readString(record)).contains(PHONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-------");
        assertThat(config.archive().resolve(".ocr/" + splitId + ".json")).exists();

        // people's work: a corrected region and a sealed letter
        CorrectionStore corrections = new CorrectionStore(engine, ALIAS);
        corrections.add(CorrectionStore.now(signedId, "region", "蓝村街道", "通济街道", null, "investigator1"));
        Request seal = new Request("POST", "/" + ALIAS + "/_update/" + tiffId);
        seal.addParameter("refresh", "true");
        seal.setJsonEntity("{\"doc\":{\"sealed\":true}}");
        engine.rest().performRequest(seal);
        Map<String, Set<String>> found = found(engine, phrases.keySet());
        assertThat(found.values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());

        // a document lost from the index, and a scan put into the archive by hand (never registered)
        Request delete = new Request("DELETE", "/" + ALIAS + "/_doc/" + lostId);
        delete.addParameter("refresh", "true");
        engine.rest().performRequest(delete);
        Path handCopied = dir.resolve("src/hand.png");
        generator.write(Format.PNG, handCopied, List.of(generator.letters().letterWith("违规发放补贴")), PageStyle.clean(300));
        String handId = LetterIds.sha256(handCopied);
        Files.copy(handCopied, config.archive().resolve(handId.substring(0, 12) + "-hand.png"));

        // 1. understood again from the kept OCR
        List<String> duringRebuild = new ArrayList<>();
        Rebuilder.Result first = rebuild(config, engine, false, duringRebuild);
        assertThat(duringRebuild).containsOnly(ALIAS + "-v1 answers");
        assertThat(first.swapped()).isTrue();
        assertThat(first.to()).isEqualTo(ALIAS + "-v2");
        assertThat(first.fromRecord()).isEqualTo(4);
        assertThat(first.readAgain()).isEqualTo(1); // the hand-copied scan has no kept OCR
        assertThat(first.failed()).isEmpty();
        assertThat(first.kept()).isEmpty();
        assertRebuilt(engine, first, numbers, signedId, tiffId, splitId, lostId, handId, found);
        assertThat(config.archive().resolve(".ocr/" + handId + ".json")).exists();
        Map<String, String> afterFirst = KillNineTest.registrationNumbers(engine, ALIAS);
        // the old index is untouched, for a rollback
        assertThat(count(engine, ALIAS + "-v1")).isEqualTo(3);

        // 2. every scan read again
        duringRebuild.clear();
        Rebuilder.Result second = rebuild(config, engine, true, duringRebuild);
        assertThat(duringRebuild).containsOnly(ALIAS + "-v2 answers");
        assertThat(second.to()).isEqualTo(ALIAS + "-v3");
        assertThat(second.readAgain()).isEqualTo(5);
        assertThat(second.recovered()).isEmpty();
        assertThat(second.failed()).isEmpty();
        assertThat(KillNineTest.registrationNumbers(engine, ALIAS)).isEqualTo(afterFirst);
        assertRebuilt(engine, second, numbers, signedId, tiffId, splitId, lostId, handId, found);
        assertThat(corrections.forLetter(signedId)).hasSize(1); // applied again, not recorded twice
    }

    private void assertRebuilt(EngineClient engine, Rebuilder.Result r, Map<String, String> numbers, String signedId,
                               String tiffId, String splitId, String lostId, String handId,
                               Map<String, Set<String>> found) throws Exception {
        assertThat(new Reindexer(engine, ALIAS).currentIndex()).isEqualTo(r.to());
        Map<String, String> now = KillNineTest.registrationNumbers(engine, ALIAS);
        assertThat(now).containsOnlyKeys(signedId, tiffId, splitId, lostId, handId);
        for (String id : List.of(signedId, tiffId, splitId, lostId)) {
            // kept from the old document, or (the lost one) given back by the register: never a second number
            assertThat(now.get(id)).as(id).isEqualTo(numbers.get(id));
        }
        // the scan the register never saw gets the next number (the letter of two page files took one)
        assertThat(now.get(handId)).isNotNull().isNotIn(numbers.values());
        assertThat(now.get(handId)).endsWith(String.format("-%04d", numbers.size() + 1));

        ObjectNode letter = source(signedId);
        assertThat(letter.path("region").asText()).isEqualTo("蓝村街道");
        assertThat(letter.path("corrections")).hasSize(1);
        assertThat(TestEngine.reporter(letter, signedId)).containsEntry("phone", PHONE).containsEntry("name", "刘秀英");
        assertThat(letter.path("text").asText()).doesNotContain(PHONE).doesNotContain("刘秀英");
        assertThat(source(tiffId).path("sealed").asBoolean()).isTrue();
        assertThat(source(tiffId).path("page_count").asInt()).isEqualTo(2);
        ObjectNode split = source(splitId);
        assertThat(split.path("page_count").asInt()).isEqualTo(2);
        assertThat(split.path("file_names").toString()).contains("split_p1.png", "split_p2.png");
        assertThat(found(engine, found.keySet())).isEqualTo(found);
    }

    /** Rebuilds as {@code pobox reindex} does; while it runs, asks the alias which index answers a search. */
    private static Rebuilder.Result rebuild(PoboxConfig config, EngineClient engine, boolean reocr, List<String> seen) {
        try (Pipeline pipeline = Pipeline.forRebuild(config, engine).start()) {
            assertThat(pipeline.camel().getRoute("intake")).isNull();
            return new Rebuilder(pipeline, engine, ALIAS, config.archive()).rebuild(reocr, (done, total, again) -> {
                if (done == 2) {
                    try {
                        String answering = new Reindexer(engine, ALIAS).currentIndex();
                        assertThat(new LetterSearch(engine, ALIAS).search("挪用扶贫资金修建办公楼", 10).hits()).isNotEmpty();
                        seen.add(answering + " answers");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
    }

    private static Map<String, Set<String>> found(EngineClient engine, Set<String> phrases) {
        LetterSearch search = new LetterSearch(engine, ALIAS);
        return phrases.stream().collect(Collectors.toMap(p -> p, p -> search.search("\"" + p + "\"", 10).hits().stream()
                .map(LetterSearch.Result::id).collect(Collectors.toCollection(TreeSet::new))));
    }

    private static long count(EngineClient engine, String index) throws Exception {
        return new Reindexer(engine, ALIAS).count(index);
    }

    private static ObjectNode source(String id) throws Exception {
        return TestEngine.client().client().get(g -> g.index(ALIAS).id(id), ObjectNode.class).source();
    }
}
