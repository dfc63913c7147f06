package org.pobox.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EngineUnavailableException;
import org.pobox.node.NodeException;
import org.pobox.node.SearchEngine;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.BatchResult;
import org.pobox.pipeline.BatchTracker;
import org.pobox.pipeline.Pipeline;
import org.pobox.scan.PageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Process what is waiting in the inbox once, print a summary and exit.",
                "Exit status: 0 every file indexed, 1 some files failed (listed), 2 could not run",
                "(another batch is running, the engine stayed unreachable, bad configuration)."})
final class BatchCommand implements Callable<Integer> {

    static final int ALL_INDEXED = 0;
    static final int SOME_FAILED = 1;
    static final int COULD_NOT_RUN = 2;
    /** What batch, run and reindex say when another of them holds the lock: args command, holder's pid. */
    static final String LOCKED = "pobox %s: another batch or run is working on this inbox (pid %s); this one exits without doing anything";

    private static final Logger LOG = LoggerFactory.getLogger(BatchCommand.class);

    @Option(names = "--stall-minutes", defaultValue = "10",
            description = "Give up when no file has finished for this long (default ${DEFAULT-VALUE}).")
    int stallMinutes;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        PoboxConfig config;
        Path lockFile;
        try {
            config = PoboxConfig.load();
            lockFile = config.path("pobox.batch.lock");
        } catch (RuntimeException e) {
            System.err.println("pobox batch: bad configuration: " + e.getMessage());
            return COULD_NOT_RUN;
        }
        Optional<BatchLock> lock = lock("batch", lockFile);
        if (lock.isEmpty()) {
            return COULD_NOT_RUN;
        }
        try (BatchLock held = lock.get()) {
            return run(config, started);
        }
    }

    /**
     * The batch lock for {@code command} (batch, run, reindex: one at a time on an inbox), or empty
     * after saying who holds it. A lock left by a dead run is taken over, and the log says so.
     */
    static Optional<BatchLock> lock(String command, Path lockFile) {
        Optional<BatchLock> lock = BatchLock.tryAcquire(lockFile, command);
        if (lock.isEmpty()) {
            System.err.printf(LOCKED + "%n", command, BatchLock.holder(lockFile));
        } else if (!lock.get().takenOverFrom().isEmpty()) {
            LOG.warn("batch lock left by a dead run (pid {}) taken over", lock.get().takenOverFrom());
        }
        return lock;
    }

    private int run(PoboxConfig config, Instant started) throws InterruptedException {
        Path resultFile = config.path("pobox.batch.lastResult");
        Duration patience = Duration.ofSeconds(Long.parseLong(config.get("pobox.engine.patienceSeconds", "300")));
        SearchEngine engine;
        try {
            engine = openWithPatience(config, patience);
        } catch (EngineUnavailableException | NodeException e) {
            System.err.println("pobox batch: cannot run, the search engine is unreachable: " + e.getMessage());
            new BatchResult(started, Instant.now(), COULD_NOT_RUN, "engine unreachable", 0, 0, 0, 0, 0,
                    List.of(), Map.of()).save(resultFile);
            return COULD_NOT_RUN;
        } catch (RuntimeException e) {
            System.err.println("pobox batch: bad configuration: " + e.getMessage());
            return COULD_NOT_RUN;
        }
        try (engine; Pipeline pipeline = new Pipeline(config, engine.client())) {
            pipeline.inbox().resumeWork();
            List<Path> waiting = pipeline.inbox().waiting();
            Progress progress = new Progress(waiting);
            pipeline.start();
            LOG.info("batch started: {} files, {} pages", progress.files, progress.pagesTotal);
            List<Path> left = pipeline.drain(waiting, Duration.ofMinutes(stallMinutes), progress::show);
            progress.end();
            BatchTracker t = pipeline.tracker();
            int exit;
            String outcome;
            if (t.isRegisterUnwritable()) {
                exit = COULD_NOT_RUN;
                outcome = "the register cannot be written (disk full?); unfinished letters wait in the inbox";
            } else if (t.hasEngineGivenUp()) {
                exit = COULD_NOT_RUN;
                outcome = "engine unreachable for longer than " + patience.toSeconds() + " s; unfinished letters wait in the inbox";
            } else if (t.failedCount() == 0 && left.isEmpty()) {
                exit = ALL_INDEXED;
                outcome = "all indexed";
            } else {
                exit = SOME_FAILED;
                outcome = "some files failed";
            }
            System.out.printf("indexed %d, already indexed %d, failed %d, pages %d%n",
                    t.indexedCount(), t.alreadyIndexedCount(), t.failedCount(), t.pagesRead());
            for (Map.Entry<String, String> f : t.failures().entrySet()) {
                System.out.printf("  failed: %s: %s%n", f.getKey(), f.getValue());
            }
            for (Path p : left) {
                System.out.printf("  not processed (waits for the next run): %s%n", p.getFileName());
            }
            // every file accounted for: what the batch did not take stays in the inbox, and says why
            for (String why : pipeline.inbox().notTaken()) {
                System.out.printf("  left in the inbox: %s%n", why);
            }
            if (exit == COULD_NOT_RUN) {
                System.out.println("pobox batch: " + outcome);
            }
            LOG.info("batch ended ({}): indexed {}, already indexed {}, failed {}, pages {}, left {}", outcome,
                    t.indexedCount(), t.alreadyIndexedCount(), t.failedCount(), t.pagesRead(), left.size());
            new BatchResult(started, Instant.now(), exit, outcome, progress.files, t.indexedCount(),
                    t.alreadyIndexedCount(), t.failedCount(), t.pagesRead(),
                    left.stream().map(p -> p.getFileName().toString()).toList(), t.failures()).save(resultFile);
            return exit;
        }
    }

    /** The engine may be restarting when cron starts us: wait for it with backoff, up to the patience. */
    private static SearchEngine openWithPatience(PoboxConfig config, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long delay = Long.parseLong(config.get("pobox.engine.retryDelayMs", "1000"));
        long maxDelay = Long.parseLong(config.get("pobox.engine.maxRetryDelayMs", "30000"));
        while (true) {
            try {
                return SearchEngine.open(config);
            } catch (EngineUnavailableException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw e;
                }
                LOG.warn("search engine unreachable, retrying in {} ms", delay);
                Thread.sleep(Math.min(delay, Math.max(1, left / 1_000_000)));
                delay = Math.min(delay * 2, maxDelay);
            }
        }
    }

    /** The progress line: files and pages done out of the total, pages per minute, ETA (see {@link ProgressLine}). */
    static final class Progress {
        final int files;
        final int pagesTotal;
        private final long start = System.nanoTime();
        private final ProgressLine out = ProgressLine.onStderr();

        Progress(List<Path> waiting) {
            PageDecoder decoder = new PageDecoder();
            int pages = 0;
            for (Path p : waiting) {
                try {
                    pages += decoder.pageCount(p);
                } catch (RuntimeException e) {
                    // a bad file has no pages to read; it will fail with its reason in the batch
                }
            }
            this.files = waiting.size();
            this.pagesTotal = pages;
        }

        void show(int done, int total, BatchTracker t) {
            out.show(line(done, total, t.pagesRead(), (System.nanoTime() - start) / 1e9));
        }

        void end() {
            out.end();
        }

        String line(int done, int total, int pages, double seconds) {
            double perMin = seconds > 0 ? pages * 60.0 / seconds : 0;
            String eta = perMin > 0 ? format(Duration.ofSeconds((long) ((pagesTotal - pages) * 60.0 / perMin))) : "--:--";
            return String.format("files %d/%d, pages %d/%d, %.1f pages/min, ETA %s", done, total, pages,
                    pagesTotal, perMin, eta);
        }

        private static String format(Duration d) {
            return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                    : String.format("%02d:%02d", d.toMinutesPart(), d.toSecondsPart());
        }
    }
}
