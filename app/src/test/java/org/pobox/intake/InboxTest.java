package org.pobox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    private static final Pattern EXCLUDE = Pattern.compile("^\\..*|.*\\.(part|tmp|crdownload)$|.*~$");

    @TempDir
    Path dir;

    @Test
    void unsafeNamesAreRenamedToNewPlainOnesAndTheOriginalIsKeptExactly() throws Exception {
        Inbox inbox = new Inbox(Files.createDirectories(dir.resolve("inbox")), dir.resolve("work"), EXCLUDE);
        List<String> hostile = List.of("..\\..\\etc\\passwd.jpg", "..%2F..%2Fevil.jpg", "a\u202Egpj.exe", "two\nlines.jpg",
                "-rf.jpg", " x.jpg", "cafe\u0301.jpg", "信".repeat(80) + ".jpg");
        for (String name : hostile) {
            Files.writeString(dir.resolve("inbox").resolve(name), name);
        }
        Files.writeString(dir.resolve("inbox/plain 来信 (1).jpg"), "plain");
        Files.writeString(dir.resolve("inbox/scan.jpg.part"), "being written");

        List<Path> waiting = inbox.waiting();

        assertThat(waiting).hasSize(hostile.size() + 1);
        assertThat(waiting).allSatisfy(p -> assertThat(FileNames.isPlain(p.getFileName().toString())).isTrue());
        assertThat(waiting.stream().map(p -> inbox.originalName(p.getFileName().toString())).toList())
                .containsExactlyInAnyOrderElementsOf(concat(hostile, "plain 来信 (1).jpg"));
        // each file still holds its own bytes: nothing replaced another
        for (Path p : waiting) {
            assertThat(Files.readString(p)).isIn(concat(hostile, "plain"));
            assertThat(inbox.originalName(p.getFileName().toString())).isIn(concat(hostile, "plain 来信 (1).jpg"));
        }
        assertThat(inbox.notTaken()).singleElement().asString().startsWith("scan.jpg.part: a temporary or hidden file");
    }

    @Test
    void filesLeftInWorkAndInTheOldInboxWorkGoBackToTheInbox() throws Exception {
        Path box = Files.createDirectories(dir.resolve("inbox"));
        Inbox inbox = new Inbox(box, dir.resolve("work"), EXCLUDE);
        Files.writeString(Files.createDirectories(dir.resolve("work")).resolve("a.jpg"), "a");
        Files.writeString(Files.createDirectories(box.resolve("work")).resolve("b.jpg"), "b");
        Files.writeString(box.resolve("a.jpg"), "another a, arrived meanwhile");

        assertThat(inbox.resumeWork()).isEqualTo(2);

        assertThat(inbox.waiting()).hasSize(3);
        assertThat(Files.readString(box.resolve("b.jpg"))).isEqualTo("b");
        assertThat(Files.readString(box.resolve("a.jpg"))).isEqualTo("another a, arrived meanwhile");
        assertThat(inbox.waiting().stream().map(p -> inbox.originalName(p.getFileName().toString())))
                .containsExactlyInAnyOrder("a.jpg", "a.jpg", "b.jpg");
        assertThat(box.resolve("work")).isEmptyDirectory();
    }

    private static List<String> concat(List<String> names, String more) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
