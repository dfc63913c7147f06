package org.pobox.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pobox.node.EngineErrors;
import org.pobox.index.SideIndex;
import org.pobox.keys.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * The append-only audit index {@code <alias>-audit}, kept as a hash chain so that the engine,
 * which anyone with access to it could edit, cannot change the record unseen: entry {@code n} is
 * stored under id {@code n} ({@code seq}), carries the previous entry's {@code mac} ({@code prev})
 * and its own {@code mac}, an HMAC (key {@code audit.key}, never in the engine) over all of it.
 * {@link #verify()} ({@code pobox audit verify}) finds the first entry changed, deleted or added
 * outside pobox. Writers serialise on the engine: an entry is created with {@code op_type=create}
 * on the next number, and a writer that loses the race (another process wrote that number) reads
 * the winner and tries the number after. Each writer also keeps the last number and mac it saw
 * beside the keys ({@code audit-heads/}), so entries cut off the end of the chain are missed too.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "at":{"type":"date"},"user":{"type":"keyword"},"action":{"type":"keyword"},
              "ip":{"type":"keyword"},"outcome":{"type":"keyword"},
              "query":{"type":"text","analyzer":"cjk","fields":{"raw":{"type":"keyword","ignore_above":512}}},
              "filters":{"type":"object","enabled":false},"hits":{"type":"long"},
              "letter_id":{"type":"keyword"},"page":{"type":"integer"},"detail":{"type":"keyword"},
              "seq":{"type":"long"},"prev":{"type":"keyword","index":false},"mac":{"type":"keyword","index":false}}}""";
    /** What the first entry's {@code prev} is. */
    static final String START = "start";

    private final ElasticsearchClient client;
    private final Signer signer;
    private final String index;
    private final Path headFile;
    /** The end of the chain as this writer last saw it; -1 until looked up. */
    private long headSeq = -1;
    private String headMac;

    public AuditLog(EngineClient engine, String lettersAlias) {
        this.client = engine.client();
        this.signer = engine.keys().audit();
        this.index = SideIndex.name(lettersAlias, "audit");
        this.headFile = engine.keys().dir().resolve("audit-heads").resolve(index);
        SideIndex.ensure(client, index, MAPPING);
    }

    public String index() {
        return index;
    }

    /** Writes the entry at the end of the chain; a request whose audit cannot be written fails (no unrecorded look). */
    public synchronized void record(AuditEntry e) {
        ObjectNode body = Json.MAPPER.valueToTree(e);
        try {
            if (headSeq < 0) {
                findHead();
            }
            while (true) {
                long seq = headSeq + 1;
                ObjectNode doc = body.deepCopy();
                doc.put("seq", seq);
                doc.put("prev", headMac);
                String mac = signer.sign(canonical(doc));
                doc.put("mac", mac);
                try {
                    client.create(c -> c.index(index).id(id(seq)).document(doc));
                    headSeq = seq;
                    headMac = mac;
                    try {
                        Heads.witness(headFile, seq, mac);
                    } catch (java.io.UncheckedIOException ex) {
                        // the entry is written; only the record of how far the chain reached lags behind
                        LOG.error("audit entry {} written, but its number could not be kept in {}: {}", seq, headFile,
                                ex.getMessage());
                    }
                    return;
                } catch (ElasticsearchException | IOException ex) {
                    if (!EngineErrors.isConflict(ex)) {
                        throw ex;
                    }
                    walkForward(); // another writer took this number: follow the chain to its new end
                }
            }
        } catch (IOException ex) {
            throw new EngineUnavailableException("cannot write the audit: " + ex.getMessage(), ex);
        }
    }

    /** The last entry's number and mac: the highest number searchable, then by id (real-time) up to the end. */
    private void findHead() throws IOException {
        client.indices().refresh(r -> r.index(index));
        var hits = client.search(s -> s.index(index).size(1).query(q -> q.exists(x -> x.field("seq")))
                .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc))), ObjectNode.class).hits().hits();
        headSeq = 0;
        headMac = START;
        if (!hits.isEmpty()) {
            headSeq = hits.get(0).source().path("seq").asLong();
            headMac = hits.get(0).source().path("mac").asText();
        }
        walkForward();
    }

    private void walkForward() throws IOException {
        while (true) {
            long next = headSeq + 1;
            var got = client.get(g -> g.index(index).id(id(next)), ObjectNode.class);
            if (!got.found()) {
                return;
            }
            headSeq = next;
            headMac = got.source().path("mac").asText();
        }
    }

    /** An entry's id: its number, zero-padded so ids sort as numbers do. */
    static String id(long seq) {
        return String.format(java.util.Locale.ROOT, "%012d", seq);
    }

    /** What the mac covers: the stored document without its mac, fields sorted, as compact JSON. */
    static String canonical(JsonNode doc) {
        return sorted(doc).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().filter(n -> !n.equals("mac")).sorted().forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }

    /**
     * What {@code pobox audit verify} reports.
     *
     * @param entries   entries in the chain
     * @param unchained entries from before the chain (written before the audit was chained)
     * @param problem   the first entry changed, missing or added outside pobox; null when the chain is whole
     */
    public record Verification(long entries, long unchained, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Walks the whole chain in order and reports the first break. */
    public Verification verify() {
        try {
            client.indices().refresh(r -> r.index(index));
            long expected = 1;
            String prev = START;
            long count = 0;
            Instant chainBegan = null;
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                var hits = client.search(s -> {
                    s.index(index).size(1000).query(q -> q.exists(x -> x.field("seq")))
                            .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, ObjectNode.class).hits().hits();
                for (var h : hits) {
                    ObjectNode doc = h.source();
                    long seq = doc.path("seq").asLong();
                    String problem = null;
                    if (seq > expected) {
                        problem = expected == seq - 1 ? "entry " + expected + " is missing (deleted)"
                                : "entries " + expected + " to " + (seq - 1) + " are missing (deleted)";
                    } else if (seq < expected || !h.id().equals(id(seq))) {
                        problem = "entry " + seq + " is stored under id " + h.id() + " (added or moved outside pobox)";
                    } else if (!signer.verify(canonical(doc), doc.path("mac").asText(null))) {
                        problem = "entry " + seq + " was changed (its mac does not match)";
                    } else if (!prev.equals(doc.path("prev").asText())) {
                        problem = "entry " + seq + " does not follow entry " + (seq - 1) + " (the chain was rebuilt or reordered)";
                    }
                    if (problem != null) {
                        return new Verification(count, unchained(null), problem);
                    }
                    if (chainBegan == null) {
                        chainBegan = Instant.parse(doc.path("at").asText());
                    }
                    prev = doc.path("mac").asText();
                    expected = seq + 1;
                    count++;
                }
                if (hits.size() < 1000) {
                    break;
                }
                after = hits.get(hits.size() - 1).sort();
            }
            Heads.Head witnessed = Heads.read(headFile);
            if (witnessed != null && witnessed.seq() >= expected) {
                return new Verification(count, unchained(null), witnessed.seq() == expected
                        ? "entry " + expected + " is missing (deleted; this host wrote it)"
                        : "entries " + expected + " to " + witnessed.seq() + " are missing (deleted; this host wrote up to "
                        + witnessed.seq() + ")");
            }
            long late = chainBegan == null ? 0 : unchained(chainBegan);
            if (late > 0) {
                return new Verification(count, unchained(null), late + " entries without a place in the chain are dated "
                        + "after it began (added outside pobox)");
            }
            return new Verification(count, unchained(null), null);
        } catch (IOException ex) {
            throw new EngineUnavailableException("cannot read the audit: " + ex.getMessage(), ex);
        }
    }

    /** Entries without a number (from before the chain), all or those dated from {@code since} on. */
    private long unchained(Instant since) throws IOException {
        return client.count(c -> c.index(index).query(q -> q.bool(b -> {
            b.mustNot(m -> m.exists(x -> x.field("seq")));
            if (since != null) {
                b.filter(f -> f.range(r -> r.date(d -> d.field("at").gte(since.toString()))));
            }
            return b;
        }))).count();
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
