package org.pobox.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pobox.config.PoboxConfig;
import org.pobox.node.SearchEngine;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.Pipeline;
import org.pobox.web.WebApp;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Watch the inbox and turn every scan dropped there into an indexed letter, until stopped (Ctrl-C).",
                "Exits 2 at once when a batch or another run is working on the same inbox."})
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        // run also serves the web page and API (batch does not)
        PoboxConfig config = PoboxConfig.load().with("pobox.web.enabled", "true")
                .with("camel.management.enabled", "true");
        // the same lock as batch: a cron batch beside a run would take files from the same inbox and
        // replay the other's work/ folder as left by a crash
        Path lockFile = config.path("pobox.batch.lock");
        Optional<BatchLock> lock = BatchCommand.lock("run", lockFile);
        if (lock.isEmpty()) {
            return BatchCommand.COULD_NOT_RUN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (BatchLock held = lock.get(); SearchEngine engine = SearchEngine.open(config);
                Pipeline pipeline = new Pipeline(config, engine.client())
                        .extendedBy(main -> WebApp.install(main, config, engine.client())).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pipeline.close();
                engine.close();
                stopped.countDown();
            }, "pobox-shutdown"));
            System.out.printf("pobox watching %s (engine %s), web page on http://%s:%s/. Ctrl-C stops.%n", config.inbox(),
                    engine.client().url(), config.get("pobox.web.host", "127.0.0.1"), config.get("pobox.web.port", "8080"));
            stopped.await();
        }
        return 0;
    }
}
