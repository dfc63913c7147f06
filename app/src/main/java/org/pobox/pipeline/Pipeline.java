package org.pobox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.component.es.ElasticsearchComponent;
import org.apache.camel.main.Main;
import org.pobox.config.DataFolders;
import org.pobox.config.OwnerOnly;
import org.pobox.config.PoboxConfig;
import org.pobox.group.LetterAssembler;
import org.pobox.group.PageGroups;
import org.pobox.index.LetterIndex;
import org.pobox.intake.Inbox;
import org.pobox.intake.Intake;
import org.pobox.intake.OneLetterPerNumber;
import org.pobox.node.EngineClient;
import org.pobox.register.Register;
import org.pobox.scan.PageDecoder;
import org.pobox.understand.Understander;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel Main application: the routes in {@code routes/*.camel.yaml} with the beans they name.
 * Beans are bound here, once; the routes say what happens to a letter.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private final PoboxConfig config;
    private final Main main;
    private final BatchTracker tracker = new BatchTracker();
    private final LetterIndex index;
    private final Register register;
    private final Understander reader;

    /**
     * The pipeline for {@code pobox reindex}: the reindex route with the ocr, understand and index
     * routes a batch uses, but no intake, no page grouping and no error route, so nothing is taken
     * from the inbox while the index is rebuilt from the archive, and a letter that cannot be read
     * fails to the caller instead of to {@code failed/}.
     */
    public static Pipeline forRebuild(PoboxConfig config, EngineClient engine) {
        return new Pipeline(config.with("camel.main.routesExcludePattern",
                "**/intake.camel.yaml,**/group.camel.yaml,**/errors.camel.yaml,**/web-http.yaml"), engine);
    }
    private final Inbox inbox;

    public Pipeline(PoboxConfig config, EngineClient engine) {
        // the folders as absolute paths for the routes: Camel reads a relative preMove or move
        // against the inbox (work/ became inbox/work/, where nothing looked: issue 12), and the
        // process's working directory must never matter
        this.config = config.with("pobox.ocr.workers", String.valueOf(config.ocrWorkers()))
                .with("pobox.inbox", config.inbox().toString())
                .with("pobox.work", config.path("pobox.work").toString())
                .with("pobox.archive", config.archive().toString())
                .with("pobox.failed", config.failed().toString());
        this.index = new LetterIndex(engine, config.get("pobox.index.alias"), config.getInt("pobox.index.version"));
        this.inbox = new Inbox(config.inbox(), config.path("pobox.work"), Pattern.compile(config.get("pobox.intake.exclude")));
        this.main = new Main();
        // override: Camel Main also reads application.properties itself, and PoboxConfig has already merged it with the environment
        main.setOverrideProperties(this.config.asProperties());

        ElasticsearchComponent elasticsearch = new ElasticsearchComponent();
        // its own client: the component closes it when Camel stops, the engine client stays usable
        elasticsearch.setClient(engine.newRestClient());
        main.bind("elasticsearch", elasticsearch);
        main.bind("letterIndex", index);
        this.register = new Register(config.path("pobox.register.file"), roundCode(config),
                java.time.ZoneId.of(config.get("pobox.register.zone", "Asia/Shanghai")));
        main.bind("inbox", inbox);
        main.bind("inboxFilter", new org.pobox.intake.InboxFilter(inbox));
        OneLetterPerNumber oneLetterPerNumber = new OneLetterPerNumber(index, register);
        main.bind("intake", new Intake(index, config.archive(), config.failed(), register, inbox, oneLetterPerNumber));
        main.bind("engineOutage", new EngineOutage(
                Duration.ofSeconds(Long.parseLong(config.get("pobox.engine.patienceSeconds", "300"))), tracker));
        main.bind("pageGroups", new PageGroups(new PageDecoder(), config.archive()));
        main.bind("letterAssembler", new LetterAssembler());
        org.pobox.ocr.OcrStage.beans(this.config).forEach(main::bind);
        this.reader = Understander.fromSeeds(config.path("pobox.seeds"), config.path("pobox.understand.model"));
        UnderstandStage.warmUp(reader);
        main.bind("understandStage", new UnderstandStage(reader, index));
        main.bind("latePages", new org.pobox.group.LatePages(index, engine, config.archive(), register,
                oneLetterPerNumber));
        main.bind("batchTracker", tracker);
    }

    /**
     * Lets a layer above the pipeline add its beans and routes before {@link #start()}: {@code pobox
     * run} adds the web page this way, so the pipeline (and {@code pobox batch}) knows nothing of it.
     */
    public Pipeline extendedBy(Consumer<Main> extension) {
        extension.accept(main);
        return this;
    }

    public Pipeline start() {
        for (Path dir : List.of(config.inbox(), inbox.work(), config.archive(), config.failed())) {
            OwnerOnly.createDirectories(dir);
        }
        int opened = DataFolders.secure(config);
        if (opened > 0) {
            LOG.warn("{} files and folders of pobox's data were open to other accounts: now owner-only", opened);
        }
        inbox.resumeWork();
        inbox.renameHostileNames();
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

    /** {@code pobox.register.round} when set, else the {@code code} of the current round in {@code seeds/round-*.yaml}. */
    static String roundCode(PoboxConfig config) {
        String set = config.get("pobox.register.round", "");
        return set.isEmpty() ? org.pobox.understand.round.Seeds.load(config.path("pobox.seeds")).round().code() : set;
    }

    /** The understanding built from the seeds and the subject model, as the understand route uses it. */
    public Understander understander() {
        return reader;
    }

    public Register register() {
        return register;
    }

    /** The inbox this pipeline takes files from. */
    public Inbox inbox() {
        return inbox;
    }

    public LetterIndex index() {
        return index;
    }

    /**
     * Waits until every file that was waiting when the batch began has left the inbox (for
     * {@code archive/} or {@code failed/}) and nothing is in flight, or until no file has finished
     * for {@code stall}.
     *
     * @return the files still in the inbox (empty when the batch drained)
     */
    public List<Path> drain(Duration stall, ProgressListener progress) throws InterruptedException {
        return drain(inbox.waiting(), stall, progress);
    }

    /**
     * As {@link #drain(Duration, ProgressListener)} for the files counted before {@link #start()}:
     * the intake takes its first file at once, so a count made after the start can miss it.
     */
    public List<Path> drain(List<Path> batch, Duration stall, ProgressListener progress) throws InterruptedException {
        int total = batch.size();
        long lastChange = System.nanoTime();
        int lastDone = -1;
        int lastPages = -1;
        while (true) {
            List<Path> left = batch.stream().filter(p -> Files.exists(p) || inbox.inWork(p)).toList();
            int done = total - left.size();
            int pages = tracker.pagesRead();
            boolean fileFinished = done != lastDone;
            if (fileFinished) {
                lastDone = done;
                lastChange = System.nanoTime();
            }
            // pages move on their own too: page files leave the inbox as they arrive, and their
            // letter is read later (at its quiet period or the batch's end)
            if (fileFinished || pages != lastPages) {
                lastPages = pages;
                progress.onProgress(done, total, tracker);
            }
            if (left.isEmpty() && camel().getInflightRepository().size() == 0
                    && !org.pobox.group.PageGroups.completeAll(camel())) { // letters waiting for pages end with the batch
                index.refresh();
                if (tracker.pagesRead() != lastPages) {
                    progress.onProgress(done, total, tracker); // the last pages were read since the line was drawn
                }
                return List.of();
            }
            if (tracker.hasEngineGivenUp() || tracker.isRegisterUnwritable()) {
                // the engine stayed away longer than the patience: take nothing more, the letters wait
                stopIntake();
                return batch.stream().filter(p -> Files.exists(p) || inbox.inWork(p)).toList();
            }
            if (System.nanoTime() - lastChange > stall.toNanos() && !tracker.isEngineWaiting()) {
                return left;
            }
            Thread.sleep(250);
        }
    }

    private void stopIntake() {
        try {
            camel().getRouteController().stopRoute("intake");
        } catch (Exception e) {
            LOG.warn("cannot stop the intake route: {}", e.toString());
        }
    }

    @Override
    public void close() {
        main.stop();
        // what an outage or the shutdown left unfinished waits in the inbox, where people look
        inbox.resumeWork();
    }

    /** Told each time a file of the batch has finished or a page has been read. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(int done, int total, BatchTracker tracker);
    }
}
