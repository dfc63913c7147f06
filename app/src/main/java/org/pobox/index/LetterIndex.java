package org.pobox.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.pobox.keys.FieldCipher;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;
import org.pobox.understand.duplicates.DuplicateSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The letters index: an alias ({@code letters}) over a versioned index ({@code letters-v1}), so a
 * mapping change is a reindex into {@code letters-v2} and an alias swap, never a hand migration.
 */
public class LetterIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LetterIndex.class);

    private final EngineClient engine;
    private final ElasticsearchClient client;
    private final FieldCipher reporters;
    private final String alias;
    private final int version;

    public LetterIndex(EngineClient engine, String alias, int version) {
        this.engine = engine;
        this.client = engine.client();
        this.reporters = engine.keys().reporters();
        this.alias = alias;
        this.version = version;
    }

    /** The same operations on another index: the one {@code pobox reindex} is building. */
    public LetterIndex in(String index) {
        return index == null || index.equals(alias) ? this : new LetterIndex(engine, index, 0);
    }

    public String alias() {
        return alias;
    }

    public String versionedName() {
        return alias + "-v" + version;
    }

    /** Creates the versioned index and its alias unless the alias already exists. */
    public void ensureExists() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                addNewFields();
                warnIfOldAnalysis();
                return;
            }
            String index = versionedName();
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).withJson(new java.io.StringReader(LetterMapping.json())));
                LOG.info("created index {}", index);
            }
            client.indices().putAlias(a -> a.index(index).name(alias));
            LOG.info("alias {} -> {}", alias, index);
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot prepare index " + alias + ": " + e.getMessage(), e);
        }
    }

    /**
     * An index made before a field was added to the mapping gets that field's mapping now (adding
     * a field is allowed in place; changing one needs {@code pobox reindex}). Without it, a keyword
     * such as {@code page_group} would be mapped as analysed text by the first document carrying it.
     */
    private void addNewFields() throws IOException {
        com.fasterxml.jackson.databind.JsonNode mapping = LetterMapping.properties();
        ObjectNode added = Json.MAPPER.createObjectNode();
        for (String field : List.of("page_group", "page_files")) {
            added.set(field, mapping.get(field));
        }
        String body = Json.MAPPER.createObjectNode().set("properties", added).toString();
        try {
            client.indices().putMapping(m -> m.index(alias).withJson(new java.io.StringReader(body)));
        } catch (ElasticsearchException e) {
            // a field of that name exists with another mapping: the index works on, a reindex fixes it
            LOG.warn("index {} keeps its mapping of page_group/page_files: {}", alias, e.getMessage());
        }
    }

    /**
     * An index made before the current analysis (no {@code letter_cjk} analyzer: phrases across a
     * line break and traditional characters are not found) works on as it is; analysis cannot be
     * changed in place, so the log says how to upgrade it.
     */
    private void warnIfOldAnalysis() {
        try {
            org.elasticsearch.client.Request get = new org.elasticsearch.client.Request("GET",
                    "/" + alias + "/_settings/index.analysis.analyzer.letter_cjk.type,index.provided_name");
            com.fasterxml.jackson.databind.JsonNode settings;
            try (InputStream in = engine.rest().performRequest(get).getEntity().getContent()) {
                settings = Json.MAPPER.readTree(in);
            }
            settings.fields().forEachRemaining(index -> {
                // the index's name always comes back, the analyzer only when the index has it
                if (index.getValue().path("settings").path("index").path("analysis").isMissingNode()) {
                    LOG.warn("index {} predates the current text analysis (a phrase across a line break or typed in "
                            + "traditional characters is not found): run `pobox reindex --copy` to upgrade it", index.getKey());
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the analysis of {}: {}", alias, e.getMessage());
        }
    }

    /** Whether a letter with these exact bytes (its SHA-256 id) is already indexed. */
    public boolean contains(String id) {
        try {
            return client.exists(e -> e.index(alias).id(id)).value();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot look up letter " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Remembers that the same bytes arrived again under another name: the letter keeps one
     * document; the name is added to {@code file_names} if new.
     */
    public void addFileName(String id, String fileName) {
        try {
            client.update(u -> u.index(alias).id(id).refresh(Refresh.WaitFor)
                    .script(s -> s.source(src -> src.scriptString(
                                    "if (!ctx._source.file_names.contains(params.n)) { ctx._source.file_names.add(params.n) } else { ctx.op = 'noop' }"))
                            .params("n", co.elastic.clients.json.JsonData.of(fileName))),
                    Map.class);
        } catch (IOException | ElasticsearchException e) {
            throw new EngineUnavailableException("cannot update letter " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first letter of the same matter, if one is indexed: candidates share a MinHash band key
     * (a terms query, no scan of the index), the best confirmed one wins, and a re-sent copy of a
     * re-sent copy links to the original.
     */
    public Candidate firstOfSameMatter(DuplicateSignature signature, String excludeId) {
        try {
            // one should-clause per key: the letters sharing most keys come first, not any 20 of the many
            // letters that share a band of common wording
            List<co.elastic.clients.elasticsearch._types.query_dsl.Query> keys = signature.bandKeys().stream()
                    .map(k -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.term(t -> t.field("dup_keys").value(k))))
                    .toList();
            SearchResponse<ObjectNode> resp = client.search(s -> s.index(alias).size(20)
                    .query(q -> q.bool(b -> b.should(keys).minimumShouldMatch("1")
                            .mustNot(m -> m.ids(i -> i.values(excludeId)))))
                    .source(src -> src.filter(f -> f.includes("dup_sig", "duplicate_of", "received_at"))),
                    ObjectNode.class);
            Candidate best = null;
            double bestScore = 0;
            for (Hit<ObjectNode> hit : resp.hits().hits()) {
                DuplicateSignature other = LetterDocument.signatureOf(hit.source());
                if (!signature.isDuplicateOf(other)) {
                    continue;
                }
                double score = signature.score(other);
                if (score > bestScore) {
                    bestScore = score;
                    String first = hit.source().path("duplicate_of").asText(null);
                    best = new Candidate(first != null ? first : hit.id(), score,
                            "with " + hit.id() + ": " + signature.shared(other));
                }
            }
            return best;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot look for repeats: " + e.getMessage(), e);
        }
    }

    /** Counts one more repeat on the first letter of a matter and returns the new count. */
    public int countRepeat(String firstId) {
        try {
            UpdateResponse<ObjectNode> resp = client.update(u -> u.index(alias).id(firstId).retryOnConflict(5)
                    .source(src -> src.fetch(true))
                    .script(s -> s.source(src -> src.scriptString(
                            "ctx._source.repeat_count = (ctx._source.repeat_count == null ? 0 : ctx._source.repeat_count) + 1"))),
                    ObjectNode.class);
            return resp.get() == null ? 1 : resp.get().source().path("repeat_count").asInt(1);
        } catch (IOException | ElasticsearchException e) {
            throw new EngineUnavailableException("cannot count a repeat on " + firstId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every letter that has a subject, as training data for the subject model: its searchable
     * (masked) text and the subject it carries now, which already includes people's corrections.
     */
    public List<org.pobox.understand.subject.LabelledLetter> labelledLetters() {
        List<org.pobox.understand.subject.LabelledLetter> out = new java.util.ArrayList<>();
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> resp = client.search(s -> {
                    s.index(alias).size(500).sort(o -> o.field(f -> f.field("id")))
                            .query(q -> q.exists(e -> e.field("subject")))
                            .source(src -> src.filter(f -> f.includes("text", "subject")));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, ObjectNode.class);
                List<Hit<ObjectNode>> hits = resp.hits().hits();
                for (Hit<ObjectNode> h : hits) {
                    out.add(new org.pobox.understand.subject.LabelledLetter(h.id(), h.source().path("text").asText(),
                            h.source().path("subject").asText()));
                }
                if (hits.size() < 500) {
                    return out;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read letters for training: " + e.getMessage(), e);
        }
    }

    /** An indexed letter that the new one repeats. */
    public record Candidate(String id, double score, String shared) {
    }

    /**
     * The letter's document as JSON, with its registration number (登记编号, from the register, not
     * part of what OCR makes of a letter). A string rather than a request builder: camel-elasticsearch
     * builds a fresh request from it on each attempt, so a redelivery after an engine outage works
     * (a builder can be used only once).
     */
    public String indexJson(LetterDocument document, String registrationNo) {
        return indexJson(document, registrationNo, null);
    }

    /**
     * As {@link #indexJson(LetterDocument, String)}, with {@code extra} fields set on top: a letter
     * of page files names them ({@code page_group}, {@code page_files}); a letter read again
     * with a late page keeps what it had gained since it was first indexed (sealed, repeat link).
     */
    public String indexJson(LetterDocument document, String registrationNo, ObjectNode extra) {
        ObjectNode doc = document.toJson(reporters);
        if (registrationNo != null) {
            doc.put("registration_no", registrationNo);
        }
        if (extra != null) {
            doc.setAll(extra);
        }
        return doc.toString();
    }

    /**
     * The letter of page files most recently received under this page group ({@code page_group}),
     * with its id in {@code id}, or null. Refreshes first: a letter indexed a moment ago (its
     * quiet period just ended) must be found, or its late page would start a letter of its own.
     */
    public ObjectNode latestOfPageGroup(String pageGroup) {
        try {
            client.indices().refresh(r -> r.index(alias));
            SearchResponse<ObjectNode> resp = client.search(s -> s.index(alias).size(1)
                    .query(q -> q.term(t -> t.field("page_group").value(pageGroup)))
                    .sort(o -> o.field(f -> f.field("received_at").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                    .source(src -> src.filter(f -> f.includes("id", "registration_no", "received_at", "file_names",
                            "page_files", "sealed", "box", "duplicate_of", "repeat_count"))),
                    ObjectNode.class);
            List<Hit<ObjectNode>> hits = resp.hits().hits();
            if (hits.isEmpty()) {
                return null;
            }
            ObjectNode found = hits.get(0).source();
            found.put("id", hits.get(0).id());
            return found;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot look up page group: " + e.getMessage(), e);
        }
    }

    /**
     * The letters indexed under this registration number (one, unless the same bytes became two
     * letters), each with its id in {@code id} and its {@code page_files}. Refreshes first: the
     * letter that held the number a moment ago must be found.
     */
    public List<ObjectNode> numbered(String registrationNo) {
        try {
            client.indices().refresh(r -> r.index(alias));
            SearchResponse<ObjectNode> resp = client.search(s -> s.index(alias).size(10)
                    .query(q -> q.term(t -> t.field("registration_no").value(registrationNo)))
                    .source(src -> src.filter(f -> f.includes("registration_no", "page_files"))), ObjectNode.class);
            List<ObjectNode> out = new java.util.ArrayList<>();
            for (Hit<ObjectNode> h : resp.hits().hits()) {
                out.add(h.source().put("id", h.id()));
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot look up registration number: " + e.getMessage(), e);
        }
    }

    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        try {
            return client.count(c -> c.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> ids() {
        try {
            return client.search(s -> s.index(alias).size(10_000).source(src -> src.fetch(false)), Map.class)
                    .hits().hits().stream().map(h -> h.id()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
