package org.pobox.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Against a real OpenSearch child JVM; needs the node module built (process-classes). */
class EmbeddedNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN_HEADER = org.pobox.keys.Keys.NODE_TOKEN_HEADER;

    @TempDir
    static Path temp;

    static NodeConfig sharedConfig;
    static EmbeddedNode shared;

    @BeforeAll
    static void startSharedNode() throws IOException {
        sharedConfig = NodeConfig.fromEnvironment().withDataDir(temp.resolve("shared")).withPort(freePort());
        shared = new EmbeddedNode(sharedConfig);
        shared.start();
    }

    @AfterAll
    static void stopSharedNode() {
        if (shared != null) {
            shared.stop();
        }
    }

    @Test
    void startedNodeIsHealthyAndReportsItself() throws Exception {
        NodeStatus status = shared.status();

        assertThat(status.running()).isTrue();
        assertThat(status.health()).isIn("green", "yellow");
        assertThat(status.url()).isEqualTo("http://127.0.0.1:" + sharedConfig.port()).isEqualTo(shared.url());
        assertThat(ProcessHandle.of(status.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(shared.isRunning()).isTrue();
        assertThat(get(shared.url() + "/").path("cluster_name").asText()).isEqualTo("pobox");
    }

    @Test
    void cjkAnalyzerGivesBigrams() throws Exception {
        assertThat(analyze("cjk", "补偿款")).containsExactly("补偿", "偿款");
    }

    @Test
    void smartcnAnalyzerGivesWords() throws Exception {
        assertThat(analyze("smartcn", "村委会挪用补偿款")).containsExactly("村委会", "挪用", "补偿", "款");
    }

    @Test
    void secondNodeOnTheSameDataDirIsRefused() throws IOException {
        EmbeddedNode second = new EmbeddedNode(sharedConfig.withPort(freePort()));

        assertThatThrownBy(second::start)
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("a pobox search node (pid " + shared.status().pid()
                        + ") is already running on data dir " + sharedConfig.dataDir());
        assertThat(shared.status().health()).isIn("green", "yellow");
    }

    @Test
    void ensureRunningReusesTheNodeOfTheDataDirAndLeavesItRunning() throws IOException {
        long pid = shared.status().pid();
        try (EmbeddedNode user = new EmbeddedNode(sharedConfig.withPort(freePort()))) {
            user.ensureRunning();

            assertThat(user.startedHere()).isFalse();
            assertThat(user.url()).isEqualTo(shared.url());
            assertThat(user.status().pid()).isEqualTo(pid);
        }
        assertThat(shared.status().running()).isTrue();
        assertThat(shared.status().pid()).isEqualTo(pid);
    }

    @Test
    void portInUseIsRefused() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = other.getLocalPort();
            EmbeddedNode node = new EmbeddedNode(sharedConfig.withDataDir(temp.resolve("clash")).withPort(port));

            assertThatThrownBy(node::start)
                    .isInstanceOf(NodeException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use by another program; set POBOX_NODE_PORT");
            assertThat(node.isRunning()).isFalse();
            assertThat(temp.resolve("clash/node.pid")).doesNotExist();
        }
    }

    @Test
    void unbuiltNodeSaysHowToBuildIt() throws IOException {
        Path emptyHome = Files.createDirectories(temp.resolve("empty-home"));
        EmbeddedNode node = new EmbeddedNode(new NodeConfig(emptyHome, emptyHome.resolve("data/node"),
                freePort(), "512m", NodeConfig.DEFAULT_START_TIMEOUT));

        assertThatThrownBy(node::start)
                .isInstanceOf(NodeException.class)
                .hasMessageContaining(emptyHome.resolve("node/target/lib").toString())
                .hasMessageContaining("mvn -B package -DskipTests");
    }

    @Test
    void restartKeepsDataAndStopEndsTheProcess() throws Exception {
        NodeConfig config = sharedConfig.withDataDir(temp.resolve("restart")).withPort(freePort());
        EmbeddedNode node = new EmbeddedNode(config);
        node.start();
        String doc = node.url() + "/letters-test/_doc/L-1";
        assertThat(put(doc + "?refresh=true", Map.of("summary", "村委会挪用补偿款"))).isIn(200, 201);
        long firstPid = node.status().pid();

        // stopped through the pid file, as `pobox node stop` in another process would
        assertThat(new EmbeddedNode(config).stop()).isTrue();

        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(acceptsConnections(config.port())).isFalse();
        assertThat(node.status().running()).isFalse();
        assertThat(config.dataDir().resolve("node.pid")).doesNotExist();

        // the second run through ensureRunning: nothing owns the data dir, so it starts and close() stops
        long secondPid;
        try (EmbeddedNode user = new EmbeddedNode(config).ensureRunning()) {
            assertThat(user.startedHere()).isTrue();
            secondPid = user.status().pid();
            assertThat(secondPid).isNotEqualTo(firstPid);
            JsonNode found = get(doc);
            assertThat(found.path("found").asBoolean()).isTrue();
            assertThat(found.path("_source").path("summary").asText()).isEqualTo("村委会挪用补偿款");
        }
        assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(node.stop()).as("nothing left to stop").isFalse();
    }

    @Test
    void nodeThatEndsWhileStartingReportsItsLog() throws IOException {
        NodeConfig config = sharedConfig.withDataDir(temp.resolve("bad-heap")).withPort(freePort()).withHeap("lots");

        assertThatThrownBy(() -> new EmbeddedNode(config).start())
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("ended with exit code 1 before it was ready")
                .hasMessageContaining("last lines of " + config.dataDir().resolve("node.log"))
                .hasMessageContaining("heap size: -Xmslots");
        assertThat(config.dataDir().resolve("node.pid")).doesNotExist();
    }

    @Test
    void pidFileOfAProcessThatIsNoNodeIsIgnored() throws IOException {
        Path dataDir = Files.createDirectories(temp.resolve("stale"));
        // a live pid that is not a search node, as after a crash and pid reuse
        Files.writeString(dataDir.resolve("node.pid"), ProcessHandle.current().pid() + "\n9200\n");
        EmbeddedNode node = new EmbeddedNode(sharedConfig.withDataDir(dataDir).withPort(freePort()));

        assertThat(node.isRunning()).isFalse();
        assertThat(node.status().running()).isFalse();
        assertThat(node.stop()).isFalse();
        assertThat(dataDir.resolve("node.pid")).doesNotExist();
    }

    private static List<String> analyze(String analyzer, String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("analyzer", analyzer, "text", text));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shared.url() + "/_analyze")).header(TOKEN_HEADER, shared.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("tokens").findValuesAsText("token");
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(TOKEN_HEADER, shared.token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static int put(String url, Object document) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(TOKEN_HEADER, shared.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(document))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
