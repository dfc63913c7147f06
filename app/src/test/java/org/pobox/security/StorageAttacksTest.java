package org.pobox.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.Role;
import org.pobox.auth.UserStore;
import org.pobox.cli.PoboxCli;
import org.pobox.config.OwnerOnly;
import org.pobox.config.PoboxConfig;
import org.pobox.index.LetterDocument;
import org.pobox.index.LetterIndex;
import org.pobox.keys.Keys;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;
import org.pobox.node.EngineClient;
import org.pobox.pipeline.UnderstandStage;
import org.pobox.search.Access;
import org.pobox.search.LetterReader;
import org.pobox.support.TestEngine;
import org.pobox.understand.Understander;
import org.pobox.web.WebServer;

/**
 * Issue 15's attacks on pobox's storage, each played against the real embedded node: someone who
 * can reach the engine (another account on the host, a web page by DNS rebinding, a copy of the
 * node's data) reads identity, promotes a user, or rewrites the audit; and the folders' modes.
 */
class StorageAttacksTest {

    private static final String NAME = "韩立群";
    private static final String PHONE = "13561234987";
    private static final String PASSWORD = "correct horse battery";

    private final EngineClient engine = TestEngine.client();

    @TempDir
    Path dir;

    @Test
    void readingTheReporterStraightFromTheEngineGetsCiphertext() throws Exception {
        String alias = "attack-reporter-" + System.nanoTime();
        LetterIndex index = new LetterIndex(engine, alias, 1);
        index.ensureExists();
        String id = "e5".repeat(32);
        String text = "尊敬的巡视组领导：我村村主任侵占集体土地补偿款，请调查处理。\n举报人：" + NAME + " 电话：" + PHONE;
        Letter letter = Letter.of(id, List.of("signed.png"), id + ".png", Instant.parse("2020-06-03T09:00:00Z"),
                List.of(new Page(1, text, 0.95, "paddle", null, null, false, List.of())));
        Path home = Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize();
        LetterDocument doc = new UnderstandStage(Understander.fromSeeds(home.resolve("seeds"), home.resolve("no-model.json")),
                index).understand(letter);
        assertThat(doc.understanding().reporter().phone()).as("the understanding found the writer").isEqualTo(PHONE);
        engine.client().index(i -> i.index(alias).id(id).withJson(new java.io.StringReader(index.indexJson(doc, "JM-1")))
                .refresh(Refresh.True));

        // the attacker's view: the stored document and a search over every field
        String stored = body(engine.rest().performRequest(new Request("GET", "/" + alias + "/_doc/" + id)));
        JsonNode reporter = Json.MAPPER.readTree(stored).path("_source").path("reporter");
        assertThat(reporter.asText()).startsWith("pbx1:");
        assertThat(stored).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain(PHONE.substring(3, 7));
        Request search = new Request("GET", "/" + alias + "/_search");
        search.setJsonEntity("{\"query\":{\"query_string\":{\"query\":\"" + PHONE + "\"}}}");
        assertThat(Json.MAPPER.readTree(body(engine.rest().performRequest(search))).path("hits").path("total")
                .path("value").asLong()).isZero();

        // pobox opens it for a lead, and blanks it for an investigator
        LetterReader reader = new LetterReader(engine, alias);
        assertThat(reader.read(id, Access.LEAD).orElseThrow().get("reporter").toString()).contains(PHONE).contains(NAME);
        assertThat(Json.MAPPER.writeValueAsString(reader.read(id, Access.INVESTIGATOR).orElseThrow()))
                .doesNotContain(PHONE).doesNotContain("pbx1:");

        // the sealed value copied onto another letter does not open there (bound to its letter)
        String other = "f6".repeat(32);
        engine.client().index(i -> i.index(alias).id(other).document(Map.of("id", other, "reporter", reporter.asText(),
                "pages", List.of())).refresh(Refresh.True));
        assertThat(reader.read(other, Access.LEAD).orElseThrow()).doesNotContainKey("reporter");
    }

