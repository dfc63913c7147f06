package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.letter.Json;
import org.pobox.letter.LetterIds;
import org.pobox.register.Register;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * Registration numbers (登记编号) are one per letter, in order, without a gap, also for a letter
 * scanned one page per file: its page files share one number, a late page takes its letter's
 * number (also after a restart), and pages that conflict with the indexed letter make a new
 * letter with the next number. Real routes, real Tesseract, real node.
 */
class LetterNumbersTest {

    private static final String ALIAS = "letters_numbers";
    /** Each test its own index: the generator gives both tests the same first scans. */
    private static final String SAME_SCAN_ALIAS = "letters_numbers_same_scan";

    @TempDir
    Path dir;

    private final ScanGenerator generator = new ScanGenerator(20260302L);
    private final Map<String, String> shaByName = new HashMap<>(); // source name → SHA-256 of its bytes
    private int phrase;
    private String round;

    @Test
    void aLetterOfPageFilesTakesOneNumberAndTheNumbersHaveNoGap() throws Exception {
        PoboxConfig config = TestPobox.config(dir, ALIAS).with("pobox.ocr.engine.chi_sim", "tesseract");
        round = Pipeline.roundCode(config);
        String x;
        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            // batch 1: a letter of three page files between two single-file letters
            batch(pipeline, config, "single1.png", "x_p1.png", "x_p2.png", "x_p3.png", "single2.png");
            Map<String, JsonNode> letters = letters(ALIAS);
            assertThat(letters).hasSize(3);
            assertThat(numbers(letters)).containsExactly(number(1), number(2), number(3));
            x = letterOf("x_p1.png", letters);
            String xNumber = letters.get(x).path("registration_no").asText();
            Register register = pipeline.register();
            assertThat(register.entries()).hasSize(5); // every file received, once
            for (String page : List.of("x_p1.png", "x_p2.png", "x_p3.png")) {
                assertThat(register.find(shaByName.get(page)).number()).as(page).isEqualTo(xNumber);
            }
            assertThat(register.entries().stream().map(Register.Entry::number).distinct()).hasSize(3);

            // batch 2: a late page joins the letter with its number; the next letter takes the next number
            batch(pipeline, config, "x_p4.png", "single3.png");
            letters = letters(ALIAS);
            assertThat(letters).hasSize(4);
            assertThat(letters.get(x).path("page_count").asInt()).isEqualTo(4);
            assertThat(letters.get(x).path("registration_no").asText()).isEqualTo(xNumber);
            assertThat(register.find(shaByName.get("x_p4.png")).number()).isEqualTo(xNumber);
            assertThat(letters.get(shaByName.get("single3.png")).path("registration_no").asText()).isEqualTo(number(4));
        }

        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            // after a restart the register still knows the letter of x_p*: its fifth page takes no new number
            batch(pipeline, config, "x_p5.png", "single4.png");
            Map<String, JsonNode> letters = letters(ALIAS);
            assertThat(letters.get(x).path("page_count").asInt()).isEqualTo(5);
            String xNumber = letters.get(x).path("registration_no").asText();
            assertThat(pipeline.register().find(shaByName.get("x_p5.png")).number()).isEqualTo(xNumber);
            assertThat(letters.get(shaByName.get("single4.png")).path("registration_no").asText()).isEqualTo(number(5));

            // another x_p1.png with other content: not merged, a new letter with the next number ...
            batch(pipeline, config, "x_p1.png#2");
            letters = letters(ALIAS);
            assertThat(letters).hasSize(6);
            assertThat(letters.get(x).path("page_count").asInt()).isEqualTo(5);
            String y = letterOf(shaByName.get("x_p1.png#2"), letters);
            assertThat(letters.get(y).path("registration_no").asText()).isEqualTo(number(6));
            assertThat(pipeline.register().find(shaByName.get("x_p1.png#2")).number()).isEqualTo(number(6));

