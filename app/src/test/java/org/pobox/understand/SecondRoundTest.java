package org.pobox.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.understand.round.Round;
import org.pobox.understand.round.Seeds;

/** A new round (another team, district, dates, boxes and gazetteer) is new seeds files, no code. */
class SecondRoundTest {

    @Test
    void theProjectRound() {
        Round r = Readers.SEEDS.round();
        assertThat(r.lastDay()).isEqualTo(LocalDate.of(2020, 7, 25));
        assertThat(r.boxes()).hasSize(6);
        assertThat(r.poBox()).isEqualTo("山东省青岛市A013号邮政专用信箱");
        assertThat(Readers.SEEDS.villages()).hasSize(197);
        assertThat(Readers.SEEDS.taxonomy().disciplines()).hasSize(6);
    }

    @Test
    void aMadeUpRoundLoadsFromItsOwnSeedsFolder(@TempDir Path dir) throws IOException {
        Path real = Seeds.defaultDir();
        Files.copy(real.resolve("taxonomy.yaml"), dir.resolve("taxonomy.yaml"));
        Files.copy(real.resolve("posts.yaml"), dir.resolve("posts.yaml"));
        for (String f : new String[] {"round-2020-shandong-10-jimo.yaml", "regions.yaml", "villages.csv"}) {
            Files.copy(real.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("round-2021-test-3-laixi.yaml"), """
                code: T3LX
                team: 测试省委第三巡视组
                inspected_unit: 青岛市莱西市
                district: 莱西市
                work_start: 2021-03-01
                work_end: 2021-04-30
                last_day: 2021-04-20
                phone: 0532-12345678
                po_box: 测试省青岛市B001号邮政专用信箱
                boxes:
                  - {number: 1, address: 测试路1号, spot: 门口}
                in_scope_levels: [district_leadership, next_level_head]
                forward:
                  litigation_subject: 涉法涉诉
                  litigation_to: 政法机关
                  village_cadre_to: 市纪委监委
                  default_to: 市信访局
                taxonomy: taxonomy.yaml
                regions: laixi-regions.yaml
                villages: laixi-villages.csv
                posts: posts.yaml
                """);
        Files.writeString(dir.resolve("laixi-regions.yaml"), """
                district: 莱西市
                district_aliases: [莱西市, 莱西]
                regions:
                  - {name: 水集街道, short: 水集}
                  - {name: 院上镇, short: 院上}
                district_units: {name: 市直机关, terms: [市委, 市政府, 市民政局]}
                outside: {name: 莱西市外, terms: [即墨区, 平度市]}
                residence_cues: [我是, 家住]
                """);
        Files.writeString(dir.resolve("laixi-villages.csv"), """
                code,name,full_name,town
                1,测试庄村,测试庄村村民委员会,院上镇
                """);

        Seeds seeds = Seeds.load(dir); // the latest round in the folder
        assertThat(seeds.round().code()).isEqualTo("T3LX");
        Understander reader = new Understander(seeds, null);

        LetterUnderstanding u = reader.understand("我是水集街道的村民，反映测试庄村村支书王某把低保给了亲戚。\n2021年4月22日",
                null, Instant.parse("2021-04-25T00:00:00Z"));
        assertThat(u.region()).isEqualTo("院上镇");
        assertThat(u.late()).isTrue();
        assertThat(u.inScope()).isFalse();
        assertThat(u.forwardTo()).isEqualTo("市纪委监委");

        LetterUnderstanding elsewhere = reader.understand("即墨区某街道党工委书记王某收受贿赂。", null, Instant.parse("2021-04-01T00:00:00Z"));
        assertThat(elsewhere.region()).isEqualTo("莱西市外");
        assertThat(elsewhere.inScope()).isFalse();

        LetterUnderstanding organ = reader.understand("市民政局局长李某优亲厚友。\n2021年4月1日", null, Instant.parse("2021-04-03T00:00:00Z"));
        assertThat(organ.region()).isEqualTo("市直机关");
        assertThat(organ.inScope()).isTrue();
        assertThat(organ.late()).isFalse();

        // the Jimo round is still there and still loads by name
        assertThat(Seeds.load(dir, "round-2020-shandong-10-jimo.yaml").round().code()).isEqualTo("SD10JM");
    }
}
