package org.pobox.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.index.EngineUnavailableException;
import org.pobox.node.NodeException;
import org.pobox.pipeline.BatchTracker;
import org.pobox.pipeline.Engine;
import org.pobox.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Process what is waiting in the inbox once, print a summary and exit.",
                "Exit status: 0 every file indexed, 1 some files failed (listed), 2 could not run."})
final class BatchCommand implements Callable<Integer> {

    static final int ALL_INDEXED = 0;
    static final int SOME_FAILED = 1;
    static final int COULD_NOT_RUN = 2;

    @Option(names = "--stall-minutes", defaultValue = "10",
            description = "Give up when no file has finished for this long (default ${DEFAULT-VALUE}).")
    int stallMinutes;

    @Override
    public Integer call() throws Exception {
        PoboxConfig config = PoboxConfig.load();
        Engine engine;
        try {
            engine = Engine.open(config);
        } catch (EngineUnavailableException | NodeException e) {
            System.err.println("pobox batch: cannot run: " + e.getMessage());
            return COULD_NOT_RUN;
        }
        try (engine; Pipeline pipeline = new Pipeline(config, engine.client()).start()) {
            List<Path> left = pipeline.drain(Duration.ofMinutes(stallMinutes), BatchCommand::progress);
            System.err.println();
            BatchTracker t = pipeline.tracker();
            System.out.printf("indexed %d, already indexed %d, failed %d%n",
                    t.indexedCount(), t.alreadyIndexedCount(), t.failedCount());
            for (Map.Entry<String, String> f : t.failures().entrySet()) {
                System.out.printf("  failed: %s: %s%n", f.getKey(), f.getValue());
            }
            for (Path p : left) {
                System.out.printf("  not processed (still in the inbox): %s%n", p.getFileName());
            }
            return t.failedCount() == 0 && left.isEmpty() ? ALL_INDEXED : SOME_FAILED;
        }
    }

    private static void progress(int done, int total, BatchTracker t) {
        System.err.printf("\r%d/%d files (indexed %d, failed %d)", done, total, t.indexedCount(), t.failedCount());
    }
}
