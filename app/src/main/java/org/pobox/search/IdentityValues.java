package org.pobox.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pobox.index.ReporterField;
import org.pobox.keys.FieldCipher;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * The reporters' names, phone and ID numbers, held in the server's memory only, so a search word
 * that is one of them can be masked before the query goes to the audit. The {@code reporter} field
 * is stored sealed and not indexed, so the values are read from the signed letters' sources, opened
 * here, and reloaded
 * every few minutes (a letter indexed since may escape the mask until then).
 */
final class IdentityValues {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final List<String> FIELDS = List.of("name", "phone", "id_number");

    private final ElasticsearchClient client;
    private final FieldCipher reporters;
    private final String alias;
    private final Clock clock;
    private Set<String> values = Set.of();
    private Instant loadedAt = Instant.MIN;

    IdentityValues(EngineClient engine, String alias, Clock clock) {
        this.client = engine.client();
        this.reporters = engine.keys().reporters();
        this.alias = alias;
        this.clock = clock;
    }

    synchronized boolean contains(String term) {
        if (loadedAt.plus(MAX_AGE).isBefore(clock.instant())) {
            values = load();
            loadedAt = clock.instant();
        }
        return values.contains(normal(term));
    }

    private Set<String> load() {
        Set<String> out = new HashSet<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                var hits = client.search(s -> {
                    s.index(alias).size(1000).query(q -> q.term(t -> t.field("signed").value(true)))
                            .source(src -> src.filter(f -> f.includes("reporter")))
                            .sort(o -> o.field(f -> f.field("id")));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Map.class).hits().hits();
                for (Hit<Map> h : hits) {
                    Map<String, Object> r = h.source() == null ? null
                            : ReporterField.open(h.source().get(ReporterField.FIELD), h.id(), reporters);
                    if (r != null) {
                        for (String f : FIELDS) {
                            Object v = r.get(f);
                            if (v instanceof Collection<?> c) {
                                c.forEach(x -> add(out, x));
                            } else {
                                add(out, v);
                            }
                        }
                    }
                }
                if (hits.size() < 1000) {
                    return out;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read reporters: " + e.getMessage(), e);
        }
    }

    private static void add(Set<String> out, Object v) {
        if (v != null && normal(String.valueOf(v)).length() >= 2) {
            out.add(normal(String.valueOf(v)));
        }
    }

    private static String normal(String s) {
        return s.replaceAll("[\\s-]", "");
    }
}
