package org.pobox.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pobox.understand.corpus.OcrNoise;
import org.pobox.understand.duplicates.DuplicateSignature;

class DuplicateTest {
    private static final String FIRST = "尊敬的巡视组领导：\n现反映金口镇南阡村党支部书记王建国的问题。王建国截留扶贫资金，"
            + "贫困户应得的钱被层层克扣。他还把集体土地流转给自己的亲戚，村务不公开，账目不公开。"
            + "这件事发生在2018年5月。相关的收据我都留着，可以提供。\n希望巡视组严肃查处！\n此致\n敬礼\n一名知情群众\n2020年6月3日";
    private static final String OTHER = "尊敬的巡视组领导：\n现反映龙山街道党工委书记孙立新的问题。孙立新截留扶贫资金，"
            + "贫困户一分钱没见到。他还把集体土地流转给外地老板，村务不公开，账目不公开。"
            + "当时有5个人在场，都可以作证。\n请巡视组明察。\n此致\n敬礼\n知情人\n2020年6月9日";

    @Test
    void aResentCopyThroughOcrNoiseIsFound() {
        String resent = "此事我已反映过一次，至今无人处理，再次反映。\n" + FIRST.replace("2020年6月3日", "2020年7月1日")
                .replace("可以提供。", "可以提供！");
        OcrNoise noise = new OcrNoise(5);
        DuplicateSignature a = Readers.RULES_ONLY.signature(noise.degrade(FIRST, 0.10));
        DuplicateSignature b = Readers.RULES_ONLY.signature(noise.degrade(resent, 0.10));
        assertThat(a.isDuplicateOf(b)).as(a.shared(b) + " / " + a + " / " + b).isTrue();
        Set<String> shared = new HashSet<>(a.bandKeys());
        shared.retainAll(b.bandKeys());
        assertThat(shared).isNotEmpty();
    }

    @Test
    void anotherMatterInSimilarWordsIsNot() {
        DuplicateSignature a = Readers.RULES_ONLY.signature(FIRST);
        DuplicateSignature c = Readers.RULES_ONLY.signature(OTHER);
        assertThat(a.isDuplicateOf(c)).isFalse();
    }

    @Test
    void theIndexLinksRepeatsToTheFirstLetter() {
        DuplicateIndex index = new DuplicateIndex();
        assertThat(index.addAndFind("A", Readers.RULES_ONLY.signature(FIRST))).isNull();
        assertThat(index.addAndFind("B", Readers.RULES_ONLY.signature(OTHER))).isNull();
        assertThat(index.addAndFind("C", Readers.RULES_ONLY.signature("重复反映：\n" + FIRST))).isEqualTo("A");
        assertThat(index.addAndFind("D", Readers.RULES_ONLY.signature(FIRST + "\n请尽快答复。"))).isEqualTo("A");
    }
}
