package org.pobox.understand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pobox.letter.Json;
import org.pobox.understand.corpus.GeneratedLetter;
import org.pobox.understand.corpus.LetterGenerator;
import org.pobox.understand.corpus.OcrNoise;
import org.pobox.understand.corpus.Truth;

class MaskAndJsonTest {
    private static final String LETTER = "尊敬的巡视组领导：\n我叫张丽华，反映区长王某公车私用。\n此致\n敬礼\n举报人：张丽华\n"
            + "电话：138 1234 5678\n身份证号：11010519491231002X\n家庭住址：蓝村街道古城村18号\n2020年7月1日";

    @Test
    void theMaskedTextHoldsNoRestrictedField() {
        Understander r = Readers.RULES_ONLY;
        LetterUnderstanding u = r.understand(LETTER, null, Instant.parse("2020-07-03T00:00:00Z"));
        String masked = r.mask(LETTER, u.reporter());
        assertThat(masked).doesNotContain("张丽华", "5678", "11010519491231002X", "古城村18号");
        assertThat(masked).contains("区长王某公车私用", "[举报人]", "[电话]");
    }

    /**
     * An envelope keeps where and when it went; its sender, the writer, is masked whole, named or
     * not, signed letter or not (their name, street, phone and postal code are restricted too).
     */
    @Test
    void anEnvelopeKeepsItsRecipientAndPostmarkAndMasksItsSender() {
        Understander r = Readers.RULES_ONLY;
        String envelope = "266000 中国邮政\n山东省青岛市A013号邮政专用信箱\n省委第十巡视组 收\n即墨区龙山街道东关村 孙立平 寄\n"
                + "邮政编码：266214 电话 13912345678\n山东即墨\n2020.06.09";
        LetterUnderstanding u = r.understand(LETTER, envelope, Instant.parse("2020-06-12T00:00:00Z"));
        String masked = r.envelopeMask(envelope, u.reporter()).apply(envelope);
        assertThat(u.postmarkDate()).hasToString("2020-06-09");
        assertThat(masked).contains("266000", "邮政专用信箱", "巡视组 收", "2020.06.09", "[寄件人]")
                .doesNotContain("孙立平", "东关村", "266214", "5678", "即墨");
        // a line of the page (an OCR box) is masked by the same rule
        assertThat(r.envelopeMask(envelope, u.reporter()).apply("孙立平 寄")).isEqualTo("[寄件人]");
    }

    /**
     * The demo scan letter-1-land-compensation.png as Tesseract and Paddle read it. Without 此致 the
     * closing lines start three quarters in, here inside the last sentence of the body; Paddle also
     * wraps that sentence so that 一直拒绝。 stands on a line of its own. Neither is a signature.
     */
    @Test
    void theEndOfTheLastSentenceIsNoSignature() {
        String body = "我是清河镇李家村的村民，现实名反映我村村委会主任王某某的问题。二〇一八年修建高速公路征用我村集体土地一百二十亩，"
                + "上级拨付的土地补偿款共计三百六十万元，\n村委会至今只发放了一半，剩下的补偿款去向不明。村民多次要求公开账目，村委会一直拒绝。";
        String tesseract = "尊敬的省委巡视组领导:\n\n" + body + "\n\n恳请巡视组调查核实，还群众一个公道。\n\n举报人:李建国\n\n2020年6月3日";
        String paddle = """
                尊敬的省委巡视组领导：
                我是清河镇李家村的村民，现实名反映我村村委会主任王某某的问题。二〇一八年修
                建高速公路征用我村集体土地一百二十亩，上级拨付的土地补偿款共计三百六十万元，
                村委会至今只发放了一半，剩下的补偿款去向不明。村民多次要求公开账目，村委会
                一直拒绝。
                恳请巡视组调查核实，还群众一个公道。
                举报人：李建国
                2020年6月3日""";
        for (String text : List.of(tesseract, paddle)) {
            LetterUnderstanding u = Readers.RULES_ONLY.understand(text, null, Instant.parse("2020-06-05T00:00:00Z"));
            String masked = Readers.RULES_ONLY.mask(text, u.reporter());
            assertThat(masked).contains("一直拒绝。", "恳请巡视组调查核实，还群众一个公道。", "举报人", "[举报人]")
                    .doesNotContain("李建国");
        }
    }

    @Test
    void noGeneratedLetterLeaksItsWritersIdentity() {
        List<GeneratedLetter> letters = new LetterGenerator(Readers.SEEDS, 11).generate(150);
        OcrNoise noise = new OcrNoise(3);
        List<String> leaks = new ArrayList<>();
        for (GeneratedLetter g : letters) {
            Truth t = g.truth();
            for (String body : List.of(g.body(), noise.degrade(g.body(), 0.10))) {
                LetterUnderstanding u = Readers.RULES_ONLY.understand(body, g.envelope(), g.receivedAt());
                String masked = Readers.RULES_ONLY.mask(body, u.reporter()).replaceAll("[ \\-]", "");
                if (t.phone() != null && masked.contains(t.phone().replace("-", ""))) leaks.add(g.id() + " phone");
                if (t.idNumber() != null && masked.contains(t.idNumber())) leaks.add(g.id() + " id");
                if (t.reporterName() != null && body.contains(t.reporterName()) && masked.contains(t.reporterName())) {
                    leaks.add(g.id() + " name " + (body == g.body() ? "clean" : "noisy") + "\n" + body);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void jsonUsesTheIssuesFieldNames() throws Exception {
        LetterUnderstanding u = Readers.RULES_ONLY.understand(LETTER, "即墨 2020.07.02", Instant.parse("2020-07-03T00:00:00Z"));
        JsonNode json = Json.MAPPER.valueToTree(u);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("subject", "subjects", "discipline", "region", "targets", "target_level",
                "in_scope", "forward_to", "signed", "reporter", "letter_date", "postmark_date", "received_at", "late", "explain");
        assertThat(json.get("reporter").has("id_number")).isTrue();
        assertThat(json.get("targets").get(0).has("level")).isTrue();
        assertThat(json.get("postmark_date").asText()).isEqualTo("2020-07-02");
        assertThat(json.get("explain").get(0).has("evidence")).isTrue();
        // the explanation shows cue words, never the restricted values themselves
        assertThat(json.get("explain").toString()).doesNotContain("张丽华", "12345678", "11010519491231002X");
    }
}
