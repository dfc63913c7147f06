package org.pobox.web;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.Sessions;
import org.pobox.auth.UserStore;
import org.pobox.config.PoboxConfig;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterIndex;
import org.pobox.index.LetterSealer;
import org.pobox.node.EngineClient;
import org.pobox.search.LetterFinder;
import org.pobox.search.LetterReader;
import org.pobox.understand.Understander;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the web page and the API into a Camel Main: binds the beans, turns on Camel's embedded HTTP
 * server ({@code camel-platform-http-main}) and adds the routes of {@code routes/web-http.yaml}. Used by
 * {@code pobox serve} (web only) and by the pipeline of {@code pobox run}.
 * <p>
 * Settings: {@code pobox.web.enabled}, {@code pobox.web.host}, {@code pobox.web.port},
 * {@code pobox.web.secureCookies} (always mark the session cookie Secure; otherwise only when a
 * TLS proxy says {@code X-Forwarded-Proto: https}), {@code pobox.web.trustProxy} (the audit's client
 * address from {@code X-Forwarded-For}; only behind a proxy that sets it), {@code pobox.web.tls.keystore}
 * and {@code pobox.web.tls.password} (a PKCS#12 key store with the certificate and its key: pobox
 * serves HTTPS itself, and the session cookie is always Secure).
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /**
     * Not named {@code *.camel.yaml}: the pipeline's pattern would load it (also from a subfolder),
     * and {@code pobox batch} must not open a port. Loaded here only when the web is enabled.
     */
    public static final String ROUTES = "classpath:routes/web-http.yaml";

    private WebApp() {
    }

    /** Does nothing unless {@code pobox.web.enabled} is true. */
    public static void install(Main main, PoboxConfig config, EngineClient engine) {
        if (!Boolean.parseBoolean(config.get("pobox.web.enabled", "false"))) {
            return;
        }
        String alias = config.get("pobox.index.alias");
        // serve may start before anything was indexed: the (empty) letters index must be there to search
        new LetterIndex(engine, alias, Integer.parseInt(config.get("pobox.index.version", "1"))).ensureExists();
        Accounts accounts = new Accounts(new UserStore(engine, alias));
        Sessions sessions = new Sessions();
        String keystore = config.get("pobox.web.tls.keystore", "");
        boolean tls = !keystore.isBlank();
        Gate gate = new Gate(accounts, sessions, tls || Boolean.parseBoolean(config.get("pobox.web.secureCookies", "false")),
                Boolean.parseBoolean(config.get("pobox.web.trustProxy", "false")));
        AuditLog audit = new AuditLog(engine, alias);
        TextMask mask = new TextMask(() -> Understander.fromSeeds(config.path("pobox.seeds"), config.path("pobox.understand.model")));
        main.bind("webApi", new WebApi(gate, audit, accounts, sessions, new LetterFinder(engine, alias),
                new LetterReader(engine, alias), new CorrectionStore(engine, alias), new PageImages(config.archive()),
                new LetterSealer(engine, alias), mask));
        main.bind("adminApi", new AdminApi(gate, audit, accounts, sessions, config.inbox(), config.failed()));
        main.bind("webStatic", new StaticFiles());
        String host = config.get("pobox.web.host", "127.0.0.1");
        int port = Integer.parseInt(config.get("pobox.web.port", "8080"));
        // every body is read before the route runs, so before authentication: 1 MiB at most, but for
        // the upload route, which streams its body (routes/web-http.yaml) and is checked in HttpEdge
        main.configure().httpServer().withEnabled(true).withHost(host).withPort(port)
                .withMaxBodySize(HttpEdge.MAX_BODY);
        if (tls) {
            // pobox serves HTTPS itself: Camel's global SSL context (a PKCS#12 key store) on the HTTP server
            main.configure().sslConfig().withEnabled(true).withKeyStore("file:" + config.path("pobox.web.tls.keystore"))
                    .withKeyStoreType(config.get("pobox.web.tls.type", "PKCS12"))
                    .withKeystorePassword(config.get("pobox.web.tls.password", ""));
            main.configure().httpServer().withUseGlobalSslContextParameters(true);
        }
        // with the management server on (pobox run) there are two HTTP servers, and the stock engine,
        // finding no single one, attaches the routes to the router of port 8080: name ours
        main.bind("platform-http-engine", new VertxPlatformHttpEngine() {
            @Override
            public int getServerPort() {
                return port;
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext ctx = m.getCamelContext();
                try {
                    Resource routes = PluginHelper.getResourceLoader(ctx).resolveResource(ROUTES);
                    PluginHelper.getRoutesLoader(ctx).loadRoutes(routes);
                    // the HTTP server and its router exist once the context has started
                    ctx.addStartupListener((context, alreadyStarted) -> HttpEdge.install(
                            VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port))));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load the web routes: " + e.getMessage(), e);
                }
            }
        });
        LOG.info("web page and API on {}://{}:{}/", tls ? "https" : "http", host, port);
    }
}
