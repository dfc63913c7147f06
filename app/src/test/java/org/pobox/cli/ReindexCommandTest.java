package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.pipeline.BatchLock;
import org.pobox.support.Console;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/** {@code pobox reindex} as an operator runs it after a batch: a summary, the alias swapped, exit 0; 2 while a batch runs. */
class ReindexCommandTest {

    private static final List<String> KEYS = List.of("pobox.inbox", "pobox.archive", "pobox.failed", "pobox.work",
            "pobox.register.file", "pobox.batch.lock", "pobox.batch.lastResult", "pobox.index.alias",
            "pobox.intake.stableMs", "pobox.intake.pollMs", "pobox.ocr.workers", "pobox.es.url",
            "pobox.ocr.engine.chi_sim");

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void rebuildsAfterABatchAndRefusesWhileABatchHoldsTheLock() throws Exception {
        String[] pairs = {"pobox.inbox", dir.resolve("inbox").toString(), "pobox.archive", dir.resolve("archive").toString(),
                "pobox.failed", dir.resolve("failed").toString(), "pobox.work", dir.resolve("work").toString(),
                "pobox.register.file", dir.resolve("data/register.log").toString(),
                "pobox.batch.lock", dir.resolve("data/batch.lock").toString(),
                "pobox.batch.lastResult", dir.resolve("data/last-batch.json").toString(),
                "pobox.index.alias", "letters_cli_reindex", "pobox.intake.stableMs", "300", "pobox.intake.pollMs", "200",
                "pobox.ocr.workers", "2", "pobox.es.url", TestEngine.client().url(), "pobox.ocr.engine.chi_sim", "tesseract"};
        for (int i = 0; i < pairs.length; i += 2) {
            System.setProperty(pairs[i], pairs[i + 1]);
        }
        ScanGenerator generator = new ScanGenerator(11L);
        Path scan = dir.resolve("a.png");
        generator.write(Format.PNG, scan, List.of(generator.letters().letter()), PageStyle.clean(300));
        TestPobox.drop(scan, dir.resolve("inbox"), "a.png");
        assertThat(PoboxCli.execute("batch")).isEqualTo(0);

        String out = Console.stdout(() -> assertThat(PoboxCli.execute("reindex")).isEqualTo(0));
        assertThat(out).contains("letters_cli_reindex-v1 → letters_cli_reindex-v2: 1 letters")
                .contains("1 understood again from kept OCR").contains("alias letters_cli_reindex swapped");

        assertThat(PoboxCli.execute("reindex", "--copy", "--reocr")).isEqualTo(2);
        Optional<BatchLock> batchRunning = BatchLock.tryAcquire(dir.resolve("data/batch.lock"));
        try (BatchLock held = batchRunning.orElseThrow()) {
            assertThat(PoboxCli.execute("reindex")).isEqualTo(2);
        }
    }
}
