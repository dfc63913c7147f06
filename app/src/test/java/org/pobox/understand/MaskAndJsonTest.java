package org.pobox.understand;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pobox.understand.corpus.GeneratedLetter;
import org.pobox.understand.corpus.LetterGenerator;
import org.pobox.understand.corpus.OcrNoise;
import org.pobox.understand.corpus.Truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaskAndJsonTest {
    private static final String LETTER = "尊敬的巡视组领导：\n我叫张丽华，反映区长王某公车私用。\n此致\n敬礼\n举报人：张丽华\n"
            + "电话：138 1234 5678\n身份证号：11010519491231002X\n家庭住址：蓝村街道古城村18号\n2020年7月1日";

    @Test
    void theMaskedTextHoldsNoRestrictedField() {
        LetterReader r = Readers.RULES_ONLY;
        LetterUnderstanding u = r.understand(LETTER, null, Instant.parse("2020-07-03T00:00:00Z"));
        String masked = r.mask(LETTER, u.reporter());
        assertThat(masked).doesNotContain("张丽华", "5678", "11010519491231002X", "古城村18号");
        assertThat(masked).contains("区长王某公车私用", "[举报人]", "[电话]");
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
        JsonNode json = Json.mapper().valueToTree(u);
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