    @Test
    void editingAUsersRolesOrHashInTheEngineIsRefused() throws Exception {
        String alias = "attack-users-" + System.nanoTime();
        Accounts accounts = new Accounts(new UserStore(engine, alias));
        accounts.add("inv", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        accounts.add("other", EnumSet.of(Role.INVESTIGATOR), "another password 42".toCharArray());
        String token = accounts.newToken("inv");
        assertThat(accounts.login("inv", PASSWORD.toCharArray(), "127.0.0.1").outcome()).isEqualTo(Accounts.Outcome.OK);
        assertThat(accounts.byToken(token)).isPresent();

        // one edit in the users index makes the investigator a lead...
        update(alias + "-users", "inv", "{\"doc\":{\"roles\":[\"lead\"]}}");
        // ...and one copies a known password hash onto another account
        String invHash = source(alias + "-users", "inv").path("password_hash").asText();
        update(alias + "-users", "other", "{\"doc\":{\"password_hash\":\"" + invHash + "\"}}");

        Accounts fresh = new Accounts(new UserStore(engine, alias)); // as the next request or process reads it
        assertThat(fresh.login("inv", PASSWORD.toCharArray(), "127.0.0.1").outcome()).isEqualTo(Accounts.Outcome.BAD_CREDENTIALS);
        assertThat(fresh.login("inv", PASSWORD.toCharArray(), "127.0.0.1").viewer()).isNull();
        assertThat(fresh.byToken(token)).as("the API token of the edited record").isEmpty();
        assertThat(fresh.viewer("inv")).isEmpty();
        assertThat(fresh.login("other", PASSWORD.toCharArray(), "127.0.0.1").outcome()).isEqualTo(Accounts.Outcome.BAD_CREDENTIALS);
        assertThat(fresh.store().list()).as("only records pobox signed are listed").isEmpty();

        // a record made from scratch in the engine is no user either
        engine.client().index(i -> i.index(alias + "-users").id("mallory").document(Map.of("name", "mallory",
                "roles", List.of("lead", "admin"), "password_hash", invHash, "token_hashes", List.of()))
                .refresh(Refresh.True));
        assertThat(fresh.login("mallory", PASSWORD.toCharArray(), "127.0.0.1").outcome()).isEqualTo(Accounts.Outcome.BAD_CREDENTIALS);

        // an admin setting the password again through pobox makes a valid record
        fresh.store().save(new org.pobox.auth.User("inv", EnumSet.of(Role.INVESTIGATOR),
                org.pobox.auth.Passwords.hash(PASSWORD), List.of()));
        assertThat(fresh.login("inv", PASSWORD.toCharArray(), "127.0.0.1").viewer().roles()).containsExactly(Role.INVESTIGATOR);
    }

    @Test
    void changedDeletedOrCutAuditEntriesAreFoundByVerify() throws Exception {
        String alias = "attack-audit-" + System.nanoTime();
        AuditLog audit = new AuditLog(engine, alias);
        for (int i = 1; i <= 6; i++) {
            audit.record(AuditEntry.of("inv", "search", "10.0.0." + i, "ok").search("补偿款" + i, Map.of("page", i), i));
        }
        assertThat(audit.verify().ok()).isTrue();
        assertThat(audit.verify().entries()).isEqualTo(6);
        assertThat(cli(alias, "audit", "verify")).startsWith("0|").contains("audit whole: 6 entries");

        // an entry's search words changed in the engine
        update(alias + "-audit", "000000000002", "{\"doc\":{\"query\":\"别的\"}}");
        assertThat(new AuditLog(engine, alias).verify().problem()).isEqualTo("entry 2 was changed (its mac does not match)");
        assertThat(cli(alias, "audit", "verify")).startsWith("1|").contains("audit BROKEN: entry 2 was changed");

        // an entry deleted from the middle, on a second audit
        String alias2 = alias + "-b";
        AuditLog second = new AuditLog(engine, alias2);
        for (int i = 1; i <= 5; i++) {
            second.record(AuditEntry.of("lead", "view", "10.0.0.9", "ok").letter("a1".repeat(32), null));
        }
        delete(alias2 + "-audit", "000000000003");
        assertThat(new AuditLog(engine, alias2).verify().problem()).isEqualTo("entry 3 is missing (deleted)");

        // the last entries deleted: the chain left is whole, but this host remembers how far it reached
        String alias3 = alias + "-c";
        AuditLog third = new AuditLog(engine, alias3);
        for (int i = 1; i <= 4; i++) {
            third.record(AuditEntry.of("lead", "export", "10.0.0.9", "ok"));
        }
        delete(alias3 + "-audit", "000000000004");
        delete(alias3 + "-audit", "000000000003");
        assertThat(new AuditLog(engine, alias3).verify().problem()).startsWith("entries 3 to 4 are missing");

        // an entry forged with a made-up mac, appended after the end
        String alias4 = alias + "-d";
        AuditLog fourth = new AuditLog(engine, alias4);
        fourth.record(AuditEntry.of("inv", "login", "10.0.0.1", "ok"));
        engine.client().index(i -> i.index(alias4 + "-audit").id("000000000002").document(Map.of("at", Instant.now().toString(),
                "user", "inv", "action", "login", "outcome", "ok", "seq", 2, "prev", "x", "mac", "0".repeat(64)))
                .refresh(Refresh.True));
        assertThat(new AuditLog(engine, alias4).verify().problem()).isEqualTo("entry 2 was changed (its mac does not match)");
    }

    @Test
    void twoWritersAtOnceKeepOneUnbrokenChain() throws Exception {
        String alias = "audit-race-" + System.nanoTime();
        // two AuditLogs over two connections stand for pobox run and a CLI command writing at once
        try (EngineClient second = EngineClient.connect(engine.url(), null, null, TestEngine.keys())) {
            List<AuditLog> writers = List.of(new AuditLog(engine, alias), new AuditLog(second, alias));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AuditLog w = writers.get(t % 2);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        w.record(AuditEntry.of("u" + thread, "search", "127.0.0.1", "ok"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            AuditLog.Verification v = new AuditLog(engine, alias).verify();
            assertThat(v.problem()).isNull();
            assertThat(v.entries()).isEqualTo(60);
        }
    }

    @Test
    void theNodeRefusesAForeignHostAndRequestsWithoutItsToken() throws Exception {
        int port = Integer.parseInt(engine.url().replaceAll(".*:", ""));
        String token = TestEngine.keys().nodeToken();
        // DNS rebinding: the browser sends the attacker's name as Host, whatever address it resolved to
        assertThat(rawGet(port, "rebind.example:" + port, token)).startsWith("HTTP/1.1 403").contains("Host must be");
        assertThat(rawGet(port, "127.0.0.1", token)).as("no port").startsWith("HTTP/1.1 403");
        // another account on the host, without the token file
        assertThat(rawGet(port, "127.0.0.1:" + port, null)).startsWith("HTTP/1.1 403").contains("token");
        assertThat(rawGet(port, "127.0.0.1:" + port, token.substring(1) + "A")).startsWith("HTTP/1.1 403");
        // pobox itself
        assertThat(rawGet(port, "127.0.0.1:" + port, token)).startsWith("HTTP/1.1 200");
        assertThat(rawGet(port, "localhost:" + port, token)).startsWith("HTTP/1.1 200");
        // the token file is the owner's alone
        assertThat(Files.getPosixFilePermissions(TestEngine.keys().nodeTokenFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anotherNodeOnTheHostCannotSearchThroughTheTransportPort() throws Exception {
        String alias = "attack-transport-" + System.nanoTime();
        engine.client().index(i -> i.index(alias).id("x").document(Map.of("id", "x", "text", "村主任侵占补偿款"))
                .refresh(Refresh.True));
        JsonNode nodes = Json.MAPPER.readTree(body(engine.rest().performRequest(new Request("GET", "/_nodes/_local/transport"))));
        String transport = nodes.path("nodes").elements().next().path("transport").path("publish_address").asText();
        assertThat(transport).startsWith("127.0.0.1:");

        // the attacker runs a node of their own (no token needed for the transport port) and adds
        // pobox's node as a remote cluster: cross-cluster search travels over the transport port
        org.pobox.node.EmbeddedNode attacker = new org.pobox.node.EmbeddedNode(TestEngine.newNodeConfig("attacker"));
        attacker.ensureRunning();
        try (EngineClient theirs = TestEngine.connect(attacker)) {
            Request remote = new Request("PUT", "/_cluster/settings");
            remote.setJsonEntity("{\"transient\":{\"cluster.remote.pobox.seeds\":[\"" + transport + "\"],"
                    + "\"cluster.remote.pobox.skip_unavailable\":false}}");
            theirs.rest().performRequest(remote);
            Request search = new Request("GET", "/pobox:" + alias + "/_search");
            search.addParameter("q", "补偿款");
            String answer;
            try {
                answer = body(theirs.rest().performRequest(search));
            } catch (ResponseException e) {
                answer = body(e.getResponse());
            }
            assertThat(answer).doesNotContain("村主任").doesNotContain("\"_id\":\"x\"");
            // the node itself still answers pobox
            assertThat(body(engine.rest().performRequest(new Request("GET", "/" + alias + "/_doc/x")))).contains("村主任");
        } finally {
            attacker.stop();
        }
    }

    @Test
    void foldersAreOwnerOnlyAfterStartAndStatusWarnsBefore() throws Exception {
        Path home = dir.resolve("home");
        for (String d : List.of("inbox", "archive/.ocr", "failed", "work", "data/node", "reports")) {
            Files.createDirectories(home.resolve(d), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(home.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(home.resolve("archive"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path scan = Files.writeString(home.resolve("archive/scan.png"), "scan");
        Files.setPosixFilePermissions(scan, PosixFilePermissions.fromString("rw-r--r--"));

        Properties sys = new Properties();
        sys.setProperty("pobox.home", home.toString());
        sys.setProperty("pobox.es.url", engine.url());
        sys.setProperty("pobox.keys", TestEngine.keys().dir().toString());
        sys.setProperty("pobox.index.alias", "modes-" + System.nanoTime());
        sys.setProperty("pobox.web.port", String.valueOf(TestEngine.freePort()));
        PoboxConfig config = PoboxConfig.load(Map.of(), sys);
        String before = withSystem(sys, () -> PoboxCli.execute("status"));
        assertThat(before).contains("permissions: WARNING").contains(home.resolve("inbox").toString());

        try (WebServer server = new WebServer(config, engine).start()) {
            for (String d : List.of("inbox", "archive", "archive/.ocr", "failed", "work", "data", "data/node", "reports")) {
                assertThat(Files.getPosixFilePermissions(home.resolve(d))).as(d)
                        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            }
            assertThat(Files.getPosixFilePermissions(scan)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(withSystem(sys, () -> PoboxCli.execute("status"))).contains("permissions: owner-only");
        // the test node's own data, made by EmbeddedNode
        assertThat(OwnerOnly.isOwnerOnly(TestEngine.node().config().dataDir())).isTrue();
        assertThat(OwnerOnly.openToOthers(TestEngine.keys().dir(), true, 10)).isEmpty();
    }

    // --- helpers

    private void update(String index, String id, String body) throws IOException {
        Request r = new Request("POST", "/" + index + "/_update/" + id);
        r.addParameter("refresh", "true");
        r.setJsonEntity(body);
        engine.rest().performRequest(r);
    }

    private void delete(String index, String id) throws IOException {
        Request r = new Request("DELETE", "/" + index + "/_doc/" + id);
        r.addParameter("refresh", "true");
        engine.rest().performRequest(r);
    }

    private JsonNode source(String index, String id) throws IOException {
        return Json.MAPPER.readTree(body(engine.rest().performRequest(new Request("GET", "/" + index + "/_doc/" + id))))
                .path("_source");
    }

    private static String body(org.elasticsearch.client.Response r) throws IOException {
        return new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A request written by hand, so the Host header is exactly what an attacker's browser would send. */
    private static String rawGet(int port, String host, String token) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String req = "GET /_cat/indices HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (token == null ? "" : Keys.NODE_TOKEN_HEADER + ": " + token + "\r\n") + "Connection: close\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code pobox <args>} in-process against the test node and {@code alias}: exit code, '|', output. */
    private String cli(String alias, String... args) {
        Properties sys = new Properties();
        sys.setProperty("pobox.es.url", engine.url());
        sys.setProperty("pobox.index.alias", alias);
        return withSystem(sys, () -> PoboxCli.execute(args));
    }

    private static synchronized String withSystem(Properties props, java.util.function.IntSupplier run) {
        Map<String, String> old = new java.util.HashMap<>();
        props.stringPropertyNames().forEach(k -> old.put(k, System.getProperty(k)));
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            props.stringPropertyNames().forEach(k -> System.setProperty(k, props.getProperty(k)));
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int exit = run.getAsInt();
            return exit + "|" + bytes.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            old.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
