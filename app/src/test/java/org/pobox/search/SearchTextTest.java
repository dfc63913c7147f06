package org.pobox.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void wordsPhrasesAndExclusions() {
        SearchText t = SearchText.parse("补偿款 \"村支部书记 截留\" -低保 -\"公款吃喝\"　扶贫资金 “买官卖官”");
        assertThat(t.words()).containsExactly("补偿款", "扶贫资金");
        assertThat(t.phrases()).containsExactly("村支部书记 截留", "买官卖官");
        assertThat(t.excluded()).containsExactly("低保", "公款吃喝");
        assertThat(t.marks()).containsExactly("村支部书记 截留", "买官卖官", "补偿款", "扶贫资金");
    }

    @Test
    void emptyAndStrayMarks() {
        assertThat(SearchText.parse(null).isEmpty()).isTrue();
        assertThat(SearchText.parse(" - \"\" ").isEmpty()).isTrue();
        assertThat(SearchText.parse("-低保").isEmpty()).isTrue();
    }

    @Test
    void redactorBlanksReporterValuesEvenAcrossHighlightMarks() {
        Redactor r = new Redactor(Map.of("name", "王秀英", "phone", "139 1234 5678"));
        String hit = "举报人：" + Highlight.PRE + "王秀" + Highlight.POST + "英 电话：13912345678";
        assertThat(r.redact(hit)).isEqualTo("举报人：" + Redactor.BLANK + " 电话：" + Redactor.BLANK);
        assertThat(new Redactor(null).redact("王秀英")).isEqualTo("王秀英");
    }
}
