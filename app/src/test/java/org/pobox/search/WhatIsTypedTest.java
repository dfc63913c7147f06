package org.pobox.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pobox.cli.PoboxCli;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;
import org.pobox.support.Console;
import org.pobox.support.TestEngine;

/**
 * Issue 14: search finds what an investigator types, on the real node with the letters mapping.
 * A scan's text keeps its line breaks, some OCR output and typed transcripts put spaces between
 * characters, letters and queries come in traditional or simplified characters, digits full- or
 * half-width: none of that may hide a letter. Checked the three ways a letter is looked for: a
 * {@code match_phrase} on {@code text} (what Kibana sends), the finder the web API uses, and
 * {@code pobox search}.
 */
class WhatIsTypedTest {

    private static final EngineClient ENGINE = TestEngine.client();
    private static final String ALIAS = "typed-" + System.nanoTime();

    private static final String LINE_BREAK = "line-break";
    private static final String SPACED = "spaced";
    private static final String TRADITIONAL = "traditional";
    private static final String FULL_WIDTH = "full-width";
    private static final String OTHER = "other";

    @BeforeAll
    static void letters() throws Exception {
        new LetterIndex(ENGINE, ALIAS, 1).ensureExists();
        // the phrase 脱离群众 breaks over two lines of the scan, as most long phrases do somewhere
        index(LINE_BREAK, "巡视组领导：\n我村党支部书记邓志德脱离\n群众，遇事从不商量。\n二〇一八年修\n建的道路已经坏了。", null);
        // an OCR engine that read the line with spaces between characters; the transcript too
        index(SPACED, "我们 反映 养殖场 补贴 被 冒领 的 问题", "村 会计 把 账本 藏 起来");
        // stored as read: a letter written in simplified characters
        index(TRADITIONAL, "有人说这样的干部还能提拔，群众很有意见，至今没有答复。", null);
        // full-width digits and letters, as some scanners' text layers give them
        index(FULL_WIDTH, "土地流转费已经１６个月没有发放，每户被收了１２００元，见ＡＢ栋公告。", null);
        // the same words, but not the phrases: a phrase must not match words far apart
        index(OTHER, "脱离实际的做法让群众不满。这样说的人很多，干部没有回应。16个人领了1200元。", null);
        ENGINE.client().indices().refresh(r -> r.index(ALIAS));
    }

    @AfterEach
    void clear() {
        System.clearProperty("pobox.index.alias");
        System.clearProperty("pobox.es.url");
    }

    @Test
    void aPhraseAcrossALineBreakIsFoundEveryWayAndMarkedWhole() throws Exception {
        assertThat(kibanaPhrase("text", "脱离群众")).containsExactly(LINE_BREAK);
        assertThat(kibanaPhrase("text", "二〇一八年修建的道路")).containsExactly(LINE_BREAK);
        assertThat(kibanaPhrase("pages.text", "脱离群众")).containsExactly(LINE_BREAK);

        LetterFinder.Results phrase = find("\"脱离群众\"");
        assertThat(ids(phrase)).containsExactly(LINE_BREAK);
        // the snippet joins the two lines without a space and marks the phrase as one hit
        assertThat(snippets(phrase)).anySatisfy(s -> assertThat(s)
                .contains("邓志德" + Highlight.PRE + "脱离群众" + Highlight.POST + "，"));
        assertThat(ids(find("脱离群众"))).first().isEqualTo(LINE_BREAK);

        String printed = cli("\"二〇一八年修建\"");
        assertThat(printed).contains("1 letters match").contains("【二〇一八年修建】");
        assertThat(printed).doesNotContain("修 建");
    }

    @Test
    void aPhraseAcrossSpacesBetweenChineseCharactersIsFound() throws Exception {
        assertThat(kibanaPhrase("text", "养殖场补贴被冒领")).containsExactly(SPACED);
        assertThat(ids(find("\"养殖场补贴被冒领\""))).containsExactly(SPACED);
        // typed transcripts go through the same analysis
        assertThat(kibanaPhrase("transcript_text", "会计把账本藏起来")).containsExactly(SPACED);
        assertThat(ids(find("\"会计把账本藏起来\""))).containsExactly(SPACED);
        // and the other way round: a phrase typed with a space between characters
        assertThat(ids(find("\"补贴 被冒领\""))).containsExactly(SPACED);
    }

