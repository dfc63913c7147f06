package org.pobox.understand;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTest {
    private static String region(String text) {
        return Readers.RULES_ONLY.understand(text, null, Instant.parse("2020-06-01T00:00:00Z")).region();
    }

    @Test
    void problemPlaceWinsOverWritersHome() {
        assertThat(region("我是蓝村街道的村民，反映通济街道某社区主任侵占集体资产的问题。")).isEqualTo("通济街道");
        assertThat(region("我家住龙山街道，现反映鳌山卫街道党工委书记王某收受礼金。")).isEqualTo("鳌山卫街道");
    }

    @Test
    void aVillageAloneResolvesToItsTown() {
        assertThat(region("反映南阡村党支部书记王某截留补偿款的问题。")).isEqualTo("金口镇");
        assertThat(region("墨河社区的低保被社区书记优亲厚友。")).isEqualTo("环秀街道");
    }

    @Test
    void townsThatBecameStreetsAndOldNamesAreOneRegion() {
        assertThat(region("灵山镇党委书记张某公车私用。")).isEqualTo("灵山街道");
        assertThat(region("灵山街道办事处的干部大吃大喝。")).isEqualTo("灵山街道");
        assertThat(region("原七级镇的村干部私分土地补偿款。")).isEqualTo("移风店镇");
        // the functional areas' management bodies are district organs (issue 11), not the street they sit in
        assertThat(region("即墨经济开发区有企业环境污染严重。")).isEqualTo("区直机关");
    }

    @Test
    void districtOrgansAndDistrictLeadersAreTheirOwnRegion() {
        assertThat(region("区自然资源局局长刘某违规审批。")).isEqualTo("区直机关");
        assertThat(region("即墨区副区长李某某经常公车私用。")).isEqualTo("区直机关");
    }

    @Test
    void placesOutsideJimo() {
        assertThat(region("城阳区某街道的干部收受好处费。")).isEqualTo("即墨区外");
    }

    @Test
    void communityCommitteeIsNotTheDistrictCommittee() {
        assertThat(region("北安街道某社区委员会的干部不作为。")).isEqualTo("北安街道");
    }

    @Test
    void traditionalCharactersAreRead() {
        assertThat(region("我是藍村街道的村民，反映龍山街道黨工委書記王某收受賄賂。")).isEqualTo("龙山街道");
    }

    @Test
    void regionTakesOnlyValuesOfItsList() {
        // functional areas and their management bodies are district organs
        assertThat(region("蓝谷管理局的干部公款吃喝。")).isEqualTo("区直机关");
        // a department not listed in the seeds, known by its form, wrapped across two lines
        assertThat(region("即墨区退役军人事务\n服务中心的主任孔某吃拿卡要。")).isEqualTo("区直机关");
        assertThat(region("我是温泉街道东城社区的居民，区市场监督管理局的科长孔某收受购物卡。")).isEqualTo("区直机关");
    }

    @Test
    void aVillageWrittenAfterATownIsInThatTown() {
        // whatever village of a similar name the gazetteer puts elsewhere
        assertThat(region("田横镇南阡村的会计私分集体收入。")).isEqualTo("田横镇");
        assertThat(region("我叫侯雪梅，是金口镇南阡村人，反映胶州市某村主任的问题：他强占耕地。")).isEqualTo("即墨区外");
    }
}
