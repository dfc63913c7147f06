package org.pobox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.es.ElasticsearchComponent;
import org.apache.camel.main.Main;
import org.pobox.config.PoboxConfig;
import org.pobox.index.EngineClient;
import org.pobox.index.LetterIndex;
import org.pobox.intake.Intake;
import org.pobox.intake.PageDecoder;
import org.pobox.ocr.LetterAssembler;
import org.pobox.understand.LetterReader;
import org.pobox.understand.UnderstandStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel Main application: the routes in {@code routes/*.camel.yaml} with the beans they name.
 * Beans are bound here, once; the routes say what happens to a letter.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Mirrors the intake route's exclude: scanners' temporary and hidden files. */
    private static final Pattern NOT_YET_A_LETTER = Pattern.compile("^\\..*|.*\\.(part|tmp|crdownload)$|.*~$");

    private final PoboxConfig config;
    private final Main main;
    private final BatchTracker tracker = new BatchTracker();
    private final LetterIndex index;

    public Pipeline(PoboxConfig config, EngineClient engine) {
        this.config = config.with("pobox.ocr.workers", String.valueOf(config.ocrWorkers()));
        this.index = new LetterIndex(engine, config.get("pobox.index.alias"), config.getInt("pobox.index.version"));
        this.main = new Main();
        // override: Camel Main also reads application.properties itself, and PoboxConfig has already merged it with the environment
        main.setOverrideProperties(this.config.asProperties());

        ElasticsearchComponent elasticsearch = new ElasticsearchComponent();
        // its own client: the component closes it when Camel stops, the engine client stays usable
        elasticsearch.setClient(engine.newRestClient());
        main.bind("elasticsearch", elasticsearch);
        main.bind("letterIndex", index);
        main.bind("intake", new Intake(index, config.failed()));
        main.bind("pageDecoder", new PageDecoder());
        main.bind("letterAssembler", new LetterAssembler());
        org.pobox.ocr.OcrStage.beans(this.config).forEach(main::bind);
        main.bind("understandStage", new UnderstandStage(
                LetterReader.fromSeeds(config.path("pobox.seeds"), config.path("pobox.understand.model")), index));
        main.bind("batchTracker", tracker);
        // the web page and API, when pobox.web.enabled (pobox run): one call, see org.pobox.web.WebApp
        org.pobox.web.WebApp.install(main, this.config, engine);
    }

    public Pipeline start() {
        for (Path dir : List.of(config.inbox(), config.archive(), config.failed())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
        }
        index.ensureExists();
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("pobox could not start its routes: " + e.getMessage(), e);
        }
        LOG.info("pobox watching {} with {} OCR workers", config.inbox(), config.get("pobox.ocr.workers"));
        return this;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public BatchTracker tracker() {
        return tracker;
    }

    public LetterIndex index() {
        return index;
    }

    /** The files in the inbox that the intake will take. */
    public List<Path> waiting() {
        try (Stream<Path> s = Files.list(config.inbox())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !NOT_YET_A_LETTER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.getFileName().toString().endsWith(".camelLock"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + config.inbox(), e);
        }
    }

    /**
     * Waits until every file that was waiting when the batch began has left the inbox (for
     * {@code archive/} or {@code failed/}) and nothing is in flight, or until no file has finished
     * for {@code stall}.
     *
     * @return the files still in the inbox (empty when the batch drained)
     */
    public List<Path> drain(Duration stall, ProgressListener progress) throws InterruptedException {
        List<Path> batch = waiting();
        int total = batch.size();
        long lastChange = System.nanoTime();
        int lastDone = -1;
        while (true) {
            List<Path> left = batch.stream().filter(Files::exists).toList();
            int done = total - left.size();
            if (done != lastDone) {
                lastDone = done;
                lastChange = System.nanoTime();
                progress.onProgress(done, total, tracker);
            }
            if (left.isEmpty() && camel().getInflightRepository().size() == 0
                    && !org.pobox.ocr.PageGroups.completeAll(camel())) { // letters waiting for pages end with the batch
                index.refresh();
                return List.of();
            }
            if (System.nanoTime() - lastChange > stall.toNanos()) {
                return left;
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        main.stop();
    }

    /** Told each time a file of the batch has finished. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(int done, int total, BatchTracker tracker);
    }
}
