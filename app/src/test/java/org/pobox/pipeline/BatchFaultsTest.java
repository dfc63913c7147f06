package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.index.LetterIndex;
import org.pobox.letter.LetterIds;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.EngineClient;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * {@code pobox batch} in child processes against faults: a second batch at once, the engine going
 * away. Run as users run it: POBOX_HOME with the default relative folders, started from another
 * directory ({@link BatchChild#defaults}).
 */
class BatchFaultsTest {

    @TempDir
    Path tmp;

    /** POBOX_HOME: inbox/, work/, archive/, failed/, data/ are its default relative folders. */
    private Path dir;

    @org.junit.jupiter.api.BeforeEach
    void home() {
        dir = tmp.resolve("home");
    }

    private final ScanGenerator generator = new ScanGenerator(31L);

    @Test
    void twoBatchesStartedTogetherOneRunsTheOtherExitsWithTheLockMessage() throws Exception {
        BatchChild batch = BatchChild.defaults(dir, TestEngine.client().url(), "letters_lock");
        Set<String> ids = dropLetters(dir.resolve("inbox"), 4);

        Process first = batch.start("batch");
        Process second = batch.start("batch");
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();

        List<Integer> exits = List.of(first.exitValue(), second.exitValue());
        assertThat(exits).containsExactlyInAnyOrder(0, 2);
        String loser = batch.output(first.exitValue() == 2 ? 1 : 2);
        assertThat(loser).contains("pobox batch: another batch or run is working on this inbox");
        assertIndexed(TestEngine.client(), "letters_lock", ids);
    }

    /**
     * The engine stops mid-batch and comes back 15 s later (the issue says 30 s: the length does not
     * matter to the code, which retries with backoff 1, 2, 4, 8 s... until the patience is spent;
     * 15 s spans several of those retries and keeps the test short).
     */
    @Test
    void theEngineStoppingMidBatchLosesNothingAndPutsNothingInFailed() throws Exception {
        EmbeddedNode node = new EmbeddedNode(TestEngine.newNodeConfig("engine-stop"));
        node.start();
        try {
            BatchChild batch = BatchChild.defaults(dir, node.url(), "letters_outage");
            batch.settings.put("pobox.engine.patienceSeconds", "180");
            Set<String> ids = dropLetters(dir.resolve("inbox"), 12);

            Process run = batch.start("batch");
            while (BatchChild.list(dir.resolve("archive")).size() < 3 && run.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(run.isAlive()).as("the batch ended before the engine stopped").isTrue();
            node.stop();
            Thread.sleep(15_000);
            int archivedWhileDown = BatchChild.list(dir.resolve("archive")).size();
            node.start();

            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(batch.output()).isEqualTo(0);
            assertThat(archivedWhileDown).isLessThan(12);
            assertThat(BatchChild.list(dir.resolve("failed"))).isEmpty();
            assertThat(BatchChild.list(dir.resolve("archive"))).hasSize(12);
            try (EngineClient client = TestEngine.connect(node)) {
                assertIndexed(client, "letters_outage", ids);
            }
        } finally {
            node.stop();
        }
    }

    @Test
    void anEngineThatStaysAwayEndsTheBatchWithExitTwoAndTheLettersWaitInTheInbox() throws Exception {
        EmbeddedNode node = new EmbeddedNode(TestEngine.newNodeConfig("engine-away"));
        node.start();
        try {
            BatchChild batch = BatchChild.defaults(dir, node.url(), "letters_away");
            batch.settings.put("pobox.engine.patienceSeconds", "5");
            dropLetters(dir.resolve("inbox"), 6);
            Process run = batch.start("batch");
            while (BatchChild.list(dir.resolve("archive")).size() < 1 && run.isAlive()) {
                Thread.sleep(100);
            }
            node.stop();
            assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(batch.output()).isEqualTo(2);
            assertThat(batch.output()).contains("engine unreachable");
            assertThat(BatchChild.list(dir.resolve("failed"))).isEmpty();
            assertThat(BatchChild.list(dir.resolve("work"))).isEmpty();
            assertThat(Files.exists(dir.resolve("inbox/work"))).as("inbox/work/").isFalse();
            assertThat(BatchChild.list(dir.resolve("archive")).size() + BatchChild.list(dir.resolve("inbox")).size())
                    .isEqualTo(6);
        } finally {
            node.stop();
        }
    }

    private Set<String> dropLetters(Path inbox, int n) throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Path source = tmp.resolve("src/l" + i + ".png");
            Files.createDirectories(source.getParent());
            String text = generator.letters().letter();
            generator.write(Format.PNG, source, List.of(text.substring(0, Math.min(60, text.length()))), PageStyle.clean(200));
            ids.add(LetterIds.sha256(source));
            TestPobox.drop(source, inbox, "l" + i + ".png");
        }
        return ids;
    }

    private static void assertIndexed(EngineClient client, String alias, Set<String> ids) {
        LetterIndex index = new LetterIndex(client, alias, 1);
        index.refresh();
        assertThat(index.count()).isEqualTo(ids.size());
        assertThat(new HashSet<>(index.ids())).isEqualTo(ids);
    }
}
