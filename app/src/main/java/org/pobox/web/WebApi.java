package org.pobox.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.LoginThrottle;
import org.pobox.auth.Role;
import org.pobox.auth.Sessions;
import org.pobox.auth.Viewer;
import org.pobox.index.Correction;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterSealer;
import org.pobox.search.Facets;
import org.pobox.search.LetterFinder;
import org.pobox.search.LetterReader;
import org.pobox.search.PageRedaction;
import org.pobox.search.SearchRequest;

/**
 * The JSON API of the search page, one public method per route of {@code routes/web-http.yaml}:
 * session, search, a letter, its page images, export, corrections, transcripts, sealing. Every
 * method checks who asks and what their roles allow, and writes exactly one audit entry for what
 * was done (or refused). Reporter identity and sealed letters are filtered here, on the server.
 */
public final class WebApi extends ApiSupport {

    private final Accounts accounts;
    private final Sessions sessions;
    private final LetterFinder finder;
    private final LetterReader reader;
    private final CorrectionStore corrections;
    private final PageImages images;
    private final LetterSealer sealer;
    private final TextMask mask;
    private final LoginThrottle throttle = new LoginThrottle();

    WebApi(Gate gate, AuditLog audit, Accounts accounts, Sessions sessions, LetterFinder finder, LetterReader reader,
           CorrectionStore corrections, PageImages images, LetterSealer sealer, TextMask mask) {
        super(gate, audit);
        this.accounts = accounts;
        this.sessions = sessions;
        this.finder = finder;
        this.reader = reader;
        this.corrections = corrections;
        this.images = images;
        this.sealer = sealer;
        this.mask = mask;
    }

    // ---------------------------------------------------------------- session

    /** Answered alike for a locked name and an address that guessed too often, whether the name exists or not. */
    static final String TOO_MANY = "登录失败次数过多，请稍后再试";

