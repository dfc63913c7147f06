package org.pobox.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pobox.config.PoboxConfig;
import org.pobox.node.SearchEngine;
import org.pobox.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the investigators' web page and API only (no inbox watching), until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port (default: pobox.web.port)")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default: pobox.web.host, 127.0.0.1)")
    String host;

    @Override
    public Integer call() throws Exception {
        PoboxConfig config = PoboxConfig.load();
        if (port != null) {
            config = config.with("pobox.web.port", String.valueOf(port));
        }
        if (host != null) {
            config = config.with("pobox.web.host", host);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SearchEngine engine = SearchEngine.open(config); WebServer server = new WebServer(config, engine.client()).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                engine.close();
                stopped.countDown();
            }, "pobox-serve-shutdown"));
            System.out.printf("pobox web page on http://%s:%d/ (engine %s). Ctrl-C stops.%n",
                    config.get("pobox.web.host", "127.0.0.1"), server.port(), engine.client().url());
            stopped.await();
        }
        return 0;
    }
}
