package org.pobox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pobox.web.WebClient.enc;
import static org.pobox.web.WebFixture.*;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Role;
import org.pobox.index.Correction;
import org.pobox.index.CorrectionStore;

/**
 * Issue 15's attacks on the web side, each played against a running pobox (real HTTP, real
 * engine node, one user of each role) with the defence asserted. The server trusts
 * {@code X-Forwarded-For} here, so a test can speak from several client addresses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

    @TempDir
    static Path dir;
    WebFixture fx;
    WebServer server;
    AuditLog audit;

    @BeforeAll
    void start() throws Exception {
        fx = new WebFixture("security", dir);
        fx.addEnvelopeLetter();
        fx.accounts.add("chief", EnumSet.of(Role.ADMIN, Role.LEAD), PASSWORD.toCharArray());
        server = new WebServer(fx.config.with("pobox.web.trustProxy", "true"), fx.engine).start();
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

    // ------------------------------------------------------------ 1. the scan

    @Test
    void anInvestigatorsScanHasTheWritersLinesBlackedOutAndALeadsIsTheOriginal() throws IOException {
        BufferedImage inv = png(as("inv").get("/api/letters/" + SIGNED + "/pages/1/image"));
        BufferedImage lead = png(as("lead").get("/api/letters/" + SIGNED + "/pages/1/image"));
        // lines 3-5: name and phone, ID number (both masked in the text), the address (blanked by value)
        List<String> written = List.of("举报人：" + REPORTER_NAME + " 电话：" + REPORTER_PHONE, "身份证号：" + REPORTER_ID,
                "住址：" + REPORTER_ADDRESS);
        for (int line = 2; line <= 4; line++) {
            Rectangle box = lineBox(line, written.get(line - 2));
            assertThat(darkShare(inv, box)).as("line %d for the investigator", line + 1).isGreaterThan(0.99);
            assertThat(darkShare(lead, box)).as("line %d for the lead", line + 1).isLessThan(0.5);
        }
        // the complaint itself stays readable
        Rectangle complaint = lineBox(0, "尊敬的巡视组领导：我村征地拆迁补偿款被村支部书记张某截留，");
        assertThat(darkShare(inv, complaint)).isBetween(0.01, 0.5);
        assertThat(audit.find(new AuditLog.Filter("lead", "page_image", SIGNED, null, 10)))
                .extracting(AuditEntry::detail).contains("original");
        assertThat(audit.find(new AuditLog.Filter("inv", "page_image", SIGNED, null, 10)))
                .extracting(AuditEntry::detail).contains("redacted");
    }

    @Test
    void theLineBoxesOfMaskedTextAreNotSentToAnInvestigator() {
        WebClient.Reply inv = as("inv").get("/api/letters/" + SIGNED);
        var lines = inv.json().path("pages").get(0).path("lines");
        assertThat(lines.size()).isEqualTo(2);
        lines.forEach(l -> assertThat(l.path("text").asText()).doesNotContain("[").doesNotContain("［"));
        assertThat(as("lead").get("/api/letters/" + SIGNED).json().path("pages").get(0).path("lines").size()).isEqualTo(5);
    }

    @Test
    void anEnvelopeShowsAnInvestigatorOnlyItsRecipientAndAPageWithoutBoxesIsCoveredWhole() throws IOException {
        WebClient inv = as("inv");
        BufferedImage envelope = png(inv.get("/api/letters/" + ENVELOPE + "/pages/1/image"));
        assertThat(darkShare(envelope, lineBox(1, ENVELOPE_SENDER))).isGreaterThan(0.99);
        assertThat(darkShare(envelope, lineBox(0, ENVELOPE_RECIPIENT))).isLessThan(0.5);
        assertThat(darkShare(envelope, new Rectangle(1100, 0, 140, envelope.getHeight()))).isGreaterThan(0.99);
        var page = inv.get("/api/letters/" + ENVELOPE).json().path("pages").get(0);
        assertThat(page.toString()).doesNotContain("寄件人").doesNotContain("王家村");
        assertThat(page.path("text").asText()).isEqualTo(ENVELOPE_RECIPIENT);
        // page 2's text hides a phone, but the OCR gave no boxes to place it: nothing of it is shown
        BufferedImage noBoxes = png(inv.get("/api/letters/" + ENVELOPE + "/pages/2/image"));
        assertThat(darkShare(noBoxes, new Rectangle(0, 0, noBoxes.getWidth(), noBoxes.getHeight()))).isGreaterThan(0.99);
        BufferedImage lead = png(as("lead").get("/api/letters/" + ENVELOPE + "/pages/1/image"));
        assertThat(darkShare(lead, lineBox(1, ENVELOPE_SENDER))).isLessThan(0.5);
    }

    // ------------------------------------------------------------ 2. what people type

    @Test
    void aPhoneTypedIntoATranscriptIsMaskedBeforeItIsStoredOrSearchable() {
        WebClient inv = as("inv");
        assertThat(inv.post("/api/letters/" + DINING + "/pages/1/transcript",
                "{\"text\":\"信封背面手写：有事请联系138-1234-5678，或者发邮件。\"}", true).status()).isEqualTo(200);
        for (WebClient c : List.of(inv, as("lead"))) {
            String letter = c.get("/api/letters/" + DINING).text();
            assertThat(letter).contains("信封背面手写").doesNotContain("138-1234-5678").doesNotContain("5678");
        }
        assertThat(inv.get("/api/search?q=5678").json().path("total").asLong()).isZero();
        assertThat(inv.get("/api/search?q=" + enc("1234 5678")).json().path("total").asLong()).isZero();
        assertThat(inv.get("/api/search?q=" + enc("信封背面手写")).text()).contains(DINING).doesNotContain("5678");
        assertThat(new CorrectionStore(fx.engine, fx.alias).forLetter(DINING)).extracting(Correction::value)
                .noneMatch(v -> String.valueOf(v).contains("5678"));
    }

    @Test
    void aFormulaTypedIntoACorrectionIsInertInTheLeadsExport() throws IOException {
        WebClient inv = as("inv");
        assertThat(inv.post("/api/letters/" + REPEAT + "/corrections", "{\"field\":\"subjects\",\"value\":"
                + "[\"=HYPERLINK(\\\"http://evil.example/\\\",\\\"详情\\\")\",\"+1+1\",\"-2+3\",\"@SUM(A1)\",\"\\tx\",\"\\r=1\"]}", true)
                .status()).isEqualTo(200);
        assertThat(inv.post("/api/letters/" + REPEAT + "/corrections", "{\"field\":\"discipline\",\"value\":\"=1+2\"}", true)
                .status()).isEqualTo(200);
        String csv = new String(as("lead").get("/api/export?identity=true").body(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).isNotEmpty();
        assertThat(csv).contains("'=HYPERLINK").contains("'=1+2");
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as("cell of %s", row.get("id")).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    // ------------------------------------------------------------ 3. existence oracle

    @Test
    void aWritersNameSearchesLikeAnyOtherNameAndTheAuditKeepsItMasked() {
        WebClient inv = as("inv");
        // the investigator types a real writer's name and a name nobody wrote under into a transcript
        assertThat(inv.post("/api/letters/" + DINING + "/pages/1/transcript",
                "{\"text\":\"饭局上有" + REPORTER_NAME + "和赵德明两人在场，由村里买单。\"}", true).status()).isEqualTo(200);
        WebClient.Reply writer = inv.get("/api/search?q=" + enc(REPORTER_NAME));
        WebClient.Reply nobody = inv.get("/api/search?q=" + enc("赵德明"));
        assertThat(writer.json().path("total").asLong()).isEqualTo(nobody.json().path("total").asLong()).isEqualTo(1);
        assertThat(writer.text()).contains(DINING);
        // the sealed letter's writer: the same answer as a name nobody wrote under
        assertThat(inv.get("/api/search?q=" + enc(SEALED_NAME)).json().path("total").asLong())
                .isEqualTo(inv.get("/api/search?q=" + enc("钱学明")).json().path("total").asLong()).isZero();
        inv.get("/api/search?q=" + enc("139 1234 5678"));
        List<AuditEntry> searches = audit.find(new AuditLog.Filter("inv", "search", null, null, 1000));
        assertThat(searches).extracting(AuditEntry::query).noneMatch(q -> q != null
                && (q.contains(REPORTER_NAME) || q.contains(SEALED_NAME) || q.contains("1234")));
        assertThat(searches).extracting(AuditEntry::query).contains("赵德明");
    }

    @Test
    void anInvestigatorTypingTheWritersNameIntoALetterIsPutBeforeTheLeads() {
        WebClient inv = as("inv");
        // the writer's name typed into the body of the signed letter's transcript and a correction:
        // masked (never stored or searchable), and the guess is in the audit for the leads to see
        assertThat(inv.post("/api/letters/" + SIGNED + "/pages/1/transcript",
                "{\"text\":\"饭局上有" + REPORTER_NAME + "和孙立新两人在场。\"}", true).status()).isEqualTo(200);
        assertThat(inv.post("/api/letters/" + SIGNED + "/corrections", "{\"field\":\"targets\",\"value\":[{\"name\":\""
                + REPORTER_NAME + "\",\"post\":\"村主任\"}]}", true).status()).isEqualTo(200);
        assertThat(inv.get("/api/letters/" + SIGNED).text()).contains("和孙立新两人在场").doesNotContain(REPORTER_NAME);
        // a name that is not the writer's: stored as typed, and nothing said
        assertThat(inv.post("/api/letters/" + SIGNED + "/pages/1/transcript",
                "{\"text\":\"饭局上有钱卫东和孙立新两人在场。\"}", true).status()).isEqualTo(200);
        assertThat(inv.get("/api/letters/" + SIGNED).text()).contains("饭局上有钱卫东和孙立新");
        List<AuditEntry> changes = audit.find(new AuditLog.Filter("inv", null, null, null, 1000)).stream()
                .filter(e -> SIGNED.equals(e.letterId())).toList();
        assertThat(changes).filteredOn(e -> String.valueOf(e.detail()).contains(WebApi.WRITER_TYPED))
                .extracting(AuditEntry::action).containsExactlyInAnyOrder("transcript", "correction");
        assertThat(changes).extracting(e -> String.valueOf(e.detail()) + e.query()).noneMatch(d -> d.contains(REPORTER_NAME));
        // a lead typing the same is no guess
        assertThat(as("lead").post("/api/letters/" + SIGNED + "/pages/1/transcript",
                "{\"text\":\"饭局上有" + REPORTER_NAME + "。\"}", true).status()).isEqualTo(200);
        assertThat(audit.find(new AuditLog.Filter("lead", "transcript", null, null, 1000)))
                .noneMatch(e -> String.valueOf(e.detail()).contains(WebApi.WRITER_TYPED));
    }

    // ------------------------------------------------------------ 6. accounts

    @Test
    void twelveParallelWrongPasswordsLockTheAccountAndAtMostFiveAreChecked() throws Exception {
        fx.accounts.add("parallel", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "wrong guess " + i;
            replies.add(pool.submit(() -> from("198.51.100.7").login("parallel", guess).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : replies) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
        assertThat(audit.find(new AuditLog.Filter("parallel", "login", null, null, 100)))
                .filteredOn(e -> "failed".equals(e.outcome())).hasSize(5);
        assertThat(from("198.51.100.7").login("parallel", PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void anUnknownNameAndALockedAccountGetTheSameAnswers() {
        fx.accounts.add("realname", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        List<String> real = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WebClient.Reply a = from("198.51.100.8").login("realname", "wrong password " + i);
            WebClient.Reply b = from("198.51.100.8").login("nosuchname", "wrong password " + i);
            real.add(a.status() + " " + a.text());
            unknown.add(b.status() + " " + b.text());
        }
        assertThat(real).isEqualTo(unknown);
        assertThat(real.get(6)).startsWith("429");
    }

    @Test
    void aLockSlowsOnlyTheAddressThatFailedNotTheOwnerElsewhereNorTheirToken() {
        fx.accounts.add("owner", EnumSet.of(Role.INVESTIGATOR), PASSWORD.toCharArray());
        String token = fx.accounts.newToken("owner");
        for (int i = 0; i < 6; i++) {
            from("203.0.113.66").login("owner", "attacker guess " + i);
        }
        assertThat(from("203.0.113.66").login("owner", PASSWORD).status()).isEqualTo(429);
        assertThat(from("192.0.2.10").login("owner", PASSWORD).status()).isEqualTo(200);
        WebClient cli = new WebClient(server.port());
        cli.bearer = token;
        assertThat(cli.get("/api/search?q=" + enc("补偿款")).status()).isEqualTo(200);
        assertThat(as("admin").get("/api/users").text()).contains("203.0.113.66");
    }

    @Test
    void anAdminCannotMakeALeadNorChangeItsOwnRolesNorTakeOverALead() {
        WebClient admin = as("admin");
        assertThat(admin.post("/api/users", "{\"op\":\"roles\",\"name\":\"admin\",\"roles\":[\"admin\",\"lead\"]}", true)
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/users", "{\"op\":\"roles\",\"name\":\"inv\",\"roles\":[\"lead\"]}", true).status())
                .isEqualTo(403);
        assertThat(admin.post("/api/users", "{\"op\":\"add\",\"name\":\"newlead\",\"roles\":[\"lead\"],\"password\":\""
                + PASSWORD + "\"}", true).status()).isEqualTo(403);
        assertThat(admin.post("/api/users", "{\"op\":\"password\",\"name\":\"lead\",\"password\":\"taken over 123\"}", true)
                .status()).isEqualTo(403);
        assertThat(admin.get("/api/search?q=" + enc("举报人")).status()).isEqualTo(403);
        assertThat(fx.accounts.store().get("inv").orElseThrow().roles()).containsExactly(Role.INVESTIGATOR);
        assertThat(audit.find(new AuditLog.Filter("admin", "user_change", null, null, 100)))
                .filteredOn(e -> "denied".equals(e.outcome())).hasSizeGreaterThanOrEqualTo(4);
        // a lead who is also admin may make another lead, but not change its own roles either
        WebClient chief = as("chief");
        assertThat(chief.post("/api/users", "{\"op\":\"add\",\"name\":\"lead2\",\"roles\":[\"lead\"],\"password\":\""
                + PASSWORD + "\"}", true).status()).isEqualTo(200);
        assertThat(chief.post("/api/users", "{\"op\":\"roles\",\"name\":\"chief\",\"roles\":[\"admin\"]}", true).status())
                .isEqualTo(403);
    }

    // ------------------------------------------------------------ 7. requests

    @Test
    void aLargeBodyIsRefusedBeforeAuthenticationButAnUploadMayBeLarge() {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        WebClient anon = new WebClient(server.port());
        assertThat(anon.postRaw("/api/login", big, "application/json", false).status()).isEqualTo(413);
        assertThat(anon.postRaw("/api/letters/" + SIGNED + "/corrections", big, "application/json", false).status())
                .isEqualTo(413);
        assertThat(anon.postRaw("/api/upload?name=big.pdf", big, "application/octet-stream", false).status()).isEqualTo(401);
        WebClient mail = as("mail");
        WebClient.Reply up = mail.postRaw("/api/upload?name=big.pdf", big, "application/octet-stream", true);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().path("bytes").asLong()).isEqualTo(big.length);
    }

    @Test
    void badPagingAnswers400AndApiResponsesAreNotCached() {
        WebClient inv = as("inv");
        assertThat(inv.get("/api/search?page=2147483647&size=100").status()).isEqualTo(400);
        assertThat(inv.get("/api/search?page=101&size=100").status()).isEqualTo(400);
        assertThat(inv.get("/api/search?page=x").status()).isEqualTo(400);
        assertThat(inv.get("/api/search?page=100&size=100").status()).isEqualTo(200);
        for (WebClient.Reply r : List.of(inv.get("/api/search?q=" + enc("补偿款")), inv.get("/api/letters/" + SIGNED),
                inv.get("/api/me"), inv.get("/api/letters/" + SEALED), new WebClient(server.port()).get("/api/search"),
                inv.get("/api/export"), inv.get("/api/letters/" + SIGNED + "/pages/1/image"))) {
            assertThat(r.raw().headers().firstValue("Cache-Control")).as(r.raw().uri().toString()).hasValueSatisfying(
                    v -> assertThat(v).contains("no-store"));
        }
    }

    @Test
    void aLoginFromAnotherSiteIsRefused() {
        byte[] body = ("{\"name\":\"inv\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);
        WebClient c = new WebClient(server.port());
        // a cross-site form may post text/plain without a preflight; JSON it cannot
        assertThat(c.postRaw("/api/login", body, "text/plain", false).status()).isEqualTo(415);
        c.headers.put("Origin", "http://evil.example");
        assertThat(c.postRaw("/api/login", body, "application/json", false).status()).isEqualTo(403);
        c.headers.clear();
        c.headers.put("Sec-Fetch-Site", "cross-site");
        assertThat(c.postRaw("/api/login", body, "application/json", false).status()).isEqualTo(403);
        c.headers.clear();
        c.headers.put("Origin", "http://127.0.0.1:" + server.port());
        c.headers.put("Sec-Fetch-Site", "same-origin");
        assertThat(c.postRaw("/api/login", body, "application/json", false).status()).isEqualTo(200);
    }

    @Test
    void withACertificateConfiguredPoboxServesHttpsAndTheCookieIsSecure() throws Exception {
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pobox", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "test-secret", "-keypass", "test-secret").inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        int port = org.pobox.support.TestEngine.freePort();
        try (WebServer tls = new WebServer(fx.config.with("pobox.web.port", String.valueOf(port))
                .with("pobox.web.tls.keystore", keystore.toString()).with("pobox.web.tls.password", "test-secret"), fx.engine)
                .start()) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(keystore)) {
                trust.load(in, "test-secret".toCharArray());
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            var https = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
            var login = https.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://127.0.0.1:" + port + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"inv\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure").contains("HttpOnly");
            // and nothing answers in clear on that port
            WebClient clear = new WebClient(port);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> clear.login("inv", PASSWORD))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    // ------------------------------------------------------------ 8. audit

    @Test
    void refusedChangesAndAdminAndStatusReadsAreAudited() {
        WebClient inv = as("inv");
        String missing = "f6".repeat(32);
        assertThat(inv.post("/api/letters/" + SEALED + "/corrections", "{\"field\":\"region\",\"value\":\"潮海\"}", true)
                .status()).isEqualTo(404);
        assertThat(inv.post("/api/letters/" + missing + "/pages/1/transcript", "{\"text\":\"x\"}", true).status()).isEqualTo(404);
        assertThat(as("lead").post("/api/letters/" + missing + "/seal", "{\"sealed\":true}", true).status()).isEqualTo(404);
        assertThat(audit.find(new AuditLog.Filter("inv", "correction", SEALED, null, 10))).extracting(AuditEntry::outcome)
                .contains("not_found");
        assertThat(audit.find(new AuditLog.Filter("inv", "transcript", missing, null, 10))).extracting(AuditEntry::outcome)
                .contains("not_found");
        assertThat(audit.find(new AuditLog.Filter("lead", "seal", missing, null, 10))).extracting(AuditEntry::outcome)
                .contains("not_found");
        assertThat(as("admin").get("/api/users").status()).isEqualTo(200);
        assertThat(audit.find(new AuditLog.Filter("admin", "user_list", null, null, 10))).isNotEmpty();
        assertThat(as("mail").get("/api/status").status()).isEqualTo(200);
        assertThat(audit.find(new AuditLog.Filter("mail", "status", null, null, 10))).isNotEmpty();
    }

    // ------------------------------------------------------------ helpers

    /** A client speaking from {@code address} (the server trusts X-Forwarded-For here). */
    WebClient from(String address) {
        WebClient c = new WebClient(server.port());
        c.forwardedFor = address;
        return c;
    }

    static BufferedImage png(WebClient.Reply r) throws IOException {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    /** The share of pixels in {@code box} (clipped to the image) darker than mid-grey. */
    static double darkShare(BufferedImage img, Rectangle box) {
        Rectangle r = box.intersection(new Rectangle(0, 0, img.getWidth(), img.getHeight()));
        long dark = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int rgb = img.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) {
                    dark++;
                }
            }
        }
        return r.isEmpty() ? 0 : dark / (double) (r.width * r.height);
    }
}
