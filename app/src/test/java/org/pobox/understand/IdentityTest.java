package org.pobox.understand;

import org.junit.jupiter.api.Test;
import org.pobox.understand.identity.IdNumbers;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {
    private static final String VALID_ID = "11010519491231002X";

    private static LetterUnderstanding read(String text) {
        return Readers.RULES_ONLY.understand(text, null, Instant.parse("2020-06-01T00:00:00Z"));
    }

    @Test
    void checkCharacterOfIdNumbers() {
        assertThat(IdNumbers.isValid(VALID_ID)).isTrue();
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid("110105194913310028")).isFalse(); // month 13
        String first17 = "37028219850101001";
        assertThat(IdNumbers.isValid(first17 + IdNumbers.checkChar(first17))).isTrue();
    }

    @Test
    void signedLetterWithPhoneIdAndAddress() {
        LetterUnderstanding u = read("区长王某公车私用。\n此致\n敬礼\n举报人：张丽华\n联系电话：13812345678\n身份证号：" + VALID_ID
                + "\n家庭住址：蓝村街道古城村18号\n2020年7月1日");
        assertThat(u.signed()).isTrue();
        assertThat(u.reporter().name()).isEqualTo("张丽华");
        assertThat(u.reporter().phone()).isEqualTo("13812345678");
        assertThat(u.reporter().idNumber()).isEqualTo(VALID_ID);
        assertThat(u.reporter().address()).isEqualTo("蓝村街道古城村18号");
    }

    @Test
    void aNameRunIntoItsContactCueIsStillTheName() {
        // OCR drops the space: 举报人:刘秀英电话: ...
        LetterUnderstanding u = read("村支书王某截留补偿款。\n举报人:刘秀英电话: 13905321234\n2020年6月12日");
        assertThat(u.reporter().name()).isEqualTo("刘秀英");
        assertThat(u.signed()).isTrue();
    }

    @Test
    void aVillagerSigningWithTheirVillageIsAnonymousAndTheVillageStays() {
        // HanLP reads 柳塘 as a given name; here it is the writer's village
        String text = "白沙镇柳塘村换届选举时，候选人周某挨家挨户花钱拉票。\n以上情况属实。\n\n举报人:柳塘村村民\n\n2020年6月21日";
        LetterUnderstanding u = read(text);
        assertThat(u.reporter().name()).isNull();
        assertThat(u.signed()).isFalse();
        assertThat(Readers.RULES_ONLY.mask(text)).contains("白沙镇柳塘村换届选举");
        // a name is still a name when a place follows on its own line
        assertThat(read("举报人：张丽华\n柳塘村\n2020年6月21日").reporter().name()).isEqualTo("张丽华");
    }

    @Test
    void ocrConfusionsInPhonesAreTolerated() {
        assertThat(read("举报人：张丽华 电话：l38 O532 6677").reporter().phone()).isEqualTo("13805326677");
        assertThat(read("举报人：张丽华 手机：１３９１２３４５６７８").reporter().phone()).isEqualTo("13912345678");
        assertThat(read("举报人：张丽华 电话：I3912345b78").reporter().phone()).isEqualTo("13912345678");
        assertThat(read("举报人：张丽华 电话：0532-88776655").reporter().phone()).isEqualTo("0532-88776655");
        assertThat(read("举报人：张丽华 电话：(0532)88776655").reporter().phone()).isEqualTo("0532-88776655");
    }

    @Test
    void theTeamsOwnNumberIsNotTheWriters() {
        LetterUnderstanding u = read("巡视组的电话0532-66788689一直打不进去。");
        assertThat(u.reporter().phone()).isNull();
        assertThat(u.signed()).isFalse();
    }

    @Test
    void anonymousIsNotSignedAndANameWithoutContactIs() {
        LetterUnderstanding anonymous = read("区长王某公车私用。\n此致\n敬礼\n一名知情群众\n2020年7月1日");
        assertThat(anonymous.signed()).isFalse();
        assertThat(anonymous.reporter().name()).isNull();
        LetterUnderstanding nameOnly = read("区长王某公车私用。\n此致\n敬礼\n举报人：张丽华\n2020年7月1日");
        // 实名 is the writer's name (DOMAIN.md, issue 11): contact details are usual, not required
        assertThat(nameOnly.signed()).isTrue();
        assertThat(nameOnly.reporter().name()).isEqualTo("张丽华");
    }

    @Test
    void aHomeVillageIsNoContactAddress() {
        LetterUnderstanding u = read("我家住北安街道兰院村，反映村主任王某优亲厚友。\n此致\n敬礼\n反映人：严文\n2020年7月1日");
        assertThat(u.reporter().address()).isNull();
        assertThat(u.reporter().name()).isEqualTo("严文");
    }

    @Test
    void aSignatureOcrDamagedIsStillASignature() {
        // the ID has a misread digit (fails its check) and the name lost a character: still signed
        LetterUnderstanding u = read("区长王某经常公车私用，周末开着公车带家人外出游玩，还在高档酒店公款宴请，群众反映强烈。"
                + "\n此致\n敬礼\n举报人：德\n身份证号：370211197405149381\n2020年6月28日");
        assertThat(u.reporter().idNumber()).isNull();
        assertThat(u.signed()).isTrue();
        assertThat(read("区长王某公车私用。\n此致\n敬礼\n反半人：赵凯祥\n电话：13912345678").reporter().name()).isEqualTo("赵凯祥");
    }

    @Test
    void anInvalidIdIsNotTakenForOne() {
        assertThat(read("举报人：张丽华 身份证号：110105194912310021").reporter().idNumber()).isNull();
    }

    @Test
    void aPhoneAloneOrAGroupSignatureIsAnonymous() {
        LetterUnderstanding phoneOnly = read("局长孔某吃拿卡要。有事可以打我手机13605321234，请替我保密。\n此致\n敬礼\n一群老住户\n2020年6月2日");
        assertThat(phoneOnly.signed()).isFalse();
        assertThat(phoneOnly.reporter().name()).isNull();
        assertThat(phoneOnly.reporter().phone()).isEqualTo("13605321234");
        assertThat(read("局长孔某吃拿卡要。\n此致\n敬礼\n一位退休教师\n2020年6月2日").signed()).isFalse();
    }

    @Test
    void aWriterWhoSaysTheirNameHasSignedAndTheNameIsWhole() {
        LetterUnderstanding u = read("领导好！我叫侯雪梅，住在龙泉街道。我实名反映镇长孔某的问题：他收受购物卡。\n"
                + "此致\n敬礼\n侯雪梅\n2020年6月2日");
        assertThat(u.signed()).isTrue();
        assertThat(u.reporter().name()).isEqualTo("侯雪梅");
    }

    @Test
    void aNumberTheLetterGivesAsSomeoneElsesIsNotTheWriters() {
        LetterUnderstanding u = read("镇长孔某收受礼金，孔某的手机号是13905320000，他从来不接。"
                + "\n此致\n敬礼\n举报人：侯雪梅 电话：13705321111");
        assertThat(u.reporter().phone()).isEqualTo("13705321111");
        LetterUnderstanding anonymous = read("镇长孔某收受礼金，他的电话是13905320000。\n此致\n敬礼\n知情群众");
        assertThat(anonymous.reporter().phone()).isNull();
        assertThat(anonymous.signed()).isFalse();
    }
}
