package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/**
 * {@code pobox.intake.exclude}: the files the intake route leaves in the inbox are exactly those the
 * batch does not count as waiting. Every file here is a readable letter scan, so a file the route
 * took by mistake would end indexed in archive/.
 */
class IntakeExcludeTest {

    @TempDir
    Path dir;

    private final ScanGenerator generator = new ScanGenerator(77L);

    @Test
    void theRouteLeavesWhatTheBatchDoesNotCount() throws Exception {
        PoboxConfig config = TestPobox.config(dir.resolve("data"), "letters_exclude");
        List<String> skipped = List.of("scan.png.part", "scan.tmp", ".hidden.png", "scan.png~", "download.crdownload");
        assertSkipsAndCounts(config, skipped, List.of("a.png"));
    }

    /** One setting for both, also with regular-expression characters Camel's URIs and placeholders know: + { } */
    @Test
    void anEditedPatternHoldsForBoth() throws Exception {
        PoboxConfig config = TestPobox.config(dir.resolve("data"), "letters_exclude2")
                .with("pobox.intake.exclude", "^\\..*|.*\\\\.*|[0-9]+\\.hold|.*\\.v[0-9]{2}");
        assertSkipsAndCounts(config, List.of("12.hold", "scan.v01", ".hidden.png"), List.of("a.part", "scan.v1.png"));
    }

    /**
     * The skipped files, then a name with a backslash while the route runs (Camel would read it as
     * a path separator: the inbox renames it to a plain name and it is taken), then the last
     * letter: once every letter is archived, the route has passed over the others.
     */
    private void assertSkipsAndCounts(PoboxConfig config, List<String> skipped, List<String> letters) throws Exception {
        Path inbox = config.inbox();
        for (String name : skipped) {
            drop(inbox, name);
        }
        for (String name : letters.subList(0, letters.size() - 1)) {
            drop(inbox, name);
        }
        try (Pipeline pipeline = new Pipeline(config, TestEngine.client())) {
            assertThat(pipeline.inbox().waiting()).map(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(letters.subList(0, letters.size() - 1));
            pipeline.start();
            drop(inbox, "from\\windows.png");
            String last = letters.get(letters.size() - 1);
            drop(inbox, last);
            while (TestPobox.list(config.archive()).size() < letters.size() + 1 && TestPobox.list(config.failed()).isEmpty()) {
                Thread.sleep(100);
            }
            assertThat(TestPobox.list(config.failed())).isEmpty();
            List<String> expected = Stream.concat(letters.stream(), Stream.of("from_windows.png")).toList();
            assertThat(TestPobox.list(config.archive())).hasSize(expected.size())
                    .allSatisfy(n -> assertThat(expected).anySatisfy(l -> assertThat(n).endsWith("-" + l)));
            List<String> left = TestPobox.list(inbox).stream().filter(n -> !n.endsWith(".camelLock")).toList();
            assertThat(left).containsExactlyInAnyOrderElementsOf(skipped);
            assertThat(pipeline.inbox().notTaken()).hasSize(skipped.size());
            assertThat(TestPobox.list(config.path("pobox.work"))).isEmpty();
            pipeline.index().refresh();
            assertThat(fileNames(pipeline)).contains("from\\windows.png");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> fileNames(Pipeline pipeline) throws IOException {
        return TestEngine.client().client().search(s -> s.index(pipeline.index().alias()).size(100), java.util.Map.class)
                .hits().hits().stream().flatMap(h -> ((List<String>) h.source().get("file_names")).stream()).toList();
    }

    private void drop(Path inbox, String name) throws IOException {
        Path source = dir.resolve("src/" + name.hashCode() + ".png");
        Files.createDirectories(source.getParent());
        String text = generator.letters().letter();
        generator.write(Format.PNG, source, List.of(text.substring(0, Math.min(60, text.length()))), PageStyle.clean(200));
        TestPobox.drop(source, inbox, name);
    }

}