    @Test
    void aQueryInTraditionalCharactersFindsTheLetter() throws Exception {
        assertThat(kibanaPhrase("text", "說這樣的幹部")).containsExactly(TRADITIONAL);
        assertThat(ids(find("\"說這樣的幹部\""))).containsExactly(TRADITIONAL);
        assertThat(ids(find("幹部還能提拔"))).containsExactly(TRADITIONAL);
        assertThat(cli("\"說這樣的幹部\"")).contains("1 letters match").contains("【说这样的干部】");
        // 覆 stays 覆 alone (覆盖) but is how traditional text writes 答复
        assertThat(ids(find("\"至今沒有答覆\""))).containsExactly(TRADITIONAL);
    }

    @Test
    void fullWidthAndHalfWidthDigitsAndLettersMatchEachOther() throws Exception {
        assertThat(kibanaPhrase("text", "已经16个月没有发放")).containsExactly(FULL_WIDTH);
        assertThat(ids(find("\"收了1200元\""))).containsExactly(FULL_WIDTH);
        assertThat(ids(find("\"ab栋公告\""))).containsExactly(FULL_WIDTH);
        // and the half-width letter is found by full-width digits
        assertThat(ids(find("\"１６个人\""))).containsExactly(OTHER);
    }

    @Test
    void aPieceOfTheTextCutAnywhereIsFoundAsAPhrase() throws Exception {
        // begins with the last character of a word, goes over a comma, and over the line break
        assertThat(kibanaPhrase("text", "众，遇事从不")).containsExactly(LINE_BREAK);
        assertThat(kibanaPhrase("text", "志德脱离群众，遇")).containsExactly(LINE_BREAK);
        // begins inside a number (１２００ written full-width)
        assertThat(kibanaPhrase("text", "00元，见ab")).containsExactly(FULL_WIDTH);
        assertThat(ids(find("\"00元，见ab\""))).containsExactly(FULL_WIDTH);
    }

    @Test
    void aSingleCharacterIsStillFoundAndExcluded() throws Exception {
        // a one-run term is looked up by its pairs alone; one character has none, so it keeps the
        // analyzer that indexes single characters
        assertThat(ids(find("冒"))).containsExactly(SPACED);
        assertThat(ids(find("群众 -遇"))).containsExactlyInAnyOrder(TRADITIONAL, OTHER);
        assertThat(snippets(find("冒"))).anySatisfy(s -> assertThat(s).contains(Highlight.PRE + "冒" + Highlight.POST));
    }

    @Test
    void snippetsMarkWholeWordsNotTheirSingleCharacters() {
        // 人很 is searched character by character too; the 人 of 16个人 is no hit to show
        List<String> snippets = snippets(find("人很"));
        assertThat(snippets).anySatisfy(s -> assertThat(s).contains(Highlight.PRE + "人很" + Highlight.POST));
        assertThat(snippets).allSatisfy(s -> assertThat(s).doesNotContain("个" + Highlight.PRE + "人"));
    }

    private static void index(String id, String text, String transcript) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("received_at", "2020-06-01T09:00:00Z");
        doc.put("text", text);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("number", 1);
        page.put("text", text);
        if (transcript != null) {
            page.put("transcript", transcript);
            doc.put("transcript_text", transcript);
        }
        doc.put("pages", List.of(page));
        ENGINE.client().index(i -> i.index(ALIAS).id(id).document(doc).refresh(Refresh.True));
    }

    /** What a Kibana user gets from {@code match_phrase} on a field, as document ids. */
    private static List<String> kibanaPhrase(String field, String phrase) throws Exception {
        return ENGINE.client().search(s -> s.index(ALIAS).query(q -> q.matchPhrase(m -> m.field(field).query(phrase))),
                Map.class).hits().hits().stream().map(h -> h.id()).toList();
    }

    private static LetterFinder.Results find(String box) {
        return new LetterFinder(ENGINE, ALIAS).search(SearchRequest.of(box), Access.INVESTIGATOR);
    }

    private static List<String> ids(LetterFinder.Results r) {
        return r.hits().stream().map(h -> String.valueOf(h.get("id"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> snippets(LetterFinder.Results r) {
        return r.hits().stream().flatMap(h -> ((List<String>) h.get("snippets")).stream()).toList();
    }

    private static String cli(String box) {
        System.setProperty("pobox.es.url", ENGINE.url());
        System.setProperty("pobox.index.alias", ALIAS);
        return Console.stdout(() -> PoboxCli.execute("search", box));
    }
}
