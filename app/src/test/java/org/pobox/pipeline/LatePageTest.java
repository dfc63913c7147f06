package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.index.CorrectionStore;
import org.pobox.letter.Json;
import org.pobox.support.LetterSearch;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * A letter scanned one page per file whose last page comes in a later batch: the page joins the
 * letter already indexed (same id, same registration number), through the real routes, real
 * Tesseract and the real node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatePageTest {

    private static final String ALIAS = "letters_latepage";
    private static final List<String> PHRASES = List.of("村里修路款去向不明", "会计账目多年不公开", "迟到的第三页补充材料");

    @TempDir
    static Path dir;

    private PoboxConfig config;
    private Pipeline pipeline;
    private final ScanGenerator generator = new ScanGenerator(20240611L);

    @BeforeAll
    void start() {
        config = TestPobox.config(dir, ALIAS).with("pobox.ocr.engine.chi_sim", "tesseract");
        pipeline = new Pipeline(config, TestEngine.client()).start();
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @Test
    void aPageOfTheNextBatchJoinsItsIndexedLetterUnderTheSameIdAndNumber() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path page = dir.resolve("source-p" + (i + 1) + ".png");
            generator.write(Format.PNG, page, List.of(generator.letters().letterWith(PHRASES.get(i))), PageStyle.clean(300));
            pages.add(page);
        }
        TestPobox.drop(pages.get(1), config.inbox(), "roadfund_p2.png");
        TestPobox.drop(pages.get(0), config.inbox(), "roadfund_p1.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        JsonNode before = theLetter();
        assertThat(before.path("page_count").asInt()).isEqualTo(2);
        String id = before.path("id").asText();
        String number = before.path("registration_no").asText();
        assertThat(number).matches("[A-Z0-9]+-\\d{4}-\\d{4}");
        // what people did to the letter since: a lead sealed it, an investigator corrected its region
        TestEngine.client().client().update(u -> u.index(ALIAS).id(id).doc(java.util.Map.of("sealed", true)), java.util.Map.class);
        new CorrectionStore(TestEngine.client(), ALIAS).add(CorrectionStore.now(id, "region", "更正后的区域",
                before.path("region").asText(null), null, "investigator1"));

        // the next batch: the third page, and the second page dropped again (same bytes)
        TestPobox.drop(pages.get(2), config.inbox(), "roadfund_p3.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
        TestPobox.drop(pages.get(1), config.inbox(), "roadfund_p2.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        JsonNode after = theLetter();
        assertThat(after.path("id").asText()).isEqualTo(id);
        assertThat(after.path("registration_no").asText()).isEqualTo(number);
        assertThat(after.path("page_count").asInt()).isEqualTo(3);
        assertThat(after.path("sealed").asBoolean()).isTrue();
        assertThat(after.path("region").asText()).isEqualTo("更正后的区域");
        assertThat(after.path("corrections")).hasSize(1);
        assertThat(after.path("file_names")).extracting(JsonNode::asText)
                .containsExactly("roadfund_p1.png", "roadfund_p2.png", "roadfund_p3.png");
        for (int i = 0; i < 3; i++) {
            JsonNode page = after.path("pages").get(i);
            assertThat(page.path("number").asInt()).isEqualTo(i + 1);
            assertThat(page.path("text").asText().replaceAll("\\s", "")).as("page %d", i + 1).contains(PHRASES.get(i));
        }
        assertThat(new LetterSearch(TestEngine.client(), ALIAS).search(PHRASES.get(2), 10).hits())
                .anySatisfy(hit -> assertThat(hit.id()).isEqualTo(id));
        // every file received is kept: the second page's repeat under a name of its own, replacing nothing
        assertThat(TestPobox.list(config.archive())).filteredOn(n -> n.contains("roadfund_p")).hasSize(4)
                .filteredOn(n -> n.endsWith("roadfund_p2.png")).hasSize(2);
        assertThat(TestPobox.list(config.failed())).isEmpty();
        assertThat(search("file_names:roadfund_p3.png")).hasSize(1);
    }

    /** Never merge a page that conflicts: a second {@code scan_p1.png} with other content is another letter. */
    @Test
    void aPageWhoseNumberTheLetterHasWithOtherContentBecomesANewLetter() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path page = dir.resolve("conflict-p1-" + i + ".png");
            generator.write(Format.PNG, page, List.of(generator.letters().letterWith(PHRASES.get(i))), PageStyle.clean(300));
            pages.add(page);
        }
        TestPobox.drop(pages.get(0), config.inbox(), "scan_p1.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
        TestPobox.drop(pages.get(1), config.inbox(), "scan_p1.png");
        assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();

        JsonNode hits = search("file_names:scan_p1.png");
        assertThat(hits).hasSize(2);
        assertThat(hits).allSatisfy(h -> assertThat(h.path("_source").path("page_count").asInt()).isEqualTo(1));
        assertThat(hits.get(0).path("_source").path("registration_no").asText())
                .isNotEqualTo(hits.get(1).path("_source").path("registration_no").asText());
        assertThat(TestPobox.list(config.archive())).filteredOn(n -> n.endsWith("scan_p1.png")).hasSize(2);
        assertThat(TestPobox.list(config.failed())).isEmpty();
    }

    private static JsonNode theLetter() throws Exception {
        JsonNode hits = search("file_names:roadfund_p1.png");
        assertThat(hits).hasSize(1);
        return hits.get(0).path("_source");
    }

    private static JsonNode search(String query) throws Exception {
        TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request("POST", "/" + ALIAS + "/_refresh"));
        String body = EntityUtils.toString(TestEngine.client().rest().performRequest(
                new org.elasticsearch.client.Request("GET", "/" + ALIAS + "/_search?q=" + query)).getEntity());
        return Json.MAPPER.readTree(body).path("hits").path("hits");
    }

}
