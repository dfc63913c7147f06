package org.pobox.node;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.pobox.config.HttpGet;
import org.pobox.config.OwnerOnly;
import org.pobox.keys.Keys;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded search node: OpenSearch in a child JVM with its own classpath (the installation's
 * {@code node/lib/*}, or a checkout's {@code node/target/classes} and {@code node/target/lib/*}),
 * listening on 127.0.0.1.
 *
 * <p>Two ways to use it:
 * <ul>
 * <li>{@link #start()} / {@link #stop()} for {@code pobox node start|stop}: the node outlives the
 *     process that started it; {@code <data dir>/node.pid} lets any later process find and stop it.</li>
 * <li>{@link #ensureRunning()} for commands that need an engine: reuses the node that already owns
 *     the data dir, else starts one and stops it again on {@link #close()} or JVM exit.</li>
 * </ul>
 * One data dir has at most one node: a second start is refused with a readable message before
 * OpenSearch's own node lock would fail with a cryptic one.
 */
public class EmbeddedNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNode.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final NodeConfig config;
    private final PidFile pidFile;
    private final ObjectMapper json = new ObjectMapper();

    private int port;
    private Process child;          // set only when this instance launched the node
    private ProcessHandle node;     // the node this instance started or adopted
    private boolean startedHere;
    private Thread stopOnExit;

    public EmbeddedNode(NodeConfig config) {
        this.config = config;
        this.pidFile = new PidFile(config.dataDir());
        this.port = config.port();
    }

    /** Configured from system properties and environment, see {@link NodeConfig#fromEnvironment()}. */
    public static EmbeddedNode fromEnvironment() {
        return new EmbeddedNode(NodeConfig.fromEnvironment());
    }

    public NodeConfig config() {
        return config;
    }

    /**
     * Starts a node on the data dir and waits until it is yellow or green. The node keeps running
     * after this JVM ends; stop it with {@link #stop()} (from any process).
     *
     * @throws NodeException if a node already runs on the data dir, the port is taken, the node
     *                       module is not built, or the node does not come up in time
     */
    public synchronized void start() {
        launchUnlessRunning(false);
        awaitHealthy();
    }

    /**
     * Makes sure a healthy node serves the data dir: reuses the one that owns it (and leaves it
     * running at the end), or starts one and stops it on {@link #close()} or when this JVM exits.
     */
    public synchronized EmbeddedNode ensureRunning() {
        boolean launched = launchUnlessRunning(true);
        awaitHealthy();
        if (launched && stopOnExit == null) {
            stopOnExit = new Thread(this::stopQuietly, "pobox-node-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
        return this;
    }

    /** True if this instance launched the node it manages (and {@link #close()} will stop it). */
    public synchronized boolean startedHere() {
        return startedHere;
    }

    /**
     * Stops the node that owns the data dir, whoever started it: SIGTERM, then a kill after 30 s.
     *
     * @return false if no node was running
     */
    public synchronized boolean stop() {
        Optional<PidFile.Entry> recorded = pidFile.live();
        Optional<ProcessHandle> target = recorded.flatMap(entry -> ProcessHandle.of(entry.pid()))
                .or(() -> Optional.ofNullable(node).filter(ProcessHandle::isAlive));
        if (target.isEmpty()) {
            pidFile.read().ifPresent(stale -> pidFile.deleteIfOwnedBy(stale.pid()));
            forgetNode();
            return false;
        }
        long pid = target.get().pid();
        LOG.info("stopping search node pid {}", pid);
        terminate(target.get());
        pidFile.deleteIfOwnedBy(pid);
        forgetNode();
        LOG.info("search node pid {} stopped", pid);
        return true;
    }

    /** Stops the node only if this instance started it. */
    @Override
    public synchronized void close() {
        if (startedHere) {
            stop();
        }
    }

    /** Running or not, with pid, URL and cluster health; works for a node started by another process. */
    public NodeStatus status() {
        Optional<PidFile.Entry> live = pidFile.live();
        if (live.isEmpty()) {
            return new NodeStatus(false, -1, url(), "stopped", config.dataDir());
        }
        String url = urlFor(live.get().port());
        return new NodeStatus(true, live.get().pid(), url, health(url), config.dataDir());
    }

    /** True if a live node owns the data dir (not necessarily healthy yet). */
    public boolean isRunning() {
        return pidFile.live().isPresent();
    }

    /** The node's base URL, e.g. {@code http://127.0.0.1:9200}: the recorded port of a running node, else the configured one. */
    public String url() {
        synchronized (this) {
            if (node != null) {
                return urlFor(port);
            }
        }
        return urlFor(pidFile.live().map(PidFile.Entry::port).orElse(config.port()));
    }

    /** Where the child JVM writes its output. */
    public Path logFile() {
        return config.dataDir().resolve("node.log");
    }

    /** Adopts the live node of the data dir, or launches one; true if launched. */
    private boolean launchUnlessRunning(boolean reuse) {
        Path dataDir = config.dataDir();
        try {
            // every reporter, password hash and audit entry ends up in there: owner-only, whatever the umask
            OwnerOnly.createDirectories(dataDir);
        } catch (UncheckedIOException e) {
            throw new NodeException("cannot create the search node's data dir " + dataDir + ": " + e.getMessage(), e);
        }
        // threads of one JVM queue on the class; processes queue on the file lock
        synchronized (EmbeddedNode.class) {
            try (FileChannel channel = FileChannel.open(dataDir.resolve("start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<PidFile.Entry> live = pidFile.live();
                if (live.isPresent()) {
                    if (!reuse) {
                        throw new NodeException("a pobox search node (pid " + live.get().pid()
                                + ") is already running on data dir " + dataDir + " at " + urlFor(live.get().port())
                                + "; stop it with `pobox node stop` or use another data dir (POBOX_NODE_DATA)");
                    }
                    adopt(live.get());
                    return false;
                }
                launch();
                return true;
            } catch (IOException e) {
                throw new NodeException("cannot prepare the search node's data dir " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    private void adopt(PidFile.Entry entry) {
        port = entry.port();
        node = ProcessHandle.of(entry.pid()).orElseThrow(
                () -> new NodeException("the search node (pid " + entry.pid() + ") ended while being looked up"));
        child = null;
        startedHere = false;
        LOG.info("reusing search node pid {} at {}", entry.pid(), urlFor(port));
    }

    private void launch() throws IOException {
        if (!config.nodeIsBuilt()) {
            throw new NodeException("the search node is not built (" + config.nodeLib() + " is missing); "
                    + "build it with `mvn -B package -DskipTests` at the top of the pobox checkout, or unpack the "
                    + "distribution again, in " + config.install());
        }
        requirePortFree(config.port());
        token(); // made before the node starts: it refuses to start without one
        OwnerOnly.restrictTree(config.dataDir());

        Path log = logFile();
        if (Files.exists(log)) {
            // keep the previous run's log for a post-mortem; the current one starts clean
            Files.move(log, log.resolveSibling("node.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = String.join(File.pathSeparator, config.nodeClasspath());
        List<String> command = List.of(java.toString(),
                "-Xms" + config.heap(), "-Xmx" + config.heap(),
                // C1 only: about half the start time, and a dev/test node never gets hot enough for C2
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-Dpobox.node.tokenFile=" + config.tokenFile(),
                "-cp", classpath, PidFile.LAUNCHER,
                config.dataDir().toString(), String.valueOf(config.port()));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(config.dataDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process.getOutputStream().close(); // the node reads no input
        } catch (IOException e) {
            throw new NodeException("cannot start the search node with " + java + ": " + e.getMessage(), e);
        }
        pidFile.write(process.pid(), config.port());
        child = process;
        node = process.toHandle();
        port = config.port();
        startedHere = true;
        LOG.info("starting search node pid {} on {} (heap {}, log {})", process.pid(), urlFor(port), config.heap(), log);
    }

    private void requirePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a port in TIME_WAIT after our own last node is free for the new one
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            String owner = isPoboxNode(urlFor(port))
                    ? "another pobox search node (not the one of data dir " + config.dataDir() + ")"
                    : "another program";
            throw new NodeException("port " + port + " on " + HOST + " is already in use by " + owner
                    + "; set POBOX_NODE_PORT");
        }
    }

    private void awaitHealthy() {
        long began = System.nanoTime();
        long deadline = began + config.startTimeout().toNanos();
        String url = urlFor(port);
        String health = "unreachable";
        while (true) {
            if (!node.isAlive()) {
                long pid = node.pid();
                String exit = exitCode(child);
                pidFile.deleteIfOwnedBy(pid);
                forgetNode();
                throw new NodeException("the search node (pid " + pid + ") ended" + exit + " before it was ready"
                        + logTail());
            }
            health = health(url);
            if (health.equals("green") || health.equals("yellow")) {
                LOG.info("search node pid {} is {} at {} after {} ms", node.pid(), health, url,
                        (System.nanoTime() - began) / 1_000_000);
                return;
            }
            if (System.nanoTime() > deadline) {
                String message = "the search node (pid " + node.pid() + ") was not healthy within "
                        + config.startTimeout().toSeconds() + " s (last health: " + health + ")";
                if (startedHere) {
                    stopQuietly();
                }
                throw new NodeException(message + logTail());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeException("interrupted while waiting for the search node at " + url, e);
            }
        }
    }

    /** Cluster health colour, or {@code unreachable} / {@code http <code>} when there is none. */
    private String health(String url) {
        try {
            HttpGet.Answer response = HttpGet.get(url + "/_cluster/health", tokenHeader(), Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            if (response.status() != 200) {
                return "http " + response.status();
            }
            return json.readTree(response.body()).path("status").asText("unknown");
        } catch (IOException e) {
            return "unreachable";
        }
    }

    private boolean isPoboxNode(String url) {
        try {
            HttpGet.Answer response = HttpGet.get(url + "/", tokenHeader(), Duration.ofSeconds(2), Duration.ofSeconds(2));
            JsonNode body = json.readTree(response.body());
            // a pobox node with another token refuses, but says what it is
            return "pobox".equals(body.path("cluster_name").asText())
                    || body.path("error").asText().startsWith("pobox node:");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The secret every request to this node must carry (header {@link Keys#NODE_TOKEN_HEADER}). */
    public String token() {
        return Keys.token(config.tokenFile());
    }

    private Map<String, String> tokenHeader() {
        return Map.of(Keys.NODE_TOKEN_HEADER, token());
    }

    private static void terminate(ProcessHandle process) {
        process.destroy(); // SIGTERM: the launcher's shutdown hook closes OpenSearch cleanly
        if (!awaitExit(process, STOP_GRACE)) {
            LOG.warn("search node pid {} did not stop within {} s, killing it", process.pid(), STOP_GRACE.toSeconds());
            process.destroyForcibly();
            if (!awaitExit(process, Duration.ofSeconds(10))) {
                throw new NodeException("could not stop the search node (pid " + process.pid() + ")");
            }
        }
    }

    private static String exitCode(Process process) {
        try {
            return process == null ? "" : " with exit code " + process.waitFor(); // already ended: returns at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping the search node failed: {}", e.getMessage());
        }
    }

    private void forgetNode() {
        node = null;
        child = null;
        startedHere = false;
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is what is running now
            }
            stopOnExit = null;
        }
    }

    private String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\nlast lines of " + logFile() + ":\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (no log at " + logFile() + ")";
        }
    }

    private static String urlFor(int port) {
        return "http://" + HOST + ":" + port;
    }
}
