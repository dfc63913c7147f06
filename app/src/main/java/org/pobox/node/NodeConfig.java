package org.pobox.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the embedded node's jars and data live and how it runs.
 *
 * @param install      the pobox installation (POBOX_INSTALL) or checkout: the node's jars are in
 *                     {@code node/lib} (the distribution) or {@code node/target} (a checkout's build)
 * @param dataDir      the node's own directory (index data, config, node.log, node.pid)
 * @param port         HTTP port on 127.0.0.1
 * @param heap         child JVM heap, e.g. {@code 512m} (used for both -Xms and -Xmx)
 * @param startTimeout how long start() waits for yellow/green before giving up
 * @param tokenFile    the secret the node asks of every request (made on first start, 0600);
 *                     pobox's clients read it from there ({@code pobox.keys}/node.token)
 */
public record NodeConfig(Path install, Path dataDir, int port, String heap, Duration startTimeout, Path tokenFile) {

    public static final int DEFAULT_PORT = 9200;
    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    public NodeConfig {
        install = install.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        tokenFile = tokenFile == null ? defaultTokenFile(dataDir) : tokenFile.toAbsolutePath().normalize();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("node port must be 1-65535, was " + port);
        }
    }

    /** The token beside the keys' default place: {@code data/node} → {@code data/keys/node.token}. */
    public NodeConfig(Path install, Path dataDir, int port, String heap, Duration startTimeout) {
        this(install, dataDir, port, heap, startTimeout, null);
    }

    private static Path defaultTokenFile(Path dataDir) {
        return dataDir.resolveSibling("keys").resolve("node.token");
    }

    /**
     * From system properties, then environment variables, then defaults: {@code pobox.install} /
     * {@code POBOX_INSTALL} (else the data home), {@code pobox.home} / {@code POBOX_HOME} (the data
     * home, else the current dir), {@code pobox.node.data} / {@code POBOX_NODE_DATA}
     * (else {@code <data home>/data/node}), {@code pobox.node.port} / {@code POBOX_NODE_PORT} (9200),
     * {@code pobox.node.heap} / {@code POBOX_NODE_HEAP} (512m).
     */
    public static NodeConfig fromEnvironment() {
        Path home = Path.of(setting("pobox.home", "POBOX_HOME", System.getProperty("user.dir")));
        Path install = home.resolve(setting("pobox.install", "POBOX_INSTALL", home.toString()));
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
        return new NodeConfig(install, data == null ? home.resolve("data/node") : home.resolve(data),
                portNumber, heap, DEFAULT_START_TIMEOUT,
                keys == null ? home.resolve("data/keys/node.token") : home.resolve(keys).resolve("node.token"));
    }

    public NodeConfig withDataDir(Path dataDir) {
        return new NodeConfig(install, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withPort(int port) {
        return new NodeConfig(install, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withHeap(String heap) {
        return new NodeConfig(install, dataDir, port, heap, startTimeout, tokenFile);
    }

    public NodeConfig withStartTimeout(Duration startTimeout) {
        return new NodeConfig(install, dataDir, port, heap, startTimeout, tokenFile);
    }

    /** True for an unpacked distribution: {@code node/lib} holds the launcher's jar and OpenSearch's. */
    private boolean distribution() {
        return Files.isDirectory(install.resolve("node/lib"));
    }

    /** OpenSearch and its dependencies: the distribution's, else those the node module's build copied. */
    public Path nodeLib() {
        return distribution() ? install.resolve("node/lib") : install.resolve("node/target/lib");
    }

    /** The child JVM's classpath: the launcher (a jar in the distribution's lib, classes in a checkout) and OpenSearch. */
    List<String> nodeClasspath() {
        return distribution() ? List.of(nodeLib().resolve("*").toString())
                : List.of(install.resolve("node/target/classes").toString(), nodeLib().resolve("*").toString());
    }

    boolean nodeIsBuilt() {
        if (distribution()) {
            return Files.isRegularFile(nodeLib().resolve("pobox-node.jar"));
        }
        return Files.isDirectory(nodeLib()) && Files.isRegularFile(
                install.resolve("node/target/classes/org/pobox/node/launcher/NodeMain.class"));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
