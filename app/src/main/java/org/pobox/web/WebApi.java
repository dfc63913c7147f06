package org.pobox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.Role;
import org.pobox.auth.Sessions;
import org.pobox.auth.User;
import org.pobox.auth.Viewer;
import org.pobox.index.EngineUnavailableException;
import org.pobox.search.Correction;
import org.pobox.search.Corrections;
import org.pobox.search.Facets;
import org.pobox.search.LetterFinder;
import org.pobox.search.LetterReader;
import org.pobox.search.SearchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API behind the page and the CLI, one public method per route of
 * {@code routes/web/web.camel.yaml}. Every method checks who asks and what their roles allow, and
 * writes exactly one audit entry for what was done (or refused). Reporter identity and sealed
 * letters are filtered here, on the server.
 */
public final class WebApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Gate gate;
    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final LetterFinder finder;
    private final LetterReader reader;
    private final Corrections corrections;
    private final PageImages images;
    private final Path inbox;
    private final Path failed;
    private final LetterSealer sealer;

    WebApi(Gate gate, Accounts accounts, Sessions sessions, AuditLog audit, LetterFinder finder, LetterReader reader,
           Corrections corrections, PageImages images, LetterSealer sealer, Path inbox, Path failed) {
        this.gate = gate;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.finder = finder;
        this.reader = reader;
        this.corrections = corrections;
        this.images = images;
        this.sealer = sealer;
        this.inbox = inbox;
        this.failed = failed;
    }

    @FunctionalInterface
    interface Handler {
        void handle(WebRequest r) throws Exception;
    }

    private void run(Exchange exchange, Handler h, String... pathParams) {
        WebRequest r = WebRequest.take(exchange);
        try {
            h.handle(r);
        } catch (WebException e) {
            error(exchange, e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error(exchange, WebException.badRequest("请求有误：" + e.getMessage()));
        } catch (EngineUnavailableException e) {
            LOG.warn("engine unavailable for {}: {}", r.path(), e.getMessage());
            error(exchange, new WebException(503, "检索服务暂不可用，请稍后再试"));
        } catch (Exception e) {
            LOG.error("request {} {} failed", r.method(), r.path(), e);
            error(exchange, new WebException(500, "服务器内部错误"));
        }
    }

    // ---------------------------------------------------------------- session

    public void login(Exchange ex) {
        run(ex, r -> {
            JsonNode body = jsonBody(r);
            String name = body.path("name").asText("");
            Accounts.LoginResult result = accounts.login(name, body.path("password").asText("").toCharArray());
            switch (result.outcome()) {
                case OK -> {
                    Sessions.Session s = sessions.open(name);
                    audit.record(AuditEntry.of(name, "login", r.ip(), "ok"));
                    ex.getMessage().setHeader("Set-Cookie", gate.sessionCookie(s.id(), r));
                    json(ex, 200, me(result.viewer(), s.csrf()));
                }
                case LOCKED -> {
                    audit.record(AuditEntry.of(name, "login", r.ip(), "locked"));
                    throw new WebException(429, "登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员");
                }
                default -> {
                    audit.record(AuditEntry.of(name, "login", r.ip(), "failed"));
                    throw new WebException(401, "用户名或密码错误");
                }
            }
        });
    }

    public void logout(Exchange ex) {
        run(ex, r -> {
            Gate.Caller c = gate.require(r, true);
            if (c.session() != null) {
                sessions.close(c.session().id());
            }
            audit.record(AuditEntry.of(c.viewer().name(), "logout", r.ip(), "ok"));
            ex.getMessage().setHeader("Set-Cookie", gate.clearedCookie(r));
            json(ex, 200, Map.of("ok", true));
        });
    }

    public void me(Exchange ex) {
        run(ex, r -> {
            Gate.Caller c = gate.require(r, false);
            json(ex, 200, me(c.viewer(), c.session() == null ? null : c.session().csrf()));
        });
    }

    private static Map<String, Object> me(Viewer v, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("roles", v.roles().stream().map(Role::id).sorted().toList());
        m.put("csrf", csrf);
        return m;
    }

    // ---------------------------------------------------------------- letters

    public void search(Exchange ex) {
        run(ex, r -> {
            Viewer v = reader(r, "search");
            SearchRequest req = searchRequest(r);
            LetterFinder.Results res = finder.search(req, v.access());
            audit.record(AuditEntry.of(v.name(), "search", r.ip(), "ok")
                    .search(finder.maskIdentity(req.text()), req.auditFilters(), res.total()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", res.total());
            out.put("took_ms", res.tookMs());
            out.put("page", req.page());
            out.put("size", req.size());
            out.put("hits", res.hits());
            out.put("facets", res.facets());
            json(ex, 200, out);
        });
    }

    public void letter(Exchange ex) {
        run(ex, r -> {
            Viewer v = reader(r, "view");
            String letterId = pathPart(r, "letters");
            Map<String, Object> doc = reader.read(letterId, v.access()).orElse(null);
            audit.record(AuditEntry.of(v.name(), "view", r.ip(), doc == null ? "not_found" : "ok").letter(letterId, null));
            if (doc == null) {
                throw WebException.notFound();
            }
            doc.put("corrections_log", corrections.forLetter(letterId).stream().map(c -> correctionView(c, v)).toList());
            json(ex, 200, doc);
        });
    }

    public void pageImage(Exchange ex) {
        run(ex, r -> {
            Viewer v = reader(r, "page_image");
            String id = pathPart(r, "letters");
            int page = Integer.parseInt(pathPart(r, "pages"));
            Map<String, Object> doc = reader.stored(id).filter(d -> LetterReader.visible(d, v.access())).orElse(null);
            byte[] png = doc == null ? null : images.png((String) doc.get("archive_name"), page).orElse(null);
            audit.record(AuditEntry.of(v.name(), "page_image", r.ip(), png == null ? "not_found" : "ok").letter(id, page));
            if (png == null) {
                throw WebException.notFound();
            }
            securityHeaders(ex);
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/png");
            ex.getMessage().setHeader("Cache-Control", "private, no-store");
            ex.getMessage().setBody(png);
        });
    }

    public void export(Exchange ex) {
        run(ex, r -> {
            Viewer v = reader(r, "export");
            SearchRequest req = searchRequest(r);
            boolean identity = "true".equals(r.param("identity"));
            if (identity && !v.isLead()) {
                audit.record(AuditEntry.of(v.name(), "export", r.ip(), "denied").detail("identity"));
                throw WebException.forbidden();
            }
            List<Map<String, Object>> rows = finder.exportRows(req, v.access());
            byte[] csv = CsvExport.write(rows, identity);
            audit.record(AuditEntry.of(v.name(), "export", r.ip(), "ok")
                    .search(finder.maskIdentity(req.text()), req.auditFilters(), rows.size())
                    .detail(identity ? "with_identity" : "without_identity"));
            securityHeaders(ex);
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            ex.getMessage().setHeader("Content-Disposition", "attachment; filename=\"letters.csv\"");
            ex.getMessage().setHeader("Cache-Control", "no-store");
            ex.getMessage().setBody(csv);
        });
    }

    public void correct(Exchange ex) {
        run(ex, r -> {
            Viewer v = changingReader(r, "correction");
            String id = pathPart(r, "letters");
            JsonNode body = jsonBody(r);
            String field = body.path("field").asText("");
            Map<String, Object> doc = visibleLetter(id, v);
            Object value = JSON.convertValue(body.get("value"), Object.class);
            Correction c = corrections.add(Corrections.now(id, field, value, doc.get(field), null, v.name()));
            audit.record(AuditEntry.of(v.name(), "correction", r.ip(), "ok").letter(id, null).detail(field));
            json(ex, 200, correctionView(c, v));
        });
    }

    public void transcript(Exchange ex) {
        run(ex, r -> {
            Viewer v = changingReader(r, "transcript");
            String id = pathPart(r, "letters");
            int page = Integer.parseInt(pathPart(r, "pages"));
            String text = jsonBody(r).path("text").asText("");
            Map<String, Object> doc = visibleLetter(id, v);
            Object pc = doc.get("page_count");
            if (page < 1 || (pc instanceof Number n && page > n.intValue())) {
                throw WebException.badRequest("没有第 " + page + " 页");
            }
            Correction c = corrections.add(Corrections.now(id, Corrections.TRANSCRIPT, text, null, page, v.name()));
            audit.record(AuditEntry.of(v.name(), "transcript", r.ip(), "ok").letter(id, page));
            json(ex, 200, correctionView(c, v));
        });
    }

    public void seal(Exchange ex) {
        run(ex, r -> {
            Gate.Caller c = gate.require(r, true);
            Viewer v = c.viewer();
            String id = pathPart(r, "letters");
            boolean sealed = jsonBody(r).path("sealed").asBoolean(true);
            String action = sealed ? "seal" : "unseal";
            if (!v.isLead()) {
                audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied").letter(id, null));
                throw WebException.forbidden();
            }
            if (reader.stored(id).isEmpty()) {
                throw WebException.notFound();
            }
            sealer.setSealed(id, sealed);
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "ok").letter(id, null));
            json(ex, 200, Map.of("id", id, "sealed", sealed));
        });
    }

    // ---------------------------------------------------------------- lead, admin, mailroom

    public void auditLog(Exchange ex) {
        run(ex, r -> {
            Viewer v = gate.require(r, false).viewer();
            if (!v.isLead()) {
                audit.record(AuditEntry.of(v.name(), "audit_read", r.ip(), "denied"));
                throw WebException.forbidden();
            }
            String since = r.param("since");
            List<AuditEntry> entries = audit.find(new AuditLog.Filter(r.param("user"), r.param("action"), r.param("letter"),
                    since == null || since.isBlank() ? null : LocalDate.parse(since).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                    r.param("size") == null ? 200 : Integer.parseInt(r.param("size"))));
            audit.record(AuditEntry.of(v.name(), "audit_read", r.ip(), "ok").search(null, null, entries.size()));
            json(ex, 200, Map.of("entries", entries));
        });
    }

    public void users(Exchange ex) {
        run(ex, r -> {
            Viewer v = admin(r, false, "user_list");
            List<Map<String, Object>> out = new ArrayList<>();
            for (User u : accounts.store().list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", u.name());
                m.put("roles", u.roles().stream().map(Role::id).sorted().toList());
                m.put("locked", u.lockedAt(Instant.now()));
                m.put("failed_logins", u.failedLogins());
                m.put("tokens", u.tokenHashes().size());
                out.add(m);
            }
            json(ex, 200, Map.of("users", out));
        });
    }

    public void changeUser(Exchange ex) {
        run(ex, r -> {
            Viewer v = admin(r, true, "user_change");
            JsonNode b = jsonBody(r);
            String name = b.path("name").asText("");
            String op = b.path("op").asText("");
            switch (op) {
                case "add" -> accounts.add(name, roles(b.path("roles")), b.path("password").asText("").toCharArray());
                case "roles" -> accounts.setRoles(name, roles(b.path("roles")));
                case "password" -> accounts.setPassword(name, b.path("password").asText("").toCharArray());
                case "unlock" -> accounts.unlock(name);
                default -> throw WebException.badRequest("未知操作 " + op);
            }
            if (!"add".equals(op) && !"unlock".equals(op)) {
                sessions.closeAll(name);
            }
            audit.record(AuditEntry.of(v.name(), "user_change", r.ip(), "ok").detail(op + " " + name));
            json(ex, 200, Map.of("ok", true));
        });
    }

    public void upload(Exchange ex) {
        run(ex, r -> {
            Viewer v = mailroom(r, true, "upload");
            String name = r.param("name");
            if (name == null || !name.matches("[\\p{L}\\p{N}._ -]{1,120}\\.(?i)(pdf|tif|tiff|jpg|jpeg|png)")) {
                throw WebException.badRequest("文件名须为 PDF、TIFF、JPEG 或 PNG");
            }
            if (r.body().length == 0) {
                throw WebException.badRequest("文件为空");
            }
            Files.createDirectories(inbox);
            // written beside the inbox first and moved in at once: the intake never sees half a file
            Path staging = Files.createTempFile(inbox.getParent() == null ? inbox : inbox.getParent(), "upload", ".part");
            Files.write(staging, r.body());
            Path target = inbox.resolve(System.currentTimeMillis() + "_" + name);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            audit.record(AuditEntry.of(v.name(), "upload", r.ip(), "ok").detail(target.getFileName().toString()));
            json(ex, 200, Map.of("file", target.getFileName().toString(), "bytes", r.body().length));
        });
    }

    public void status(Exchange ex) {
        run(ex, r -> {
            Viewer v = mailroom(r, false, "status");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("waiting", countFiles(inbox, p -> !p.getFileName().toString().startsWith(".")));
            List<Map<String, String>> failures = new ArrayList<>();
            if (Files.isDirectory(failed)) {
                try (Stream<Path> s = Files.list(failed)) {
                    for (Path reason : s.filter(p -> p.toString().endsWith(".reason")).sorted().limit(200).toList()) {
                        String file = reason.getFileName().toString().replaceFirst("\\.reason$", "");
                        failures.add(Map.of("file", file, "reason", Files.readString(reason).strip()));
                    }
                }
            }
            out.put("failed", failures);
            json(ex, 200, out);
        });
    }

    // ---------------------------------------------------------------- helpers

    private Viewer reader(WebRequest r, String action) {
        Viewer v = gate.require(r, false).viewer();
        if (!v.readsLetters()) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    private Viewer changingReader(WebRequest r, String action) {
        Viewer v = gate.require(r, true).viewer();
        if (!v.readsLetters()) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    private Viewer admin(WebRequest r, boolean changes, String action) {
        Viewer v = gate.require(r, changes).viewer();
        if (!v.has(Role.ADMIN)) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    private Viewer mailroom(WebRequest r, boolean changes, String action) {
        Viewer v = gate.require(r, changes).viewer();
        if (!v.has(Role.MAILROOM) && !v.has(Role.ADMIN)) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    private Map<String, Object> visibleLetter(String id, Viewer v) {
        return reader.stored(id).filter(d -> LetterReader.visible(d, v.access())).orElseThrow(WebException::notFound);
    }

    private static Map<String, Object> correctionView(Correction c, Viewer v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        m.put("page", c.page());
        m.put("by", c.by());
        m.put("at", c.at());
        // the value itself is already in the letter (and redacted there); here only who and when
        return m;
    }

    private static Set<Role> roles(JsonNode n) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        n.forEach(x -> roles.add(Role.of(x.asText())));
        return roles;
    }

    static SearchRequest searchRequest(WebRequest r) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
            if (e.getKey().startsWith("f.")) {
                String facet = e.getKey().substring(2);
                if (!Facets.NAMES.contains(facet)) {
                    throw new IllegalArgumentException("未知筛选项 " + facet);
                }
                filters.put(facet, e.getValue());
            }
        }
        String from = r.param("from");
        String to = r.param("to");
        String page = r.param("page");
        String size = r.param("size");
        return new SearchRequest(r.param("q"), filters,
                from == null || from.isBlank() ? null : LocalDate.parse(from),
                to == null || to.isBlank() ? null : LocalDate.parse(to),
                r.param("sort"), page == null ? 1 : Integer.parseInt(page), size == null ? 20 : Integer.parseInt(size));
    }

    private static String pathPart(WebRequest r, String after) {
        String[] parts = r.path().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(after)) {
                return java.net.URLDecoder.decode(parts[i + 1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw WebException.badRequest("路径有误");
    }

    private static JsonNode jsonBody(WebRequest r) {
        try {
            return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw WebException.badRequest("请求内容不是有效的 JSON");
        }
    }

    private static long countFiles(Path dir, java.util.function.Predicate<Path> p) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p).count();
        }
    }

    static void json(Exchange ex, int status, Object body) {
        try {
            securityHeaders(ex);
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
            ex.getMessage().setHeader("Cache-Control", "no-store");
            ex.getMessage().setBody(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Exchange ex, WebException e) {
        json(ex, e.status, Map.of("error", e.getMessage(), "status", e.status));
    }

    static void securityHeaders(Exchange ex) {
        ex.getMessage().setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        ex.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        ex.getMessage().setHeader("Referrer-Policy", "no-referrer");
        ex.getMessage().setHeader("X-Frame-Options", "DENY");
    }
}
