package org.pobox.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EngineUnavailableException;
import org.pobox.node.NodeException;
import org.pobox.node.SearchEngine;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.Pipeline;
import org.pobox.pipeline.Rebuilder;
import org.pobox.pipeline.Reindexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pobox reindex}: the index rebuilt from the archive into its next version, then the alias swapped. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the letters index from archive/ into a new versioned index with the current mapping",
                "and seeds, then swap the alias. Each letter is understood again from the OCR kept when it was",
                "indexed (archive/.ocr/); a letter without it, or every letter with --reocr, is read again",
                "from its scan. Search keeps working on the old index until the swap, which is atomic; the old",
                "index is kept for a rollback. Registration numbers, sealing and corrections are kept; a letter",
                "found in the archive but not in the index is recovered with its number from the register.",
                "Exit status: 0 rebuilt and swapped, 1 swapped but some letters could not be rebuilt (listed;",
                "they keep their old document), 2 could not run or the new index was incomplete (alias unchanged)."})
final class ReindexCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

    @Option(names = "--reocr", description = "Read every letter again from its scan (slow: every page is OCRed).")
    boolean reocr;

    @Option(names = "--copy", description = "Copy the current documents as they are (no archive, no understanding): "
            + "for a mapping change only.")
    boolean copy;

    @Override
    public Integer call() {
        PoboxConfig config;
        try {
            config = PoboxConfig.load();
        } catch (RuntimeException e) {
            System.err.println("pobox reindex: bad configuration: " + e.getMessage());
            return BatchCommand.COULD_NOT_RUN;
        }
        if (copy && reocr) {
            System.err.println("pobox reindex: --copy and --reocr exclude each other");
            return BatchCommand.COULD_NOT_RUN;
        }
        // no batch may write into the old index while the new one is built
        Optional<BatchLock> lock = BatchCommand.lock("reindex", config.path("pobox.batch.lock"));
        if (lock.isEmpty()) {
            return BatchCommand.COULD_NOT_RUN;
        }
        String alias = config.get("pobox.index.alias");
        try (BatchLock held = lock.get(); SearchEngine engine = SearchEngine.open(config)) {
            if (copy) {
                Reindexer.Result r = new Reindexer(engine.client(), alias).reindex();
                System.out.printf("%s → %s: %d letters copied; alias %s swapped (the old index is kept for a rollback)%n",
                        r.from(), r.to(), r.documents(), alias);
                return BatchCommand.ALL_INDEXED;
            }
            return rebuild(config, engine, alias);
        } catch (EngineUnavailableException | NodeException e) {
            System.err.println("pobox reindex: the search engine is unreachable: " + e.getMessage());
            return BatchCommand.COULD_NOT_RUN;
        } catch (RuntimeException e) {
            System.err.println("pobox reindex: could not run, the alias is unchanged: " + e.getMessage());
            LOG.error("reindex failed", e);
            return BatchCommand.COULD_NOT_RUN;
        }
    }

    private int rebuild(PoboxConfig config, SearchEngine engine, String alias) {
        Rebuilder.Result r;
        try (Pipeline pipeline = Pipeline.forRebuild(config, engine.client()).start()) {
            long start = System.nanoTime();
            ProgressLine line = ProgressLine.onStderr();
            r = new Rebuilder(pipeline, engine.client(), alias, config.archive()).rebuild(reocr, (done, total, again) ->
                    line.show(String.format("letters %d/%d (%d read again from the scan), %d s", done, total, again,
                            (System.nanoTime() - start) / 1_000_000_000L)));
            line.end();
        }
        return report(r, alias);
    }

    static int report(Rebuilder.Result r, String alias) {
        System.out.printf("%s → %s: %d letters (%d understood again from kept OCR, %d read again from the scan), "
                        + "%d recovered from the archive, %d kept without a scan, %d failed, %d corrections applied again%n",
                r.from(), r.to(), r.documents(), r.fromRecord(), r.readAgain(), r.recovered().size(), r.kept().size(),
                r.failed().size(), r.corrections());
        for (Map.Entry<String, String> e : r.recovered().entrySet()) {
            System.out.printf("  recovered: %s as %s%n", e.getKey(), e.getValue());
        }
        for (String id : r.kept()) {
            System.out.printf("  no scan in the archive, old document kept: %s%n", id);
        }
        for (Map.Entry<String, String> e : r.failed().entrySet()) {
            System.out.printf("  not rebuilt: %s: %s%n", e.getKey(), e.getValue());
        }
        if (!r.swapped()) {
            System.out.printf("pobox reindex: %s is incomplete; the alias %s still points to %s%n", r.to(), alias, r.from());
            return BatchCommand.COULD_NOT_RUN;
        }
        System.out.printf("alias %s swapped to %s (the old index %s is kept for a rollback)%n", alias, r.to(), r.from());
        return r.failed().isEmpty() ? BatchCommand.ALL_INDEXED : BatchCommand.SOME_FAILED;
    }
}
