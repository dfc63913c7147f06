package org.pobox.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register on its own: one number per letter, also for a letter sent one page per file, across restarts. */
class RegisterTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @TempDir
    Path dir;

    private Register open() {
        return new Register(dir.resolve("register.log"), "SD10JM", ZONE);
    }

    @Test
    void pageFilesOfOneLetterShareItsNumberAndTheNextLetterTakesTheNext() throws Exception {
        Register register = open();
        assertThat(register.register("a", T).number()).isEqualTo("SD10JM-2026-0001");
        assertThat(register.register("x1", T.plusSeconds(1), "SD10JM/x").number()).isEqualTo("SD10JM-2026-0002");
        assertThat(register.register("x2", T.plusSeconds(2), "SD10JM/x").number()).isEqualTo("SD10JM-2026-0002");
        assertThat(register.register("b", T.plusSeconds(3)).number()).isEqualTo("SD10JM-2026-0003");
        assertThat(register.register("x3", T.plusSeconds(4), "SD10JM/x").number()).isEqualTo("SD10JM-2026-0002");
        // the same name in another round is another letter
        assertThat(register.register("y1", T.plusSeconds(5), "SD11XX/x").number()).isEqualTo("SD10JM-2026-0004");
        // a replay of the same bytes keeps its number and its first time of receipt
        assertThat(register.register("x2", T.plusSeconds(99), "SD10JM/x").receivedAt()).isEqualTo(T.plusSeconds(2));

        List<String> lines = Files.readAllLines(dir.resolve("register.log"));
        assertThat(lines).hasSize(6); // every file received, once
        assertThat(lines.get(1).split("\t")).hasSize(4);
        assertThat(String.join("\n", lines)).doesNotContain("/x"); // the page group is a hash, not the name
        assertThat(open().entries().stream().map(Register.Entry::number).distinct())
                .containsExactly("SD10JM-2026-0001", "SD10JM-2026-0002", "SD10JM-2026-0003", "SD10JM-2026-0004");
    }

    @Test
    void aRestartKeepsTheGroupsNumberForItsLaterPages() {
        Register before = open();
        before.register("x1", T, "SD10JM/x");
        before.register("a", T.plusSeconds(1));

        Register after = open();
        assertThat(after.register("x2", T.plusSeconds(2), "SD10JM/x").number()).isEqualTo("SD10JM-2026-0001");
        assertThat(after.register("b", T.plusSeconds(3)).number()).isEqualTo("SD10JM-2026-0003");
    }

    @Test
    void anOlderRegisterWithoutGroupsLoadsAndATornLastLineIsCut() throws Exception {
        Path file = dir.resolve("register.log");
        Files.writeString(file, "SD10JM-2026-0001\ta\t" + T + "\nSD10JM-2026-0002\tb\t" + T.plusSeconds(1)
                + "\nSD10JM-2026-0003\tc\t2026-03", StandardCharsets.UTF_8);
        // a reader beside a running batch (the report) leaves what may be a line being written alone
        assertThat(Register.read(file)).hasSize(2);
        assertThat(Files.readString(file)).endsWith("2026-03");

        Register register = open();
        assertThat(register.entries()).hasSize(2);
        assertThat(register.register("c", T.plusSeconds(2), "SD10JM/c").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(register.register("c2", T.plusSeconds(3), "SD10JM/c").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(Files.readString(file)).doesNotContain("2026-03\n").endsWith("\n");
    }

    /** Pages that repeat a page number of the indexed letter with other bytes are another letter: the next number. */
    @Test
    void aConflictingLetterOfTheGroupTakesTheNextNumberOnceAndLaterPagesFollowIt() throws Exception {
        Register register = open();
        register.register("p1", T, "SD10JM/scan");
        register.register("a", T.plusSeconds(1));
        // tomorrow another scan_p1.png and scan_p2.png: registered with the group's number at first
        assertThat(register.register("q1", T.plusSeconds(2), "SD10JM/scan").number()).isEqualTo("SD10JM-2026-0001");
        assertThat(register.register("q2", T.plusSeconds(3), "SD10JM/scan").number()).isEqualTo("SD10JM-2026-0001");

        assertThat(register.renumber("SD10JM/scan", List.of("q1", "q2"), "SD10JM-2026-0001")).isEqualTo("SD10JM-2026-0003");
        assertThat(register.find("q1").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(register.find("q1").receivedAt()).isEqualTo(T.plusSeconds(2));
        assertThat(register.find("p1").number()).isEqualTo("SD10JM-2026-0001");
        // the same pages replayed (a crash before they were indexed): the same number, none consumed
        assertThat(register.renumber("SD10JM/scan", List.of("q1", "q2"), "SD10JM-2026-0001")).isEqualTo("SD10JM-2026-0003");
        assertThat(register.register("q3", T.plusSeconds(4), "SD10JM/scan").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(register.register("b", T.plusSeconds(5)).number()).isEqualTo("SD10JM-2026-0004");

        Register after = open();
        assertThat(after.find("q2").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(after.register("q4", T.plusSeconds(6), "SD10JM/scan").number()).isEqualTo("SD10JM-2026-0003");
        assertThat(after.register("c", T.plusSeconds(7)).number()).isEqualTo("SD10JM-2026-0005");
        // every file once, in order of receipt
        assertThat(after.entries().stream().map(Register.Entry::letterId))
                .containsExactly("p1", "a", "q1", "q2", "q3", "b", "q4", "c");
    }

    /** Only part of a renumbering reached the disk (power lost mid-write): the number it got is kept. */
    @Test
    void aRenumberingCutShortKeepsItsNumber() throws Exception {
        Register register = open();
        register.register("p1", T, "SD10JM/scan");
        register.register("q1", T.plusSeconds(1), "SD10JM/scan");
        register.register("q2", T.plusSeconds(2), "SD10JM/scan");
        String group = Files.readAllLines(dir.resolve("register.log")).get(0).split("\t")[3];
        Files.writeString(dir.resolve("register.log"), "SD10JM-2026-0002\tq1\t" + T.plusSeconds(1) + "\t" + group
                + "\nSD10JM-2026-0002\tq2\t2026-03", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Register after = open();
        assertThat(after.renumber("SD10JM/scan", List.of("q1", "q2"), "SD10JM-2026-0001")).isEqualTo("SD10JM-2026-0002");
        assertThat(after.find("q2").number()).isEqualTo("SD10JM-2026-0002");
        assertThat(after.register("a", T.plusSeconds(3)).number()).isEqualTo("SD10JM-2026-0003");
    }

    @Test
    void followingALetterWritesOnlyWhatChanges() throws Exception {
        Register register = open();
        register.register("x1", T, "SD10JM/x");
        register.register("x2", T.plusSeconds(1), "SD10JM/x");
        register.follow("SD10JM/x", List.of("x1", "x2"), "SD10JM-2026-0001");
        assertThat(Files.readAllLines(dir.resolve("register.log"))).hasSize(2);
    }
}
