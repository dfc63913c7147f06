package org.pobox.node.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs one single-node OpenSearch cluster in this JVM until SIGTERM. pobox starts it as a child
 * process (see org.pobox.node.EmbeddedNode in the app) so that OpenSearch's own libraries never
 * meet pobox's.
 *
 * <p>Usage: {@code NodeMain <data dir> <http port>}, or {@code -Dpobox.node.data} and
 * {@code -Dpobox.node.port}; {@code -Dpobox.node.tokenFile} names the token every request must carry
 * ({@link NodeGuardPlugin}). Under the data dir: {@code config/}, {@code data/}, {@code logs/}.
 * Once the node answers HTTP it prints one line starting with {@link #READY}.
 */
public final class NodeMain {

    public static final String READY = "pobox-node ready";
    static final String CLUSTER_NAME = "pobox";
    static final String NODE_NAME = "pobox-node";

    /** Modules a distribution would load from modules/; here they are plain classpath plugins. */
    static final List<Class<? extends Plugin>> PLUGINS = List.of(
            Netty4Plugin.class,          // HTTP and transport
            CommonAnalysisPlugin.class,  // cjk and the usual filters
            MapperExtrasPlugin.class,    // scaled_float, rank_feature, search_as_you_type ...
            PainlessPlugin.class,        // scripts in queries and updates
            ReindexPlugin.class,         // reindex into a new versioned index behind the alias
            SmartCnPlugin.class,
            NodeGuardPlugin.class);      // only pobox, by the node's own address, with the token

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        // our own hook closes the node and must still be able to log while it does
        System.setProperty("log4j.shutdownHookEnabled", "false");
        Path dataDir = Path.of(arg(args, 0, "pobox.node.data", null)).toAbsolutePath();
        int port = Integer.parseInt(arg(args, 1, "pobox.node.port", "9200"));

        Environment environment = prepare(dataDir, port);
        Node node = new PoboxNode(environment, PLUGINS);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, closed), "pobox-node-shutdown"));

        try {
            node.start();
        } catch (Throwable e) {
            // a half-started node may hold non-daemon threads: report, close and really exit
            e.printStackTrace();
            close(node, closed);
            System.exit(1);
        }
        System.out.println(READY + " on http://127.0.0.1:" + port + " (pid " + ProcessHandle.current().pid()
                + ", data " + dataDir + ")");
        System.out.flush();
        // OpenSearch's threads are daemons: without this wait the JVM would end right here
        closed.await();
    }

    static Environment prepare(Path dataDir, int port) throws Exception {
        Path config = Files.createDirectories(dataDir.resolve("config"));
        Files.createDirectories(dataDir.resolve("data"));
        Files.createDirectories(dataDir.resolve("logs"));
        Files.createDirectories(dataDir.resolve("plugins"));
        Files.createDirectories(dataDir.resolve("modules"));
        // rewritten on every start, so a newer pobox brings its logging settings along
        try (InputStream in = NodeMain.class.getResourceAsStream("log4j2.properties")) {
            Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        Settings settings = Settings.builder()
                .put("path.home", dataDir.toString())
                .put("path.data", dataDir.resolve("data").toString())
                .put("path.logs", dataDir.resolve("logs").toString())
                .put("cluster.name", CLUSTER_NAME)
                .put("node.name", NODE_NAME)
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put(NodeGuardPlugin.TOKEN_FILE.getKey(), System.getProperty("pobox.node.tokenFile", ""))
                .put("discovery.type", "single-node")
                // a developer's disk is often over 90% full; the node must still accept writes
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), config, () -> NODE_NAME);
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(environment);
        return environment;
    }

    private static void close(Node node, CountDownLatch closed) {
        try {
            node.close();
            if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                System.err.println("pobox-node: node did not close within 20 s");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("pobox-node: closing failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            System.out.println("pobox-node closed");
            System.out.flush();
            closed.countDown();
        }
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        String value = args.length > index ? args[index] : System.getProperty(property, fallback);
        if (value == null) {
            throw new IllegalArgumentException("usage: NodeMain <data dir> <http port> (or -D" + property + ")");
        }
        return value;
    }

    /** OpenSearch's constructor taking classpath plugins is protected: this subclass opens it. */
    static final class PoboxNode extends Node {
        PoboxNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }
}
