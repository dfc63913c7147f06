package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.EngineClient;
import org.pobox.support.LetterSearch;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/** Letters indexed before the search node stops are there after it starts again. */
class NodeRestartTest {

    @TempDir
    Path dir;

    @Test
    void lettersSurviveANodeRestart() throws Exception {
        EmbeddedNode node = new EmbeddedNode(TestEngine.newNodeConfig("restart"));
        node.ensureRunning();
        try {
            PoboxConfig config = configFor(node.url());
            ScanGenerator generator = new ScanGenerator(42L);
            Path scan = dir.resolve("before-restart.png");
            generator.write(Format.PNG, scan, List.of(generator.letters().letterWith("重启之前收到的信")), PageStyle.clean(300));
            try (EngineClient client = TestEngine.connect(node);
                 Pipeline pipeline = new Pipeline(config, client).start()) {
                TestPobox.drop(scan, config.inbox(), "before-restart.png");
                assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
                assertThat(pipeline.tracker().indexedCount()).isEqualTo(1);
            }

            node.stop();
            assertThat(node.isRunning()).isFalse();
            node.start();

            try (EngineClient client = TestEngine.connect(node)) {
                LetterSearch.Results found = new LetterSearch(client, "letters").search("重启之前收到的信", 5);
                assertThat(found.hits()).singleElement()
                        .satisfies(h -> assertThat(h.fileNames()).containsExactly("before-restart.png"));

                // the same bytes after the restart, under another name: still one letter
                try (Pipeline pipeline = new Pipeline(config, client).start()) {
                    TestPobox.drop(scan, config.inbox(), "sent-again.png");
                    assertThat(pipeline.drain(Duration.ofMinutes(3), (d, t, tr) -> { })).isEmpty();
                    assertThat(pipeline.tracker().alreadyIndexedCount()).isEqualTo(1);
                    assertThat(pipeline.tracker().indexedCount()).isZero();
                }
                assertThat(new LetterSearch(client, "letters").search("重启之前收到的信", 5).hits()).singleElement()
                        .satisfies(h -> assertThat(h.fileNames()).containsExactlyInAnyOrder("before-restart.png", "sent-again.png"));
            }
        } finally {
            node.stop();
        }
    }

    private PoboxConfig configFor(String url) {
        Properties sys = new Properties();
        sys.setProperty("pobox.home", System.getProperty("pobox.home", ".."));
        sys.setProperty("pobox.inbox", dir.resolve("inbox").toString());
        sys.setProperty("pobox.archive", dir.resolve("archive").toString());
        sys.setProperty("pobox.failed", dir.resolve("failed").toString());
        sys.setProperty("pobox.intake.stableMs", "300");
        sys.setProperty("pobox.intake.pollMs", "200");
        sys.setProperty("pobox.es.url", url);
        return PoboxConfig.load(Map.of(), sys);
    }
}
