package org.pobox.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
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
            client = EngineClient.connect(node.url(), null, null);
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

    /** A node config of its own (data folder, free port), for tests that start and stop nodes. */
    public static NodeConfig newNodeConfig(String name) {
        Path home = Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("app/target/test-nodes/" + name + "-" + System.currentTimeMillis());
        return new NodeConfig(home, data, freePort(), "512m", Duration.ofSeconds(120));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
