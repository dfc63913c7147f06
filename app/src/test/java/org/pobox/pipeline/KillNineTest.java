package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.letter.LetterIds;
import org.pobox.node.EngineClient;
import org.pobox.register.Register;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * kill -9 in the middle of a batch, several times at random points (while it starts, takes
 * files, reads and indexes them), then a run to the end: every letter indexed exactly once, every
 * original in archive/, nothing left in work/ or the old inbox/work/, registration numbers without
 * a gap. Once as users run it (POBOX_HOME with the default relative folders, started from another
 * directory), once with every folder set to an absolute path.
 */
class KillNineTest {

    @TempDir
    Path tmp;

    @Test
    void aBatchKilledFiveTimesWithTheDefaultFoldersLosesNothingAndIndexesNothingTwice() throws Exception {
        Path home = tmp.resolve("home");
        killAndFinish(BatchChild.defaults(home, TestEngine.client().url(), "letters_kill9"), home, "letters_kill9", 40, 5);
    }

    @Test
    void aBatchKilledWithAbsoluteFoldersLosesNothingEither() throws Exception {
        Path dir = tmp.resolve("abs");
        killAndFinish(new BatchChild(dir, TestEngine.client().url(), "letters_kill9abs"), dir, "letters_kill9abs", 20, 3);
    }

    private void killAndFinish(BatchChild batch, Path dir, String alias, int letters, int kills) throws Exception {
        EngineClient engine = TestEngine.client();
        ScanGenerator generator = new ScanGenerator(99L);
        Set<String> ids = new HashSet<>();
        Path inbox = dir.resolve("inbox");
        for (int i = 0; i < letters; i++) {
            Path source = tmp.resolve("src-" + alias + "/letter-" + i + ".png");
            Files.createDirectories(source.getParent());
            // short text on a 200 dpi page keeps each OCR around a second
            String text = generator.letters().letter();
            generator.write(Format.PNG, source, List.of(text.substring(0, Math.min(60, text.length()))), PageStyle.clean(200));
            ids.add(LetterIds.sha256(source));
            TestPobox.drop(source, inbox, String.format("letter%02d.png", i));
        }
        assertThat(ids).hasSize(letters);

        Random random = new Random(5L);
        List<Integer> archivedAtKill = new ArrayList<>();
        for (int kill = 0; kill < kills; kill++) {
            Process p = batch.start("batch");
            if (kill == 0) {
                // once while it starts up (lock, resume, register, Camel)
                Thread.sleep(1_000 + random.nextInt(3_000));
            } else {
                // then in the middle of the work: after a random number of letters more, at a random moment
                int target = BatchChild.list(dir.resolve("archive")).size() + 1 + random.nextInt(8);
                while (BatchChild.list(dir.resolve("archive")).size() < target && p.isAlive()) {
                    Thread.sleep(50);
                }
                Thread.sleep(random.nextInt(1_500));
            }
            assertThat(p.isAlive()).as("run %d ended before it was killed: %s", kill, p.isAlive() ? "" : batch.output()).isTrue();
            p.destroyForcibly().waitFor();
            archivedAtKill.add(BatchChild.list(dir.resolve("archive")).size());
        }

        Process last = batch.start("batch");
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(batch.output()).isEqualTo(0);

        org.pobox.index.LetterIndex index = new org.pobox.index.LetterIndex(engine, alias, 1);
        index.refresh();
        assertThat(index.count()).isEqualTo(letters);
        assertThat(new HashSet<>(index.ids())).isEqualTo(ids);
        assertThat(BatchChild.list(inbox)).isEmpty();
        assertThat(BatchChild.list(dir.resolve("work"))).isEmpty();
        assertThat(Files.exists(inbox.resolve("work"))).as("inbox/work/").isFalse();
        assertThat(BatchChild.list(dir.resolve("failed"))).isEmpty();
        assertThat(BatchChild.list(dir.resolve("archive"))).hasSize(letters);

        // the register: one number per letter, 0001 up, gapless, and the index agrees with it
        Register register = new Register(dir.resolve("data/register.log"), "SD10JM", java.time.ZoneId.of("Asia/Shanghai"));
        List<Register.Entry> entries = register.entries();
        assertThat(entries).hasSize(letters);
        assertThat(entries.stream().map(Register.Entry::letterId).toList()).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 0; i < letters; i++) {
            assertThat(entries.get(i).number()).endsWith(String.format("-%04d", i + 1));
        }
        Map<String, String> numberById = registrationNumbers(engine, alias);
        for (Register.Entry e : entries) {
            assertThat(numberById.get(e.letterId())).isEqualTo(e.number());
        }
        System.out.println("kill -9 test: archive sizes at the kills " + archivedAtKill);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> registrationNumbers(EngineClient engine, String alias) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        engine.client().search(s -> s.index(alias).size(10_000).source(src -> src.filter(f -> f.includes("registration_no"))), Map.class)
                .hits().hits().forEach(h -> out.put(h.id(), (String) ((Map<String, Object>) h.source()).get("registration_no")));
        return out;
    }
}
