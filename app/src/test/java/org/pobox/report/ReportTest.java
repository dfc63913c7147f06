package org.pobox.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.support.TestEngine;

/** The report of a generated day: its numbers are the index's numbers, and no identity leaks into it. */
class ReportTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ALIAS = "letters_report";
    private static final LocalDate DAY = LocalDate.of(2020, 5, 20);

    @TempDir
    Path dir;

    @Test
    void theReportOfAGeneratedDayMatchesTheIndex() throws Exception {
        EngineClient engine = TestEngine.client();
        LetterIndex index = new LetterIndex(engine, ALIAS, 1);
        index.ensureExists();
        Random random = new Random(520L);
        String[] subjects = {"扶贫领域", "征地拆迁", "低保救助"};
        String[] regions = {"即墨区", "城阳区"};
        int n = 0;
        // 30 letters on the day, some without classification yet; 5 the day before and after
        for (int i = 0; i < 40; i++) {
            LocalDate day = i < 30 ? DAY : (i % 2 == 0 ? DAY.minusDays(1) : DAY.plusDays(1));
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("id", "r" + i);
            doc.put("registration_no", String.format("SD10JM-2020-%04d", ++n));
            doc.put("received_at", day.atTime(8 + i % 12, 30).atZone(ZONE).toInstant().toString());
            if (i % 5 != 0) {
                doc.put("subject", subjects[random.nextInt(subjects.length)]);
                doc.put("region", regions[random.nextInt(regions.length)]);
                doc.put("in_scope", random.nextBoolean());
                doc.put("signed", random.nextBoolean());
                doc.put("late", i % 7 == 0);
            }
            doc.putObject("reporter").put("name", "王秘密").put("phone", "13800000000");
            doc.putArray("pages").addObject().put("number", 1).put("confidence", i % 4 == 0 ? 0.3 : 0.9);
            Request put = new Request("PUT", "/" + ALIAS + "/_doc/r" + i);
            put.setJsonEntity(doc.toString());
            engine.rest().performRequest(put);
        }
        index.refresh();
        // a file of the day that could not become a letter: it keeps the number the register gave it
        String badSha = "ab12cd34" + "0".repeat(56);
        Path failed = Files.createDirectories(dir.resolve("failed"));
        Files.writeString(failed.resolve("20200520-093000-ab12cd34-bad.png"), "x");
        Files.writeString(failed.resolve("20200520-093000-ab12cd34-bad.png.reason"), "not an image");
        Path register = dir.resolve("register.log");
        Files.writeString(register, "SD10JM-2020-0041\t" + badSha + "\t" + DAY.atTime(9, 30).atZone(ZONE).toInstant() + "\n");

        Report.Data data = Report.build(engine, ALIAS, DAY, DAY, ZONE, failed, dir.resolve("inbox"), register);

        String dayRange = "{\"range\":{\"received_at\":{\"gte\":\"" + DAY.atStartOfDay(ZONE).toInstant()
                + "\",\"lt\":\"" + DAY.plusDays(1).atStartOfDay(ZONE).toInstant() + "\"}}}";
        assertThat(data.letters()).isEqualTo(30).isEqualTo(count(engine, dayRange));
        assertThat(data.perDay()).containsExactly(java.util.Map.entry(DAY.toString(), 30));
        for (String s : subjects) {
            assertThat(data.bySubject().getOrDefault(s, 0)).as(s).isEqualTo(count(engine, and(dayRange, term("subject", s))));
        }
        for (String r : regions) {
            assertThat(data.byRegion().getOrDefault(r, 0)).as(r).isEqualTo(count(engine, and(dayRange, term("region", r))));
        }
        assertThat(data.bySubject().get(Report.UNCLASSIFIED)).isEqualTo(6);
        assertThat(data.scope().getOrDefault("本组受理", 0)).isEqualTo(count(engine, and(dayRange, "{\"term\":{\"in_scope\":true}}")));
        assertThat(data.scope().getOrDefault("转办", 0)).isEqualTo(count(engine, and(dayRange, "{\"term\":{\"in_scope\":false}}")));
        assertThat(data.signed().getOrDefault("署名", 0)).isEqualTo(count(engine, and(dayRange, "{\"term\":{\"signed\":true}}")));
        assertThat(data.late()).isEqualTo(count(engine, and(dayRange, "{\"term\":{\"late\":true}}")));
        assertThat(data.pagesNeedingReview()).isEqualTo(count(engine, and(dayRange, "{\"range\":{\"pages.confidence\":{\"lt\":0.6}}}")));
        assertThat(data.failures()).containsExactly(java.util.Map.entry("20200520-093000-ab12cd34-bad.png",
                new Report.Failure("SD10JM-2020-0041", "not an image")));
        // the ledger accounts for every number of the day: 30 letters and the failed file
        assertThat(data.ledger()).hasSize(31);
        assertThat(data.ledger().get(30).registrationNo()).isEqualTo("SD10JM-2020-0041");
        assertThat(data.ledger().get(30).status()).isEqualTo(Report.FAILED);

        List<Path> files = ReportWriter.write(data, dir.resolve("reports"), "report-" + DAY);
        String html = Files.readString(files.get(0), StandardCharsets.UTF_8);
        String csv = Files.readString(files.get(1), StandardCharsets.UTF_8);
        String json = Files.readString(files.get(2), StandardCharsets.UTF_8);
        // the ledger names the scanned files, and a file's name can be its writer's: owner-only
        assertThat(Files.getPosixFilePermissions(dir.resolve("reports")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        for (Path f : files) {
            assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("http-equiv");
        assertThat(csv.lines().count()).isEqualTo(32);
        assertThat(html).contains("SD10JM-2020-0041");
        assertThat(csv).contains("SD10JM-2020-0001").contains(Report.UNCLASSIFIED);
        for (String out : List.of(html, csv, json)) {
            assertThat(out).doesNotContain("王秘密").doesNotContain("13800000000");
        }
    }

    private static String term(String field, String value) {
        return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
    }

    private static String and(String a, String b) {
        return "{\"bool\":{\"filter\":[" + a + "," + b + "]}}";
    }

    private static int count(EngineClient engine, String query) throws Exception {
        Request r = new Request("POST", "/" + ALIAS + "/_count");
        r.setJsonEntity("{\"query\":" + query + "}");
        return Json.MAPPER.readTree(engine.rest().performRequest(r).getEntity().getContent()).path("count").asInt();
    }
}
