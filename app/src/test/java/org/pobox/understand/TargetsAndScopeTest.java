package org.pobox.understand;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsAndScopeTest {
    private static LetterUnderstanding read(String text) {
        return Readers.RULES_ONLY.understand(text, null, Instant.parse("2020-06-01T00:00:00Z"));
    }

    @Test
    void districtLeadersAreInScope() {
        LetterUnderstanding u = read("反映即墨区区长王建国违规插手工程，收受贿赂。");
        assertThat(u.targets()).extracting(Target::post).containsExactly("区长");
        assertThat(u.targets().get(0).name()).isEqualTo("王建国");
        assertThat(u.targetLevel()).isEqualTo("district_leadership");
        assertThat(u.inScope()).isTrue();
        assertThat(u.forwardTo()).isNull();
    }

    @Test
    void aDeputyIsNotReadAsTheHead() {
        LetterUnderstanding u = read("副区长李某某经常公车私用。");
        assertThat(u.targets()).extracting(Target::post).containsExactly("副区长");
        assertThat(u.targets().get(0).name()).isEqualTo("李某某");
    }

    @Test
    void courtAndProcuratorateHeads() {
        assertThat(read("区人民法院院长张某枉法裁判。").targetLevel()).isEqualTo("court_procuratorate_head");
        assertThat(read("区检察院检察长赵某收受礼金。").targetLevel()).isEqualTo("court_procuratorate_head");
    }

    @Test
    void nextLevelHeadsAreInScope() {
        LetterUnderstanding u = read("反映龙山街道党工委书记孙某大操大办。");
        assertThat(u.targetLevel()).isEqualTo("next_level_head");
        assertThat(u.targets().get(0).unit()).isEqualTo("龙山街道党工委");
        assertThat(u.inScope()).isTrue();
        assertThat(read("区民政局局长周某优亲厚友。").targetLevel()).isEqualTo("next_level_head");
        assertThat(read("金口镇党委书记吴某公款吃喝。").targetLevel()).isEqualTo("next_level_head");
    }

    @Test
    void villageCadresGoToTheDistrictDisciplineCommission() {
        LetterUnderstanding u = read("南阡村村支书郑某优亲厚友，把低保给了亲戚。");
        assertThat(u.targetLevel()).isEqualTo("other_cadre");
        assertThat(u.targets().get(0).unit()).isEqualTo("南阡村");
        assertThat(u.inScope()).isFalse();
        assertThat(u.forwardTo()).isEqualTo("区纪委监委");
    }

    @Test
    void litigationGoesToThePoliticalLegalOrgans() {
        LetterUnderstanding u = read("我的案子法院判决不公，申请再审一直没有回音，对方打官司找了关系，司法不公。");
        assertThat(u.subject()).isEqualTo("涉法涉诉");
        assertThat(u.inScope()).isFalse();
        assertThat(u.forwardTo()).isEqualTo("政法机关");
    }

    @Test
    void otherCadresGoToTheRelevantDepartment() {
        LetterUnderstanding u = read("龙泉街道经管站科员冯某搞形式主义，弄虚作假，应付检查。");
        assertThat(u.targetLevel()).isEqualTo("other_cadre");
        assertThat(u.inScope()).isFalse();
        assertThat(u.forwardTo()).isEqualTo("区信访局");
    }

    @Test
    void aCadreOutsideTheDistrictIsOutOfRemit() {
        LetterUnderstanding u = read("城阳区某街道党工委书记王某收受贿赂。");
        assertThat(u.region()).isEqualTo("即墨区外");
        assertThat(u.inScope()).isFalse();
    }

    @Test
    void theWriterIsNotATarget() {
        LetterUnderstanding u = read("区长王某公款吃喝，大吃大喝。\n此致\n敬礼\n举报人：陈科长 电话：13912345678");
        assertThat(u.targets()).extracting(Target::post).containsExactly("区长");
    }

    @Test
    void litigationIsForwardedWhoeverItNames() {
        LetterUnderstanding u = Readers.RULES_ONLY.understand("区长孔某的亲戚跟我打官司，法院判决不公，我申请再审被驳回。",
                null, java.time.Instant.parse("2020-06-01T00:00:00Z"));
        assertThat(u.subject()).isEqualTo("涉法涉诉");
        assertThat(u.inScope()).isFalse();
        assertThat(u.forwardTo()).isEqualTo("政法机关");
    }

    @Test
    void theDevelopmentZonesHeadsAreCityManaged() {
        LetterUnderstanding u = Readers.RULES_ONLY.understand("经济开发区党工委书记孔某收受开发商的好处费。",
                null, java.time.Instant.parse("2020-06-01T00:00:00Z"));
        assertThat(u.targetLevel()).isEqualTo("city_managed");
        assertThat(u.region()).isEqualTo("区直机关");
        assertThat(u.inScope()).isTrue();
    }
}
