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

    /** Two letters in the same boilerplate and complaint phrases, about different people, places and sums. */
    private static final String BOILER_A = "尊敬的巡视组领导：\n我们几户村民联名反映南阡村会计孔庆和的问题。\n"
            + "孔庆和把村里的拆迁补偿款扣下了三十六万元，一直不给群众发。孔庆和还把集体的果园私自包给他小舅子，\n"
            + "承包费一年只收两千。这些事村里人人都知道，就是没人敢说。我们多次找镇上反映，都说正在调查。\n"
            + "请巡视组为我们做主，严肃查处。\n此致\n敬礼！\n一群村民\n2020年6月3日";
    private static final String BOILER_B = "尊敬的巡视组领导：\n我们几户村民联名反映窎庄村会计韩立春的问题。\n"
            + "韩立春把村里的拆迁补偿款扣下了十二万元，一直不给群众发。韩立春还把集体的鱼塘私自包给他表哥，\n"
            + "承包费一年只收五百。这些事村里人人都知道，就是没人敢说。我们多次找镇上反映，都说正在调查。\n"
            + "请巡视组为我们做主，严肃查处。\n此致\n敬礼！\n一群村民\n2020年6月9日";

    @Test
    void sharedBoilerplateWithOtherPeopleAndPlacesIsAnotherMatter() {
        DuplicateSignature a = Readers.RULES_ONLY.signature(BOILER_A);
        DuplicateSignature b = Readers.RULES_ONLY.signature(BOILER_B);
        assertThat(a.isDuplicateOf(b)).as(a.shared(b)).isFalse();
    }

    @Test
    void aResentCopyWithEditsANewDateAndAnotherLayoutIsTheSameMatterAndSaysWhatItShares() {
        // re-typed: lines broken elsewhere, a sentence added, one dropped, a new date
        String resent = "尊敬的巡视组领导：\n上个月我们已经写过一封信，到现在没有人来过问，今天再次反映。\n"
                + "我们几户村民联名反映南阡村会计孔庆和的问题。孔庆和把村里的拆迁补偿款扣下了三十六万元，\n"
                + "一直不给群众发。孔庆和还把集体的果园私自包给他小舅子，承包费一年只收两千。\n"
                + "我们多次找镇上反映，都说正在调查。\n请巡视组为我们做主，严肃查处。\n此致\n敬礼！\n一群村民\n2020年7月6日";
        DuplicateSignature a = Readers.RULES_ONLY.signature(BOILER_A);
        DuplicateSignature c = Readers.RULES_ONLY.signature(resent);
        assertThat(c.isDuplicateOf(a)).as(c.shared(a)).isTrue();
        assertThat(c.shared(a)).contains("孔庆和", "南阡村");
        assertThat(c.isDuplicateOf(Readers.RULES_ONLY.signature(BOILER_B))).isFalse();
    }

    @Test
    void aStoredSignatureReadsBackAndAnOlderFormatNeverMatches() {
        DuplicateSignature a = Readers.RULES_ONLY.signature(BOILER_A);
        DuplicateSignature back = DuplicateSignature.fromJson(a.toJson());
        assertThat(back.isDuplicateOf(a)).isTrue();
        assertThat(back.names()).isEqualTo(a.names());
        var old = a.toJson();
        old.remove("version");
        assertThat(DuplicateSignature.fromJson(old)).isNull();
    }
}
