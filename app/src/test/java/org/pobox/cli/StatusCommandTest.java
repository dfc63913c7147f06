package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.BatchResult;
import org.pobox.support.Console;
import org.pobox.support.TestEngine;

/** {@code pobox status}: backlog, processing, failures, engine health, last batch. */
class StatusCommandTest {

    private static final List<String> KEYS = List.of("pobox.inbox", "pobox.work", "pobox.failed", "pobox.batch.lock",
            "pobox.batch.lastResult", "pobox.es.url");

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void showsBacklogFailuresTheEngineAndTheLastBatch() throws Exception {
        System.setProperty("pobox.inbox", dir.resolve("inbox").toString());
        System.setProperty("pobox.work", dir.resolve("work").toString());
        System.setProperty("pobox.failed", dir.resolve("failed").toString());
        System.setProperty("pobox.batch.lock", dir.resolve("data/batch.lock").toString());
        System.setProperty("pobox.batch.lastResult", dir.resolve("data/last-batch.json").toString());
        System.setProperty("pobox.es.url", TestEngine.client().url());
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/a.png"), "x");
        Files.writeString(dir.resolve("inbox/b.png"), "x");
        // what the intake leaves alone, and what an older pobox left in inbox/work/: still counted
        Files.writeString(dir.resolve("inbox/scan.png.part"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("inbox/work")).resolve("c.png"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("work")).resolve("d.png"), "x");
        Files.createDirectories(dir.resolve("failed"));
        Files.writeString(dir.resolve("failed/20200520-010203-abcdef01-bad.png"), "");
        Files.writeString(dir.resolve("failed/20200520-010203-abcdef01-bad.png.reason"), "empty file (0 bytes)\n");
        new BatchResult(Instant.parse("2020-05-20T01:30:00Z"), Instant.parse("2020-05-20T01:40:00Z"), 1,
                "some files failed", 3, 2, 0, 1, 2, List.of(), Map.of()).save(dir.resolve("data/last-batch.json"));

        String idle = run();
        assertThat(idle).contains("backlog: 3 files").contains("1 of them not taken yet")
                .contains("scan.png.part: a temporary or hidden file")
                .contains("1 files in " + dir.resolve("work")).contains("1 files in " + dir.resolve("inbox/work") + ", left by an older pobox")
                .contains("no batch running").contains("failures: 1 files")
                .contains("empty file (0 bytes)").containsPattern("search engine: (green|yellow)")
                .contains("exit 1 (some files failed)");

        try (BatchLock held = BatchLock.tryAcquire(dir.resolve("data/batch.lock")).orElseThrow()) {
            assertThat(run()).contains("a batch is running (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    private static String run() {
        return Console.stdout(() -> assertThat(PoboxCli.execute("status")).isZero());
    }
}
