package org.pobox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pobox.web.WebClient.enc;
import static org.pobox.web.WebFixture.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.index.Correction;
import org.pobox.index.CorrectionStore;

/** The API over real HTTP against a real engine node: roles, restricted identity, sealing, audit, CSRF, lock-out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiTest {

    @TempDir
    static Path dir;
    WebFixture fx;
    WebServer server;
    AuditLog audit;

    @BeforeAll
    void start() throws Exception {
        fx = new WebFixture("webapi", dir);
        server = new WebServer(fx.config, fx.engine).start();
        audit = new AuditLog(fx.engine, fx.alias);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    WebClient as(String user) {
        WebClient c = new WebClient(server.port());
        assertThat(c.login(user, PASSWORD).status()).isEqualTo(200);
        return c;
    }

    @Test
    void unauthenticatedCallsGet401() {
        WebClient anon = new WebClient(server.port());
        for (String path : List.of("/api/search?q=" + enc("补偿款"), "/api/letters/" + SIGNED, "/api/export",
                "/api/letters/" + SIGNED + "/pages/1/image", "/api/audit", "/api/users", "/api/me")) {
            assertThat(anon.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anon.post("/api/letters/" + SIGNED + "/corrections", "{\"field\":\"region\",\"value\":\"潮海\"}", false).status())
                .isEqualTo(401);
        WebClient forged = new WebClient(server.port());
        forged.cookie = "pobox_session=made-up";
        assertThat(forged.get("/api/search").status()).isEqualTo(401);
        forged.cookie = null;
        forged.bearer = "pbx_made-up";
        assertThat(forged.get("/api/search").status()).isEqualTo(401);
    }

    @Test
    void investigatorNeverReceivesReporterFieldsOrSealedLetters() {
        WebClient inv = as("inv");
        List<String> forbidden = List.of(REPORTER_NAME, REPORTER_PHONE, REPORTER_ID, REPORTER_ADDRESS, SEALED_NAME,
                SEALED_PHONE, SEALED_TEXT, SEALED, "\"reporter\"", "reporter_");
        List<WebClient.Reply> replies = List.of(
                inv.get("/api/search?q=" + enc("补偿款")),
                inv.get("/api/search?q=" + enc(REPORTER_NAME)),
                inv.get("/api/search?q=" + enc("举报人")),
                inv.get("/api/search?q=" + enc(SEALED_TEXT)),
                inv.get("/api/search"),
                inv.get("/api/search?sort=date&size=100"),
                inv.get("/api/letters/" + SIGNED),
                inv.get("/api/letters/" + REPEAT),
                inv.get("/api/export"),
                inv.get("/api/export?q=" + enc("举报人")));
        for (WebClient.Reply r : replies) {
            assertThat(r.status()).isEqualTo(200);
            for (String f : forbidden) {
                assertThat(r.text()).as(r.raw().uri() + " must not contain " + f).doesNotContain(f);
            }
        }
        assertThat(replies.get(0).text()).contains(SIGNED).contains(REPEAT);
        assertThat(replies.get(4).json().path("total").asLong()).isEqualTo(3);
        // masked as indexed, and the address the mask missed blanked by its value
        assertThat(replies.get(6).text()).contains("征地拆迁补偿款").contains("[举报人]").contains("［已隐去］");
        assertThat(replies.get(8).text()).contains("JM-2020-0001").doesNotContain("JM-2020-0002");
        // typing a reporter's name finds nothing, because the indexed text is masked (no special case:
        // see SecurityTest), and the audit keeps the query without the name
        assertThat(replies.get(1).json().path("total").asLong()).isZero();
        assertThat(audit.find(new AuditLog.Filter("inv", "search", null, null, 1000))).extracting(AuditEntry::query)
                .contains("［身份信息］").noneMatch(q -> q != null && q.contains(REPORTER_NAME));
        // the sealed letter, its page and the identity export are refused
        assertThat(inv.get("/api/letters/" + SEALED).status()).isEqualTo(404);
        assertThat(inv.get("/api/letters/" + SEALED + "/pages/1/image").status()).isEqualTo(404);
        assertThat(inv.get("/api/export?identity=true").status()).isEqualTo(403);
        assertThat(inv.post("/api/letters/" + SIGNED + "/seal", "{\"sealed\":true}", true).status()).isEqualTo(403);
        assertThat(inv.get("/api/audit").status()).isEqualTo(403);
    }

    @Test
    void leadReceivesIdentityAndSealedLetters() {
        WebClient lead = as("lead");
        WebClient.Reply search = lead.get("/api/search?q=" + enc("举报人"));
        assertThat(search.text()).contains(SIGNED).contains(SEALED).contains(REPORTER_PHONE).contains(SEALED_NAME);
        WebClient.Reply letter = lead.get("/api/letters/" + SIGNED);
        assertThat(letter.json().path("reporter").path("id_number").asText()).isEqualTo(REPORTER_ID);
        assertThat(lead.get("/api/letters/" + SEALED).text()).contains(SEALED_TEXT);
        WebClient.Reply export = lead.get("/api/export?identity=true");
        assertThat(export.text()).contains("reporter_phone").contains(REPORTER_PHONE).contains("JM-2020-0002");
        assertThat(lead.get("/api/export").text()).doesNotContain(REPORTER_PHONE);
    }

    @Test
    void adminAloneSeesNoLetterContent() {
        WebClient admin = as("admin");
        assertThat(admin.get("/api/search").status()).isEqualTo(403);
        assertThat(admin.get("/api/letters/" + SIGNED).status()).isEqualTo(403);
        assertThat(admin.get("/api/users").text()).contains("\"inv\"").doesNotContain("argon2");
        WebClient.Reply weak = admin.post("/api/users", "{\"op\":\"add\",\"name\":\"weak\",\"roles\":[\"investigator\"],\"password\":\"123\"}", true);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("error").asText()).contains("密码至少需要");
        assertThat(as("inv").post("/api/users", "{\"op\":\"add\",\"name\":\"x2\",\"roles\":[\"admin\"],\"password\":\"" + PASSWORD + "\"}", true)
                .status()).isEqualTo(403);
    }

    @Test
    void everyRequestKindLeavesExactlyOneAuditEntry() {
        WebClient lead = as("lead");
        WebClient admin = as("admin");
        assertOneEntry("lead", "search", () -> lead.get("/api/search?q=" + enc("补偿款") + "&f.region=" + enc("通济")));
        assertOneEntry("lead", "view", () -> lead.get("/api/letters/" + SIGNED));
        assertOneEntry("lead", "page_image", () -> lead.get("/api/letters/" + SIGNED + "/pages/1/image"));
        assertOneEntry("lead", "export", () -> lead.get("/api/export?q=" + enc("补偿款")));
        assertOneEntry("lead", "correction", () -> lead.post("/api/letters/" + DINING + "/corrections",
                "{\"field\":\"discipline\",\"value\":\"廉洁纪律\"}", true));
        assertOneEntry("lead", "transcript", () -> lead.post("/api/letters/" + DINING + "/pages/1/transcript",
                "{\"text\":\"手写附言：请核查酒店发票\"}", true));
        assertOneEntry("lead", "seal", () -> lead.post("/api/letters/" + DINING + "/seal", "{\"sealed\":true}", true));
        assertOneEntry("lead", "unseal", () -> lead.post("/api/letters/" + DINING + "/seal", "{\"sealed\":false}", true));
        assertOneEntry("admin", "user_change", () -> admin.post("/api/users",
                "{\"op\":\"add\",\"name\":\"newinv\",\"roles\":[\"investigator\"],\"password\":\"" + PASSWORD + "\"}", true));
        assertOneEntry("newinv", "login", () -> new WebClient(server.port()).login("newinv", PASSWORD));

        AuditEntry search = audit.find(new AuditLog.Filter("lead", "search", null, null, 1)).get(0);
        assertThat(search.query()).isEqualTo("补偿款");
        assertThat(search.filters()).containsKey("region");
        assertThat(search.hits()).isEqualTo(2);
        assertThat(search.ip()).isEqualTo("127.0.0.1");
        // without pobox.web.trustProxy a client cannot write another address into the audit
        WebClient spoofing = as("lead");
        spoofing.forwardedFor = "203.0.113.9";
        spoofing.get("/api/letters/" + DINING);
        assertThat(audit.find(new AuditLog.Filter("lead", "view", DINING, null, 1)).get(0).ip()).isEqualTo("127.0.0.1");
        // the lead reads the audit through the API; no identity data is in it
        String log = lead.get("/api/audit?size=500").text();
        assertThat(log).contains("page_image").doesNotContain(REPORTER_PHONE).doesNotContain(REPORTER_NAME);
    }

    private void assertOneEntry(String user, String action, Runnable request) {
        int before = audit.find(new AuditLog.Filter(user, action, null, null, 10_000)).size();
        request.run();
        int after = audit.find(new AuditLog.Filter(user, action, null, null, 10_000)).size();
        assertThat(after - before).as(action).isEqualTo(1);
    }

    @Test
    void aChangeWithoutCsrfTokenIsRefused() {
        WebClient inv = as("inv");
        WebClient.Reply r = inv.post("/api/letters/" + REPEAT + "/corrections", "{\"field\":\"region\",\"value\":\"潮海\"}", false);
        assertThat(r.status()).isEqualTo(403);
        inv.csrf = "wrong";
        assertThat(inv.post("/api/logout", "{}", true).status()).isEqualTo(403);
        assertThat(inv.get("/api/letters/" + REPEAT).json().path("region").asText()).isEqualTo("通济");
    }

    @Test
    void correctionsAndTranscriptsAreRecordedAndSearchable() {
        WebClient inv = as("inv");
        assertThat(inv.post("/api/letters/" + REPEAT + "/corrections", "{\"field\":\"subjects\",\"value\":[\"贪污贿赂\"]}", true)
                .status()).isEqualTo(200);
        assertThat(inv.get("/api/search?f.subject=" + enc("贪污贿赂")).text()).contains(REPEAT);
        assertThat(inv.post("/api/letters/" + REPEAT + "/pages/1/transcript", "{\"text\":\"另附手写说明：养殖场补贴被冒领\"}", true)
                .status()).isEqualTo(200);
        assertThat(inv.get("/api/search?q=" + enc("养殖场补贴")).text()).contains(REPEAT);
        assertThat(inv.post("/api/letters/" + REPEAT + "/corrections", "{\"field\":\"reporter\",\"value\":\"x\"}", true)
                .status()).isEqualTo(400);
        assertThat(inv.post("/api/letters/" + REPEAT + "/corrections",
                "{\"field\":\"targets\",\"value\":[{\"name\":\"李某\",\"post\":\"村主任\",\"unit\":\"王家村\",\"level\":\"村级\"}]}", true)
                .status()).isEqualTo(200);
        assertThat(inv.get("/api/letters/" + REPEAT).json().path("targets").get(0).path("post").asText()).isEqualTo("村主任");
        List<Correction> all = new CorrectionStore(fx.engine, fx.alias).forLetter(REPEAT);
        assertThat(all).extracting(Correction::field).contains("subjects", "transcript", "targets");
        assertThat(all).allSatisfy(c -> assertThat(c.by()).isEqualTo("inv"));
    }

    @Test
    void searchBoxPhrasesExclusionsFacetsAndDates() throws Exception {
        WebClient inv = as("inv");
        assertThat(ids(inv.get("/api/search?q=" + enc("\"征地拆迁补偿款\""))) ).containsExactlyInAnyOrder(SIGNED, REPEAT);
        assertThat(ids(inv.get("/api/search?q=" + enc("补偿款 -再次反映")))).containsExactly(SIGNED);
        assertThat(ids(inv.get("/api/search?f.region=" + enc("潮海")))).containsExactly(DINING);
        assertThat(ids(inv.get("/api/search?f.late=true"))).containsExactly(REPEAT);
        assertThat(ids(inv.get("/api/search?from=2020-07-01&to=2020-07-10"))).containsExactly(DINING);
        assertThat(ids(inv.get("/api/search?f.month=2020-06"))).containsExactly(SIGNED);
        WebClient.Reply all = inv.get("/api/search?q=" + enc("补偿款"));
        assertThat(all.json().path("facets").path("region").get(0).path("value").asText()).isEqualTo("通济");
        assertThat(all.json().path("facets").path("region").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(all.json().path("hits").get(0).path("snippets").get(0).asText()).contains("\uE000");
        assertThat(ids(inv.get("/api/search?sort=date_asc"))).containsExactly(SIGNED, DINING, REPEAT);
        WebClient.Reply page2 = inv.get("/api/search?sort=date_asc&size=2&page=2");
        assertThat(ids(page2)).containsExactly(REPEAT);
        // the letter view: low-confidence page marked, duplicates grouped
        WebClient.Reply letter = inv.get("/api/letters/" + REPEAT);
        assertThat(letter.json().path("pages").get(0).path("low_confidence").asBoolean()).isTrue();
        assertThat(letter.json().path("duplicates").path("repeat_count").asInt()).isEqualTo(1);
        assertThat(letter.json().path("duplicates").path("first").asText()).isEqualTo(SIGNED);
        WebClient.Reply png = inv.get("/api/letters/" + SIGNED + "/pages/1/image");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.raw().headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        WebClient.Reply large = inv.get("/api/letters/" + REPEAT + "/pages/1/image");
        assertThat(large.raw().headers().firstValue("X-Page-Width")).contains("2480");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(large.body())).getWidth()).isEqualTo(PageImages.MAX_WIDTH);
    }

    private static List<String> ids(WebClient.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        r.json().path("hits").forEach(h -> out.add(h.path("id").asText()));
        return out;
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrictAndLogoutEndsIt() {
        WebClient inv = new WebClient(server.port());
        WebClient.Reply r = inv.login("inv", PASSWORD);
        String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(r.raw().headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(inv.post("/api/logout", "{}", true).status()).isEqualTo(200);
        assertThat(inv.get("/api/search").status()).isEqualTo(401);
        WebClient behindTls = new WebClient(server.port());
        behindTls.forwardedProto = "https";
        assertThat(behindTls.login("inv", PASSWORD).raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() throws Exception {
        fx.accounts.add("victim", java.util.EnumSet.of(org.pobox.auth.Role.INVESTIGATOR), PASSWORD.toCharArray());
        WebClient c = new WebClient(server.port());
        for (int i = 0; i < 5; i++) {
            assertThat(c.login("victim", "wrong password " + i).status()).isEqualTo(401);
        }
        assertThat(c.login("victim", "wrong password 5").status()).isEqualTo(429);
        assertThat(c.login("victim", PASSWORD).status()).isEqualTo(429);
        assertThat(audit.find(new AuditLog.Filter("victim", "login", null, null, 100)))
                .extracting(AuditEntry::outcome).containsOnly("failed", "locked").hasSize(7);
        fx.accounts.unlock("victim");
        assertThat(c.login("victim", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void apiTokenWorksWithoutCsrfAndMailroomSeesNoLetters() {
        WebClient cli = new WebClient(server.port());
        cli.bearer = fx.accounts.newToken("inv");
        assertThat(cli.get("/api/search?q=" + enc("补偿款")).status()).isEqualTo(200);
        assertThat(cli.post("/api/letters/" + DINING + "/corrections", "{\"field\":\"region\",\"value\":\"潮海\"}", false)
                .status()).isEqualTo(200);
        WebClient mail = as("mail");
        assertThat(mail.get("/api/search").status()).isEqualTo(403);
        assertThat(mail.get("/api/status").status()).isEqualTo(200);
        WebClient.Reply up = mail.post("/api/upload?name=" + enc("来信01.png"), "not really a png, the intake will judge", true);
        assertThat(up.status()).isEqualTo(200);
        assertThat(fx.config.inbox().resolve(up.json().path("file").asText())).exists();
        assertThat(mail.post("/api/upload?name=" + enc("../evil.sh"), "x", true).status()).isEqualTo(400);
        assertThat(mail.get("/api/status").json().path("waiting").asLong()).isEqualTo(1);
    }
}