            // ... which the group's later pages join, with its number
            batch(pipeline, config, "x_p2.png#2", "single5.png");
            letters = letters(ALIAS);
            assertThat(letters).hasSize(7);
            assertThat(letters.get(y).path("page_count").asInt()).isEqualTo(2);
            assertThat(letters.get(y).path("registration_no").asText()).isEqualTo(number(6));
            assertThat(letters.get(shaByName.get("single5.png")).path("registration_no").asText()).isEqualTo(number(7));
        }

        // the register, read again: every file once, numbers 1..7, each the number of the letter it is part of
        Register register = new Register(config.path("pobox.register.file"), round, java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, JsonNode> letters = letters(ALIAS);
        assertThat(numbers(letters)).containsExactly(number(1), number(2), number(3), number(4), number(5), number(6),
                number(7));
        assertThat(register.entries()).hasSize(shaByName.size());
        assertThat(new TreeSet<>(register.entries().stream().map(Register.Entry::number).toList()))
                .containsExactlyElementsOf(numbers(letters));
        for (Map.Entry<String, String> file : shaByName.entrySet()) {
            String letter = letterOf(file.getValue(), letters);
            assertThat(register.find(file.getValue()).number()).as(file.getKey())
                    .isEqualTo(letters.get(letter).path("registration_no").asText());
        }
    }

    /**
     * The same scan under a plain name and a page name is one letter with one number, whichever
     * came first and whether they came in one batch or two; a page group that has one page of
     * another letter plus a page of its own is a letter of its own, with its own number.
     */
    @Test
    void theSameScanAsAFileByItselfAndAsAPageFileIsOneLetter() throws Exception {
        PoboxConfig config = TestPobox.config(dir, SAME_SCAN_ALIAS).with("pobox.ocr.engine.chi_sim", "tesseract");
        round = Pipeline.roundCode(config);
        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            // one batch: a.png and the same bytes as a_p1.png
            scan(config, "a.png");
            copy(config, "a.png", "a_p1.png");
            assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
            // two batches, the page file first: b_p1.png, then the same bytes as b.png
            batch(pipeline, config, "b_p1.png");
            copy(config, "b_p1.png", "b.png");
            assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
            // the same page under two page groups: b_p1.png again as c_p1.png
            copy(config, "b_p1.png", "c_p1.png");
            assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
            Map<String, JsonNode> letters = letters(SAME_SCAN_ALIAS);
            assertThat(letters).hasSize(2);
            assertThat(numbers(letters)).containsExactly(number(1), number(2));
            String a = shaByName.get("a.png"); // a file by itself: its letter's id is its SHA-256
            assertThat(names(letters.get(a))).containsExactlyInAnyOrder("a.png", "a_p1.png");
            assertThat(names(letters.get(letterOf("b_p1.png", letters)))).containsExactlyInAnyOrder("b_p1.png", "b.png",
                    "c_p1.png");
            assertThat(pipeline.tracker().indexedCount()).isEqualTo(2);
            assertThat(pipeline.tracker().alreadyIndexedCount()).isEqualTo(3);

            // a page of letter a and a page of its own: a letter of two pages with the next number
            copy(config, "a.png", "d_p1.png");
            batch(pipeline, config, "d_p2.png");
            letters = letters(SAME_SCAN_ALIAS);
            assertThat(letters).hasSize(3);
            String d = letterOf("d_p2.png", letters);
            assertThat(letters.get(d).path("page_count").asInt()).isEqualTo(2);
            assertThat(numbers(letters)).containsExactly(number(1), number(2), number(3));
            assertThat(letters.get(d).path("registration_no").asText()).isEqualTo(number(3));
            assertThat(letters.get(a).path("registration_no").asText()).isEqualTo(number(1));

            // pobox reindex finds the same three letters in archive/, with every name
            List<ArchivedLetters.ArchivedLetter> archived = ArchivedLetters.scan(config.archive(),
                    new org.pobox.ocr.OcrRecords(config.archive()), pipeline.register());
            assertThat(archived).extracting(ArchivedLetters.ArchivedLetter::id).containsExactlyInAnyOrderElementsOf(letters.keySet());
            for (ArchivedLetters.ArchivedLetter l : archived) {
                assertThat(l.names()).as(l.id()).containsExactlyInAnyOrderElementsOf(names(letters.get(l.id())));
            }
        }
    }

    /** Drops the bytes of an earlier scan again under another name. */
    private void copy(PoboxConfig config, String earlier, String name) throws Exception {
        TestPobox.drop(dir.resolve("src").resolve(earlier + ".png"), config.inbox(), name);
    }

    private static List<String> names(JsonNode letter) {
        List<String> out = new ArrayList<>();
        letter.path("file_names").forEach(n -> out.add(n.asText()));
        return out;
    }

    private String number(int n) {
        return String.format("%s-%d-%04d", round, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear(), n);
    }

    /** Writes one scan per name (a name's {@code #n} suffix: other content under the same name), drops them, drains. */
    private void batch(Pipeline pipeline, PoboxConfig config, String... names) throws Exception {
        for (String name : names) {
            scan(config, name);
        }
        assertThat(pipeline.drain(Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
    }

    /** Writes a scan of a new letter page and drops it under this name. */
    private void scan(PoboxConfig config, String name) throws Exception {
        Path scan = dir.resolve("src").resolve(name.replace('#', '-') + ".png");
        java.nio.file.Files.createDirectories(scan.getParent());
        generator.write(Format.PNG, scan, List.of(generator.letters().letterWith("第" + (++phrase) + "号补充材料")),
                PageStyle.clean(300));
        shaByName.put(name, LetterIds.sha256(scan));
        TestPobox.drop(scan, config.inbox(), name.replaceAll("#.*", ""));
    }

    /** The id of the letter whose file (or one of whose page files) has this SHA-256, or is named so. */
    private String letterOf(String shaOrName, Map<String, JsonNode> letters) {
        String sha = shaByName.getOrDefault(shaOrName, shaOrName);
        for (Map.Entry<String, JsonNode> l : letters.entrySet()) {
            if (l.getKey().equals(sha)) {
                return l.getKey();
            }
            for (JsonNode p : l.getValue().path("page_files")) {
                if (p.path("sha256").asText().equals(sha)) {
                    return l.getKey();
                }
            }
        }
        throw new AssertionError("no letter holds " + shaOrName);
    }

    private static TreeSet<String> numbers(Map<String, JsonNode> letters) {
        List<String> all = new ArrayList<>();
        letters.values().forEach(l -> all.add(l.path("registration_no").asText()));
        assertThat(all).doesNotHaveDuplicates();
        return new TreeSet<>(all);
    }

    /** Every letter in the index: id → its document. */
    private static Map<String, JsonNode> letters(String alias) throws Exception {
        TestEngine.client().rest().performRequest(new org.elasticsearch.client.Request("POST", "/" + alias + "/_refresh"));
        org.elasticsearch.client.Request search = new org.elasticsearch.client.Request("POST", "/" + alias + "/_search");
        search.setJsonEntity("{\"size\":100,\"_source\":[\"registration_no\",\"page_count\",\"page_files\",\"file_names\"]}");
        JsonNode hits = Json.MAPPER.readTree(EntityUtils.toString(TestEngine.client().rest().performRequest(search)
                .getEntity())).path("hits").path("hits");
        Map<String, JsonNode> out = new HashMap<>();
        hits.forEach(h -> out.put(h.path("_id").asText(), h.path("_source")));
        return out;
    }
}
