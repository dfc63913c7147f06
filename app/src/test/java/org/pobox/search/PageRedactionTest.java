package org.pobox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pobox.letter.Json;
import org.pobox.letter.Page;
import org.pobox.understand.Reporter;
import org.pobox.understand.Understander;
import org.pobox.understand.round.Seeds;

/**
 * What of a scan is covered, from pages masked the way the pipeline masks them (the real
 * {@link Understander#mask} on the page and on each line, as {@code UnderstandStage} does), stored
 * the way the index stores them.
 */
class PageRedactionTest {

    static final Understander UNDERSTANDER = new Understander(Seeds.load(Seeds.defaultDir()), null);

    static final List<String> LINES = List.of("我村征地补偿款被村干部截留，至今没有发放到户，请求调查处理。",
            "举报人：王秀英", "电话：13912345678");

    @Test
    void theLinesHoldingTheWritersNameAndPhoneAreCoveredAndNothingElse() {
        Map<String, Object> doc = stored(page(LINES, false));
        PageRedaction r = PageRedaction.of(doc, null, 1, Access.INVESTIGATOR);
        assertThat(r.whole()).isFalse();
        assertThat(r.keepOnly()).isFalse();
        assertThat(r.boxes()).extracting(PageRedaction.Box::y).containsExactly(100.0, 200.0);
        assertThat(PageRedaction.of(doc, null, 1, Access.LEAD).none()).isTrue();
    }

    @Test
    void aSpanHiddenInThePageTextButOnNoLineCoversThePageWhole() {
        Map<String, Object> doc = stored(page(LINES, false));
        @SuppressWarnings("unchecked")
        Map<String, Object> p = ((List<Map<String, Object>>) doc.get("pages")).get(0);
        p.put("text", p.get("text") + "\n住址：[地址]");
        assertThat(PageRedaction.of(doc, null, 1, Access.INVESTIGATOR).whole()).isTrue();
        p.remove("lines");
        p.put("text", "联系电话：[电话]");
        assertThat(PageRedaction.of(doc, null, 1, Access.INVESTIGATOR).whole()).isTrue();
        assertThat(PageRedaction.of(doc, null, 2, Access.INVESTIGATOR).whole()).as("a page the letter does not have").isTrue();
    }

    @Test
    void aWritersValueTheMaskMissedIsCoveredByValue() {
        Map<String, Object> doc = stored(page(List.of("请求调查处理。", "我住在通济街道王家村十二号"), false));
        PageRedaction r = PageRedaction.of(doc, Map.of("address", "通济街道王家村十二号"), 1, Access.INVESTIGATOR);
        assertThat(r.boxes()).extracting(PageRedaction.Box::y).containsExactly(100.0);
    }

    @Test
    void anEnvelopeKeepsOnlyItsRecipient() {
        Map<String, Object> doc = stored(page(List.of("青岛市即墨区1001信箱 收", "寄件人：通济街道王家村 王秀英", "266200"), true));
        PageRedaction r = PageRedaction.of(doc, null, 1, Access.INVESTIGATOR);
        assertThat(r.keepOnly()).isTrue();
        assertThat(r.boxes()).extracting(PageRedaction.Box::y).containsExactly(0.0);
    }

    /** A page of these lines, 100 px apart, masked as the pipeline masks it. */
    static Page page(List<String> lines, boolean envelope) {
        String text = String.join("\n", lines);
        Reporter writer = UNDERSTANDER.understand(text, null, Instant.parse("2020-06-01T00:00:00Z")).reporter();
        List<Page.Line> boxes = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boxes.add(new Page.Line(lines.get(i), 0.9, new double[] {20, 900, 900, 20},
                    new double[] {100 * i, 100 * i, 100 * i + 60, 100 * i + 60}));
        }
        Page original = new Page(1, text, 0.9, "paddle", null, null, envelope, boxes);
        return original.masked(t -> UNDERSTANDER.mask(t, writer));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stored(Page p) {
        Map<String, Object> page = Json.MAPPER.convertValue(p, Map.class);
        return new java.util.LinkedHashMap<>(Map.of("pages", new java.util.ArrayList<>(List.of(page))));
    }
}
