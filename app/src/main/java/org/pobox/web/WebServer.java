package org.pobox.web;

import org.apache.camel.main.Main;
import org.pobox.config.DataFolders;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EngineClient;

/** {@code pobox serve}: the web page and the API alone, without the intake and OCR routes. */
public final class WebServer implements AutoCloseable {

    private final Main main = new Main();
    private final PoboxConfig config;
    private final int port;

    public WebServer(PoboxConfig config, EngineClient engine) {
        PoboxConfig web = config.with("pobox.web.enabled", "true")
                // the pipeline's routes stay off: only WebApp's own are loaded
                .with("camel.main.routesCollectorEnabled", "false");
        this.config = config;
        this.port = Integer.parseInt(web.get("pobox.web.port", "8080"));
        main.setOverrideProperties(web.asProperties());
        WebApp.install(main, web, engine);
    }

    public WebServer start() {
        // the page images come from archive/: owner-only like everything pobox keeps
        DataFolders.secure(config);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("the web server could not start: " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        main.stop();
    }
}
