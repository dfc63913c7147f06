package org.pobox.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pobox.index.SideIndex;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * The append-only audit index {@code <alias>-audit}. Entries are written with {@code create} under
 * a fresh id, so nothing here can overwrite one; pobox has no code that updates or deletes them.
 */
public final class AuditLog {

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "at":{"type":"date"},"user":{"type":"keyword"},"action":{"type":"keyword"},
              "ip":{"type":"keyword"},"outcome":{"type":"keyword"},
              "query":{"type":"text","analyzer":"cjk","fields":{"raw":{"type":"keyword","ignore_above":512}}},
              "filters":{"type":"object","enabled":false},"hits":{"type":"long"},
              "letter_id":{"type":"keyword"},"page":{"type":"integer"},"detail":{"type":"keyword"}}}""";

    private final ElasticsearchClient client;
    private final String index;

    public AuditLog(EngineClient engine, String lettersAlias) {
        this.client = engine.client();
        this.index = SideIndex.name(lettersAlias, "audit");
        SideIndex.ensure(client, index, MAPPING);
    }

    public String index() {
        return index;
    }

    /** Writes the entry; a request whose audit cannot be written fails (no unrecorded look). */
    public void record(AuditEntry e) {
        try {
            client.create(c -> c.index(index).id(UUID.randomUUID().toString()).document(e));
        } catch (IOException ex) {
            throw new EngineUnavailableException("cannot write the audit: " + ex.getMessage(), ex);
        }
    }

    /** What a query of the audit asks for; null fields do not filter. */
    public record Filter(String user, String action, String letterId, Instant since, int size) {
    }

    /** Newest first. */
    public List<AuditEntry> find(Filter f) {
        List<Query> must = new ArrayList<>();
        if (f.user() != null && !f.user().isBlank()) {
            must.add(Query.of(q -> q.term(t -> t.field("user").value(f.user()))));
        }
        if (f.action() != null && !f.action().isBlank()) {
            must.add(Query.of(q -> q.term(t -> t.field("action").value(f.action()))));
        }
        if (f.letterId() != null && !f.letterId().isBlank()) {
            must.add(Query.of(q -> q.term(t -> t.field("letter_id").value(f.letterId()))));
        }
        if (f.since() != null) {
            must.add(Query.of(q -> q.range(r -> r.date(d -> d.field("at").gte(f.since().toString())))));
        }
        try {
            client.indices().refresh(r -> r.index(index));
            var hits = client.search(s -> s.index(index).size(Math.max(1, Math.min(f.size(), 10_000)))
                    .query(q -> q.bool(b -> b.filter(must)))
                    .sort(o -> o.field(fs -> fs.field("at").order(SortOrder.Desc))), Map.class).hits().hits();
            List<AuditEntry> out = new ArrayList<>();
            for (var h : hits) {
                out.add(Json.MAPPER.convertValue(h.source(), AuditEntry.class));
            }
            return out;
        } catch (IOException ex) {
            throw new EngineUnavailableException("cannot read the audit: " + ex.getMessage(), ex);
        }
    }
}
