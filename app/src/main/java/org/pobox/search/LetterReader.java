package org.pobox.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pobox.index.ReporterField;
import org.pobox.keys.FieldCipher;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * One letter as a reader may see it: pages with their text and confidence (low ones marked), the
 * classification with its evidence, the group of linked duplicates. Without identity access the
 * {@code reporter} field is dropped and its values are blanked out of every text; a sealed letter
 * does not exist for a reader without sealed access.
 */
public class LetterReader {

    /** Pages read with less confidence than this are marked for review. */
    public static final double LOW_CONFIDENCE = 0.6;

    private final ElasticsearchClient client;
    private final FieldCipher reporters;
    private final String alias;

    public LetterReader(EngineClient engine, String alias) {
        this.client = engine.client();
        this.reporters = engine.keys().reporters();
        this.alias = alias;
    }

    /** The raw stored document, for the server's own use (never sent as is; its reporter is sealed: {@link #reporter}). */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> stored(String id) {
        try {
            GetResponse<Map> r = client.get(g -> g.index(alias).id(id), Map.class);
            return r.found() ? Optional.of((Map<String, Object>) r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read letter " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The writer's identity of a {@link #stored} letter, opened (the engine holds it sealed), for
     * the server's own use: blanking it out of what a non-lead sees. Null when there is none.
     */
    public Map<String, Object> reporter(String id, Map<String, Object> stored) {
        return ReporterField.open(stored.get(ReporterField.FIELD), id, reporters);
    }

    /** As {@link #reporter}: the writer of stored letter {@code id}, opened; null for an anonymous letter. */
    public Map<?, ?> reporterOf(String id, Map<String, Object> doc) {
        return reporter(id, doc);
    }

    /** Whether the reader may see this letter at all. */
    public static boolean visible(Map<String, Object> doc, Access access) {
        return access.sealed() || !Boolean.TRUE.equals(doc.get("sealed"));
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> read(String id, Access access) {
        Optional<Map<String, Object>> stored = stored(id);
        if (stored.isEmpty() || !visible(stored.get(), access)) {
            return Optional.empty();
        }
        Map<String, Object> doc = new LinkedHashMap<>(stored.get());
        doc.put("id", id);
        // opened here, on the server: for a lead's view, and to blank the values out for everyone else
        Map<String, Object> reporter = ReporterField.open(doc.remove(ReporterField.FIELD), id, reporters);
        Redactor redactor = new Redactor(reporter);
        List<Map<String, Object>> pages = new ArrayList<>();
        if (doc.get("pages") instanceof List<?> ps) {
            for (Object p : ps) {
                Map<String, Object> page = new LinkedHashMap<>((Map<String, Object>) p);
                Object c = page.get("confidence");
                page.put("low_confidence", c instanceof Number n && n.doubleValue() < LOW_CONFIDENCE);
                if (!access.identity()) {
                    withoutHiddenLines(page, redactor);
                }
                pages.add(page);
            }
        }
        doc.put("pages", pages);
        doc.remove("text"); // the pages carry it
        doc.put("duplicates", duplicates(id, stored.get(), access));
        if (access.identity()) {
            if (reporter != null) {
                doc.put("reporter", reporter);
            }
            return Optional.of(doc);
        }
        return Optional.of(redactAll(doc, redactor));
    }

    /**
     * Drops the lines whose boxes would show where the writer's identity sits on the scan (the
     * image has them covered; see {@link PageRedaction}). An envelope keeps only its recipient
     * lines, and its text becomes theirs: the rest is the sender.
     */
    private static void withoutHiddenLines(Map<String, Object> page, Redactor redactor) {
        List<Map<String, Object>> kept = PageRedaction.lines(page).stream()
                .filter(l -> PageRedaction.lineVisible(page, l, redactor)).toList();
        if (page.containsKey("lines")) {
            page.put("lines", kept);
        }
        if (Boolean.TRUE.equals(page.get("envelope"))) {
            page.put("text", String.join("\n", kept.stream().map(l -> String.valueOf(l.getOrDefault("text", ""))).toList()));
        }
    }

    /** The letters linked as the same matter: the first one and every repeat, oldest first. */
    private Map<String, Object> duplicates(String id, Map<String, Object> doc, Access access) {
        Object first = doc.get("duplicate_of");
        String root = first == null || String.valueOf(first).isBlank() ? id : String.valueOf(first);
        List<Query> mustNot = new ArrayList<>();
        if (!access.sealed()) {
            mustNot.add(Query.of(q -> q.term(t -> t.field("sealed").value(true))));
        }
        try {
            var hits = client.search(s -> s.index(alias).size(100)
                    .query(q -> q.bool(b -> b.should(sh -> sh.ids(i -> i.values(root)))
                            .should(sh -> sh.term(t -> t.field("duplicate_of").value(root)))
                            .minimumShouldMatch("1").mustNot(mustNot)))
                    .sort(o -> o.field(f -> f.field("received_at")))
                    .source(src -> src.filter(f -> f.includes("registration_no", "received_at"))), Map.class).hits().hits();
            List<Map<String, Object>> members = new ArrayList<>();
            for (var h : hits) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", h.id());
                if (h.source() != null) {
                    m.put("registration_no", h.source().get("registration_no"));
                    m.put("received_at", h.source().get("received_at"));
                }
                m.put("first", h.id().equals(root));
                members.add(m);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("first", root);
            group.put("repeat_count", Math.max(0, members.size() - 1));
            group.put("letters", members);
            return group;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read duplicates: " + e.getMessage(), e);
        }
    }

    /** Every string anywhere in the value, with the reporter's values blanked out. */
    @SuppressWarnings("unchecked")
    static <T> T redactAll(T value, Redactor r) {
        if (value instanceof String s) {
            return (T) r.redact(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, redactAll(v, r)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(redactAll(v, r)));
            return (T) out;
        }
        return value;
    }
}
