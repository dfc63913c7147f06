package org.pobox.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.pobox.keys.Keys;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.EngineClient;
import org.pobox.node.NodeConfig;

/**
 * One real embedded search node for the whole test run (a node start costs seconds), on a free
 * port and its own data folder under target/. Tests keep apart by using their own index alias.
 */
public final class TestEngine {

    private static EmbeddedNode node;
    private static EngineClient client;

    private TestEngine() {
    }

    public static synchronized EngineClient client() {
        if (client == null) {
            node = new EmbeddedNode(newNodeConfig("shared"));
            node.ensureRunning();
            client = EngineClient.connect(node.url(), null, null, keys());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                node.stop();
            }));
        }
        return client;
    }

    public static synchronized EmbeddedNode node() {
        client();
        return node;
    }

    /**
     * The tests' keys: {@code pobox.keys} as the build sets it (app/target/test-keys), which a CLI
     * command run in-process finds too.
     */
    public static Keys keys() {
        return Keys.in(Path.of(System.getProperty("pobox.keys", "target/test-keys")));
    }

    /** The reporter of a letter's stored document, opened with the tests' key (null if it has none). */
    public static java.util.Map<String, Object> reporter(com.fasterxml.jackson.databind.JsonNode source, String id) {
        com.fasterxml.jackson.databind.JsonNode r = source.get(org.pobox.index.ReporterField.FIELD);
        return org.pobox.index.ReporterField.open(r == null ? null : r.isTextual() ? r.asText()
                : org.pobox.letter.Json.MAPPER.convertValue(r, java.util.Map.class), id, keys().reporters());
    }

    /** A client of its own to a node started from {@link #newNodeConfig}. */
    public static EngineClient connect(EmbeddedNode node) {
        return EngineClient.connect(node.url(), null, null, keys());
    }

    /** A node config of its own (data folder, free port), for tests that start and stop nodes. */
    public static NodeConfig newNodeConfig(String name) {
        Path home = Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("app/target/test-nodes/" + name + "-" + System.currentTimeMillis());
        return new NodeConfig(home, data, freePort(), "512m", Duration.ofSeconds(120), keys().nodeTokenFile());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
