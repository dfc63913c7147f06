package org.pobox.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.index.EngineUnavailableException;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.Engine;
import org.pobox.pipeline.Reindexer;
import picocli.CommandLine.Command;

/** {@code pobox reindex}: the index rebuilt into its next version with the current mapping, then the alias swapped. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Copy every letter into a new versioned index with the current mapping and swap the alias.",
                "Search keeps working on the old index until the swap; registration numbers are kept."})
final class ReindexCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PoboxConfig config = PoboxConfig.load();
        // no batch may write into the old index while it is being copied
        Optional<BatchLock> lock = BatchLock.tryAcquire(config.path("pobox.batch.lock"));
        if (lock.isEmpty()) {
            System.err.printf(BatchCommand.LOCKED + "%n", "reindex", BatchLock.holder(config.path("pobox.batch.lock")));
            return 2;
        }
        try (BatchLock held = lock.get(); Engine engine = Engine.open(config)) {
            Reindexer.Result r = new Reindexer(engine.client(), config.get("pobox.index.alias")).reindex();
            System.out.printf("%s → %s: %d letters; alias %s swapped (the old index is kept for a rollback)%n",
                    r.from(), r.to(), r.documents(), config.get("pobox.index.alias"));
            return 0;
        } catch (EngineUnavailableException e) {
            System.err.println("pobox reindex: the search engine is unreachable: " + e.getMessage());
            return 2;
        }
    }
}