    public void login(Exchange ex) {
        run(ex, r -> {
            // a login posted from another site would log the victim's browser into the attacker's
            // account: HttpEdge refuses a foreign Origin, and a form cannot post JSON
            Gate.requireJson(r);
            JsonNode body = jsonBody(r);
            String name = body.path("name").asText("");
            if (!throttle.allows(r.ip())) {
                audit.record(AuditEntry.of(name, "login", r.ip(), "throttled"));
                throw new WebException(429, TOO_MANY);
            }
            Accounts.LoginResult result = accounts.login(name, body.path("password").asText("").toCharArray(), r.ip());
            switch (result.outcome()) {
                case OK -> {
                    Sessions.Session s = sessions.open(name);
                    audit.record(AuditEntry.of(name, "login", r.ip(), "ok"));
                    ex.getMessage().setHeader("Set-Cookie", gate.sessionCookie(s.id(), r));
                    json(ex, 200, me(result.viewer(), s.csrf()));
                }
                case LOCKED -> {
                    audit.record(AuditEntry.of(name, "login", r.ip(), "locked"));
                    throw new WebException(429, TOO_MANY);
                }
                default -> {
                    throttle.failed(r.ip());
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
            doc.put("corrections_log", corrections.forLetter(letterId).stream().map(c -> correctionView(c)).toList());
            json(ex, 200, doc);
        });
    }

    /**
     * A page's scan: for a lead the original (audited as such), for anyone else with the writer's
     * identity covered (see {@link PageRedaction}).
     */
    public void pageImage(Exchange ex) {
        run(ex, r -> {
            Viewer v = reader(r, "page_image");
            String id = pathPart(r, "letters");
            int page = Integer.parseInt(pathPart(r, "pages"));
            Map<String, Object> doc = reader.stored(id).filter(d -> LetterReader.visible(d, v.access())).orElse(null);
            PageRedaction cover = doc == null ? PageRedaction.NONE : PageRedaction.of(doc, reader.reporterOf(id, doc), page, v.access());
            PageImages.Png png = doc == null ? null : images.png((String) doc.get("archive_name"), page, cover).orElse(null);
            audit.record(AuditEntry.of(v.name(), "page_image", r.ip(), png == null ? "not_found" : "ok").letter(id, page)
                    .detail(png == null ? null : cover.none() ? "original" : "redacted"));
            if (png == null) {
                throw WebException.notFound();
            }
            securityHeaders(ex);
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/png");
            ex.getMessage().setHeader("Cache-Control", "private, no-store");
            ex.getMessage().setHeader("X-Page-Width", png.originalWidth());
            ex.getMessage().setBody(png.bytes());
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
            Map<String, Object> doc = visibleLetter(id, v, r, "correction");
            if (!CorrectionStore.FIELDS.contains(field)) {
                audit.record(AuditEntry.of(v.name(), "correction", r.ip(), "bad_request").letter(id, null).detail(field));
                throw WebException.badRequest("不能更正 " + field);
            }
            // what a person types is masked like what OCR read, before it is stored or searchable
            Object typed = JSON.convertValue(body.get("value"), Object.class);
            Object value = mask.correction(typed, reader.reporterOf(id, doc));
            Correction c = corrections.add(CorrectionStore.now(id, field, value, doc.get(field), null, v.name()));
            audit.record(AuditEntry.of(v.name(), "correction", r.ip(), "ok").letter(id, null)
                    .detail(writerTyped(v, value, mask.correction(typed, null)) ? field + " " + WRITER_TYPED : field));
            json(ex, 200, correctionView(c));
        });
    }

    public void transcript(Exchange ex) {
        run(ex, r -> {
            Viewer v = changingReader(r, "transcript");
            String id = pathPart(r, "letters");
            int page = Integer.parseInt(pathPart(r, "pages"));
            String text = jsonBody(r).path("text").asText("");
            Map<String, Object> doc = visibleLetter(id, v, r, "transcript");
            Object pc = doc.get("page_count");
            if (page < 1 || (pc instanceof Number n && page > n.intValue())) {
                audit.record(AuditEntry.of(v.name(), "transcript", r.ip(), "bad_request").letter(id, page));
                throw WebException.badRequest("没有第 " + page + " 页");
            }
            String masked = mask.transcript(text, reader.reporterOf(id, doc));
            Correction c = corrections.add(CorrectionStore.now(id, CorrectionStore.TRANSCRIPT, masked, null, page, v.name()));
            AuditEntry entry = AuditEntry.of(v.name(), "transcript", r.ip(), "ok").letter(id, page);
            audit.record(writerTyped(v, masked, mask.transcript(text, null)) ? entry.detail(WRITER_TYPED) : entry);
            json(ex, 200, correctionView(c));
        });
    }

    /** Said in the audit of a change whose text held the letter's own writer (masked by value). */
    static final String WRITER_TYPED = "writer_typed";

    /**
     * Whether someone without identity access typed this letter's writer: the text masked with
     * the writer's values differs from the text masked by structure alone. The value mask cannot
     * be dropped (the name must not be stored or searchable), and a person who sees their word
     * blanked learns it was the writer's, so each such guess is put before the leads in the audit
     * (one letter at a time, under the investigator's name) instead of going unnoticed.
     */
    private static boolean writerTyped(Viewer v, Object byValue, Object byStructure) {
        return !v.access().identity() && !java.util.Objects.equals(byValue, byStructure);
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
                audit.record(AuditEntry.of(v.name(), action, r.ip(), "not_found").letter(id, null));
                throw WebException.notFound();
            }
            sealer.setSealed(id, sealed);
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "ok").letter(id, null));
            json(ex, 200, Map.of("id", id, "sealed", sealed));
        });
    }

    /** The letter if this reader may see it; otherwise 404, and the refused attempt is audited. */
    private Map<String, Object> visibleLetter(String id, Viewer v, WebRequest r, String action) {
        Map<String, Object> doc = reader.stored(id).filter(d -> LetterReader.visible(d, v.access())).orElse(null);
        if (doc == null) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "not_found").letter(id, null));
            throw WebException.notFound();
        }
        return doc;
    }

    static Map<String, Object> correctionView(Correction c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        m.put("page", c.page());
        m.put("by", c.by());
        m.put("at", c.at());
        // the value itself is already in the letter (and redacted there); here only who and when
        return m;
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
}
