package org.pobox.node;

import org.pobox.config.PoboxConfig;
import org.pobox.keys.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search engine pobox works with: the external Elasticsearch at {@code pobox.es.url} when set,
 * otherwise the embedded node, started when needed and stopped on close if this process started it.
 */
public final class SearchEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchEngine.class);

    private final EngineClient client;
    private final EmbeddedNode startedNode;

    private SearchEngine(EngineClient client, EmbeddedNode startedNode) {
        this.client = client;
        this.startedNode = startedNode;
    }

    public static SearchEngine open(PoboxConfig config) {
        Keys keys = Keys.of(config);
        String url = config.externalEngineUrl();
        if (!url.isEmpty()) {
            LOG.info("using the search engine at {}", url);
            return new SearchEngine(connectExternal(config, url, keys), null);
        }
        EmbeddedNode node = new EmbeddedNode(nodeConfig(config));
        boolean startedHere = node.ensureRunning().startedHere();
        try {
            return new SearchEngine(EngineClient.connect(node.url(), null, null, keys), startedHere ? node : null);
        } catch (RuntimeException e) {
            if (startedHere) {
                node.stop();
            }
            throw e;
        }
    }

    /** A client to the engine at {@code url} with the configured credentials (API key, else user and password). */
    public static EngineClient connectExternal(PoboxConfig config, String url, Keys keys) {
        return EngineClient.connect(url, config.get("pobox.es.username", ""), config.get("pobox.es.password", ""),
                apiKey(config), keys);
    }

    /**
     * {@code pobox.es.apiKey}, else the content of {@code pobox.es.apiKeyFile}: the compose setup
     * writes the key it creates to a file only pobox's user can read, so it never sits in an
     * environment that {@code docker inspect} shows.
     */
    static String apiKey(PoboxConfig config) {
        String key = config.get("pobox.es.apiKey", "");
        String file = config.get("pobox.es.apiKeyFile", "");
        if (!key.isBlank() || file.isBlank()) {
            return key;
        }
        try {
            return java.nio.file.Files.readString(config.path("pobox.es.apiKeyFile")).strip();
        } catch (java.io.IOException e) {
            throw new EngineUnavailableException("cannot read the engine's API key from " + file + ": " + e.getMessage(), e);
        }
    }

    public static NodeConfig nodeConfig(PoboxConfig config) {
        return new NodeConfig(config.install(), config.path("pobox.node.data"), config.getInt("pobox.node.port"),
                config.get("pobox.node.heap"), NodeConfig.DEFAULT_START_TIMEOUT,
                Keys.folder(config).resolve(Keys.NODE_TOKEN));
    }

    public EngineClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        if (startedNode != null) {
            startedNode.stop();
        }
    }
}
