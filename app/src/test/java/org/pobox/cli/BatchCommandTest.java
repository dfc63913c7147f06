package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.support.Console;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.BadFiles;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/** {@code pobox batch} as cron runs it: drains the inbox once and says with its exit status how it went. */
class BatchCommandTest {

    @TempDir
    Path dir;

    private final ScanGenerator generator = new ScanGenerator(7L);
    @AfterEach
    void restore() {
        for (String key : List.of("pobox.inbox", "pobox.archive", "pobox.failed", "pobox.index.alias",
                "pobox.intake.stableMs", "pobox.intake.pollMs", "pobox.ocr.workers", "pobox.es.url",
                "pobox.work", "pobox.register.file", "pobox.batch.lock", "pobox.batch.lastResult",
                "pobox.engine.patienceSeconds", "pobox.ocr.engine.chi_sim")) {
            System.clearProperty(key);
        }
    }

    @Test
    void exitsZeroWhenEverythingIsIndexedAndOneWhenAFileFailed() throws Exception {
        useFolders(TestEngine.client().url());
        Path scan = dir.resolve("a.png");
        generator.write(Format.PNG, scan, List.of(generator.letters().letter()), PageStyle.clean(300));
        TestPobox.drop(scan, dir.resolve("inbox"), "a.png");
        assertThat(PoboxCli.execute("batch")).isEqualTo(0);

        TestPobox.drop(BadFiles.empty(dir.resolve("zero.png")), dir.resolve("inbox"), "zero.png");
        Path other = dir.resolve("b.png");
        generator.write(Format.PNG, other, List.of(generator.letters().letter()), PageStyle.clean(300));
        TestPobox.drop(other, dir.resolve("inbox"), "b.png");
        String out = Console.stdout(() -> assertThat(PoboxCli.execute("batch")).isEqualTo(1));
        assertThat(out).contains("indexed 1").contains("failed 1").contains("zero.png").contains("empty");
    }

    /**
     * The progress line counts the pages read, also those of a letter scanned one page per file,
     * which is read only when its pages are complete (here: at the batch's end).
     */
    @Test
    void aFinishedBatchShowsEveryPageRead() throws Exception {
        useFolders(TestEngine.client().url());
        System.setProperty("pobox.ocr.engine.chi_sim", "tesseract");
        Path inbox = dir.resolve("inbox");
        Path tiff = dir.resolve("two-pages.tif");
        generator.write(Format.TIFF, tiff, 2, PageStyle.clean(200));
        TestPobox.drop(tiff, inbox, "two-pages.tif");
        for (Path page : generator.writePageFiles(Format.PNG, dir, "by-page", 2, PageStyle.clean(200)).files()) {
            TestPobox.drop(page, inbox, page.getFileName().toString());
        }

        // the progress line goes to standard error, the summary to standard output
        String out = Console.stdoutAndErr(() -> assertThat(PoboxCli.execute("batch")).isEqualTo(0));

        java.util.regex.Matcher line = java.util.regex.Pattern.compile("files (\\d+)/(\\d+), pages (\\d+)/(\\d+)")
                .matcher(out);
        String last = null;
        while (line.find()) {
            last = line.group();
        }
        assertThat(last).as("the last progress line").isEqualTo("files 3/3, pages 4/4");
        assertThat(out).contains("indexed 2").contains("pages 4");
    }

    @Test
    void exitsTwoWhenTheSearchEngineCannotBeReached() throws Exception {
        useFolders("http://127.0.0.1:" + TestEngine.freePort());
        assertThat(PoboxCli.execute("batch")).isEqualTo(2);
    }

    private void useFolders(String engineUrl) {
        String[] pairs = {"pobox.inbox", dir.resolve("inbox").toString(),
                "pobox.archive", dir.resolve("archive").toString(),
                "pobox.failed", dir.resolve("failed").toString(),
                "pobox.work", dir.resolve("work").toString(),
                "pobox.register.file", dir.resolve("data/register.log").toString(),
                "pobox.batch.lock", dir.resolve("data/batch.lock").toString(),
                "pobox.batch.lastResult", dir.resolve("data/last-batch.json").toString(),
                "pobox.engine.patienceSeconds", "3",
                "pobox.index.alias", "letters_batch",
                "pobox.intake.stableMs", "300",
                "pobox.intake.pollMs", "200",
                "pobox.ocr.workers", "2",
                "pobox.es.url", engineUrl};
        for (int i = 0; i < pairs.length; i += 2) {
            System.setProperty(pairs[i], pairs[i + 1]);
        }
    }
}
