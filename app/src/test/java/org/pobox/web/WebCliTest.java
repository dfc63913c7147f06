package org.pobox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pobox.web.WebFixture.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.auth.Role;
import org.pobox.cli.PoboxCli;
import org.pobox.pipeline.Pipeline;

/** The CLI side: the first admin from a command, tokens, `pobox show` under the same rules, `pobox audit`; and `pobox run`'s pipeline serving the page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebCliTest {

    @TempDir
    static Path dir;
    WebFixture fx;
    WebServer server;
    static final List<String> KEYS = List.of("pobox.es.url", "pobox.index.alias", "pobox.web.port", "pobox.archive",
            "pobox.inbox", "pobox.failed");

    @BeforeAll
    void start() throws Exception {
        fx = new WebFixture("webcli", dir);
        server = new WebServer(fx.config, fx.engine).start();
        for (String k : KEYS) {
            System.setProperty(k, fx.config.get(k));
        }
    }

    @AfterAll
    void stop() {
        KEYS.forEach(System::clearProperty);
        if (server != null) {
            server.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static synchronized Run cli(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = PoboxCli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void firstAdminFromACommandThenLogsIn() {
        assertThat(cli("", "user", "add", "--role", "admin", "root1").exit()).as("no password, no account").isEqualTo(2);
        assertThat(cli("short\n", "user", "add", "--role", "admin", "root1").exit()).isEqualTo(2);
        assertThat(cli(PASSWORD + "\n", "user", "add", "--role", "admin", "root1").exit()).isZero();
        assertThat(new WebClient(server.port()).login("root1", PASSWORD).status()).isEqualTo(200);
        assertThat(cli("", "user", "list").out()).contains("root1").contains("admin");
        assertThat(cli("", "audit", "--action", "user_change", "--user", "cli:" + System.getProperty("user.name")).out())
                .contains("add root1");
    }

    @Test
    void showUsesTheApiWithTheSameRules() {
        fx.accounts.add("cliinv", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        String token = cli("", "user", "token", "cliinv").out().strip();
        assertThat(token).startsWith("pbx_");
        Run shown = cli("", "show", "--token", token, SIGNED);
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("JM-2020-0001").contains("征地拆迁补偿款").doesNotContain(REPORTER_PHONE)
                .doesNotContain(REPORTER_NAME);
        assertThat(shown.out()).containsPattern("letter_date +2020-05-28").containsPattern("postmark_date +2020-05-30");
        // no web server at that address: one line that says what to start, no stack trace
        Run nobody = cli("", "show", "--token", token, "--url", "http://127.0.0.1:" + org.pobox.support.TestEngine.freePort(),
                SIGNED);
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err()).contains("start `pobox serve`").doesNotContain("Exception").hasLineCount(1);
        assertThat(cli("", "show", "--token", token, SEALED).exit()).isEqualTo(1);
        assertThat(cli("", "audit", "--user", "cliinv", "--action", "view").out()).contains("2 entries");
        assertThat(cli("", "user", "token", "--revoke", "cliinv").exit()).isZero();
        assertThat(cli("", "show", "--token", token, SIGNED).exit()).isEqualTo(2);
    }

    @Test
    void searchCommandKeepsTheInvestigatorsRulesAndIsAudited() {
        Run r = cli("", "search", "举报人");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("JM-2020-0001").contains("【举报人】").doesNotContain(REPORTER_PHONE)
                .doesNotContain(SEALED_NAME).doesNotContain("JM-2020-0002");
        assertThat(cli("", "audit", "--action", "search", "--user", "cli:" + System.getProperty("user.name")).out())
                .contains("query=\"举报人\"");
    }

    @Test
    void serveOnAnEmptyInstallationFindsNothingInsteadOfFailing() {
        String alias = "fresh-" + System.nanoTime();
        var config = fx.config.with("pobox.index.alias", alias).with("pobox.web.port",
                String.valueOf(org.pobox.support.TestEngine.freePort()));
        try (WebServer fresh = new WebServer(config, fx.engine).start()) {
            new org.pobox.auth.Accounts(new org.pobox.auth.UserStore(fx.engine, alias))
                    .add("first", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
            WebClient c = new WebClient(fresh.port());
            assertThat(c.login("first", PASSWORD).status()).isEqualTo(200);
            WebClient.Reply r = c.get("/api/search?q=" + WebClient.enc("补偿款"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("total").asLong()).isZero();
        }
    }

    @Test
    void runsPipelineServesThePageToo() throws Exception {
        int port = org.pobox.support.TestEngine.freePort();
        var config = fx.config.with("pobox.web.enabled", "true").with("pobox.web.port", String.valueOf(port))
                .with("pobox.ocr.workers", "1");
        // a client of its own, as pobox run has
        try (var engine = org.pobox.node.EngineClient.connect(fx.engine.url(), null, null, org.pobox.support.TestEngine.keys());
             Pipeline pipeline = new Pipeline(config, engine)
                     .extendedBy(main -> org.pobox.web.WebApp.install(main, config, engine)).start()) {
            WebClient c = new WebClient(port);
            assertThat(c.get("/api/me").status()).isEqualTo(401);
            assertThat(c.login("inv", PASSWORD).status()).isEqualTo(200);
            assertThat(c.get("/").text()).contains("来信检索");
            assertThat(pipeline.camel().getRoute("web-page")).isNotNull();

            // a signed letter through the real pipeline (OCR, understanding, index), then read with the rules
            var generator = new org.pobox.testdata.ScanGenerator(44L);
            Path scan = dir.resolve("signed-scan.png");
            generator.write(org.pobox.testdata.ScanFiles.Format.PNG, scan, List.of(generator.letters()
                    .letterWith("养殖场补贴被冒领") + "\n举报人：周春梅 电话：13655321234"), org.pobox.testdata.PageStyle.clean(300));
            org.pobox.support.TestPobox.drop(scan, config.inbox(), "signed-scan.png");
            assertThat(pipeline.drain(java.time.Duration.ofMinutes(5), (d, t, tr) -> { })).isEmpty();
            WebClient.Reply found = c.get("/api/search?q=" + WebClient.enc("养殖场补贴"));
            assertThat(found.json().path("total").asLong()).isEqualTo(1);
            String id = found.json().path("hits").get(0).path("id").asText();
            WebClient lead = new WebClient(port);
            assertThat(lead.login("lead", PASSWORD).status()).isEqualTo(200);
            var reporter = lead.get("/api/letters/" + id).json().path("reporter");
            assertThat(reporter.isObject()).as("the understanding found the writer").isTrue();
            String asInvestigator = found.text() + c.get("/api/letters/" + id).text()
                    + c.get("/api/export?q=" + WebClient.enc("养殖场补贴")).text();
            assertThat(asInvestigator).doesNotContain("13655321234").doesNotContain("周春梅").doesNotContain("\"reporter\"");
            reporter.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && f.getValue().asText().length() >= 2) {
                    assertThat(asInvestigator).doesNotContain(f.getValue().asText());
                }
            });
            WebClient.Reply png = c.get("/api/letters/" + id + "/pages/1/image");
            assertThat(png.status()).isEqualTo(200);
            assertThat(png.raw().headers().firstValue("X-Page-Width")).isPresent();
        }
        // pobox batch: the same pipeline without the web opens no port and has no web routes
        try (var engine = org.pobox.node.EngineClient.connect(fx.engine.url(), null, null, org.pobox.support.TestEngine.keys());
             Pipeline batch = new Pipeline(config.with("pobox.web.enabled", "false"), engine).start()) {
            assertThat(batch.camel().getRoute("web-page")).isNull();
            assertThat(batch.camel().getRoute("api-search")).isNull();
        }
    }
}
