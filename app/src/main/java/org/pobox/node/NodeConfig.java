package org.pobox.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded node's jars and data live and how it runs.
 *
 * @param home         the pobox checkout or installation: the node's jars are under {@code node/target}
 * @param dataDir      the node's own directory (index data, config, node.log, node.pid)
 * @param port         HTTP port on 127.0.0.1
 * @param heap         child JVM heap, e.g. {@code 512m} (used for both -Xms and -Xmx)
 * @param startTimeout how long start() waits for yellow/green before giving up
 * @param tokenFile    the secret the node asks of every request (made on first start, 0600);
 *                     pobox's clients read it from there ({@code pobox.keys}/node.token)
 */
public record NodeConfig(Path home, Path dataDir, int port, String heap, Duration startTimeout, Path tokenFile) {

    public static final int DEFAULT_PORT = 9200;
    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    public NodeConfig {
        home = home.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        tokenFile = tokenFile == null ? defaultTokenFile(dataDir) : tokenFile.toAbsolutePath().normalize();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("node port must be 1-65535, was " + port);
        }
    }

    /** The token beside the keys' default place: {@code data/node} → {@code data/keys/node.token}. */
    public NodeConfig(Path home, Path dataDir, int port, String heap, Duration startTimeout) {
        this(home, dataDir, port, heap, startTimeout, null);
    }

    private static Path defaultTokenFile(Path dataDir) {
        return dataDir.resolveSibling("keys").resolve("node.token");
    }

    /**
     * From system properties, then environment variables, then defaults: {@code pobox.home} /
     * {@code POBOX_HOME} (else the current dir), {@code pobox.node.data} / {@code POBOX_NODE_DATA}
     * (else {@code <home>/data/node}), {@code pobox.node.port} / {@code POBOX_NODE_PORT} (9200),
     * {@code pobox.node.heap} / {@code POBOX_NODE_HEAP} (512m).
     */
    public static NodeConfig fromEnvironment() {
        Path home = Path.of(setting("pobox.home", "POBOX_HOME", System.getProperty("user.dir")));
        String data = setting("pobox.node.data", "POBOX_NODE_DATA", null);
        String port = setting("pobox.node.port", "POBOX_NODE_PORT", String.valueOf(DEFAULT_PORT));
        String heap = setting("pobox.node.heap", "POBOX_NODE_HEAP", DEFAULT_HEAP);
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new NodeException("POBOX_NODE_PORT must be a port number, was '" + port + "'");
        }
        String keys = setting("pobox.keys", "POBOX_KEYS", null);
        return new NodeConfig(home, data == null ? home.resolve("data/node") : Path.of(data),
                portNumber, heap, DEFAULT_START_TIMEOUT,
                keys == null ? home.resolve("data/keys/node.token") : home.resolve(keys).resolve("node.token"));
    }

    public NodeConfig withDataDir(Path dataDir) {
        return new NodeConfig(home, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withPort(int port) {
        return new NodeConfig(home, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withHeap(String heap) {
        return new NodeConfig(home, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withStartTimeout(Duration startTimeout) {
        return new NodeConfig(home, dataDir, port, heap, startTimeout, tokenFile);
    }

    /** Compiled launcher classes of the node module. */
    public Path nodeClasses() {
        return home.resolve("node/target/classes");
    }

    /** OpenSearch and its dependencies, copied there by the node module's build. */
    public Path nodeLib() {
        return home.resolve("node/target/lib");
    }

    boolean nodeIsBuilt() {
        return Files.isDirectory(nodeLib()) && Files.isRegularFile(
                nodeClasses().resolve("org/pobox/node/launcher/NodeMain.class"));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
