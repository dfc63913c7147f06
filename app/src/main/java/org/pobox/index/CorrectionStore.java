package org.pobox.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * CorrectionStore made by people: written to {@code <alias>-corrections} (the record: who, when,
 * before, after) and applied to the letter. After a reindex, {@link #reapplyAll()} puts every
 * correction back on the new documents; the classifier's training reads {@link #all()}.
 */
public class CorrectionStore {

    /** The fields a person may correct in place. */
    public static final Set<String> FIELDS = Set.of("subject", "subjects", "discipline", "region", "in_scope",
            "forward_to", "targets", "target_level");
    public static final String TRANSCRIPT = "transcript";

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "letter_id":{"type":"keyword"},"field":{"type":"keyword"},
              "value":{"type":"object","enabled":false},"previous":{"type":"object","enabled":false},
              "page":{"type":"integer"},"by":{"type":"keyword"},"at":{"type":"date"}}}""";

    private static final String SET_FIELD = """
            ctx._source[params.f] = params.v;
            if (ctx._source.corrections == null) { ctx._source.corrections = []; }
            ctx._source.corrections.add(['field': params.f, 'by': params.by, 'at': params.at]);""";

    private static final String SET_TRANSCRIPT = """
            String all = '';
            for (p in ctx._source.pages) {
              if (p.number == params.n) { p.transcript = params.v; }
              if (p.transcript != null && p.transcript != '') { all = all + p.transcript + ' '; }
            }
            ctx._source.transcript_text = all;
            if (ctx._source.corrections == null) { ctx._source.corrections = []; }
            ctx._source.corrections.add(['field': 'transcript', 'by': params.by, 'at': params.at]);""";

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;

    public CorrectionStore(EngineClient engine, String lettersAlias) {
        this.client = engine.client();
        this.alias = lettersAlias;
        this.index = SideIndex.name(lettersAlias, "corrections");
        SideIndex.ensure(client, index, MAPPING);
    }

    /** Records the correction and applies it to the letter, visible to the next search. */
    public Correction add(Correction c) {
        if (TRANSCRIPT.equals(c.field())) {
            if (c.page() == null || !(c.value() instanceof String)) {
                throw new IllegalArgumentException("a transcript is text for one page");
            }
        } else if (!FIELDS.contains(c.field())) {
            throw new IllegalArgumentException("field " + c.field() + " cannot be corrected");
        }
        try {
            client.create(r -> r.index(index).id(UUID.randomUUID().toString()).document(c).refresh(Refresh.True));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot record the correction: " + e.getMessage(), e);
        }
        apply(c);
        return c;
    }

    /** Every correction, oldest first. */
    public List<Correction> all() {
        return find(null);
    }

    public List<Correction> forLetter(String letterId) {
        return find(letterId);
    }

    /**
     * The field corrections (not transcripts) in the shape the classifier's training reads
     * ({@link org.pobox.understand.subject.LabelCorrection}): values as text, lists and objects as JSON.
     */
    public List<org.pobox.understand.subject.LabelCorrection> forTraining() {
        List<org.pobox.understand.subject.LabelCorrection> out = new ArrayList<>();
        for (Correction c : all()) {
            if (!TRANSCRIPT.equals(c.field())) {
                out.add(new org.pobox.understand.subject.LabelCorrection(c.letterId(), c.field(), asText(c.previous()),
                        asText(c.value()), c.by(), c.at()));
            }
        }
        return out;
    }

    private static String asText(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        try {
            return v instanceof Boolean || v instanceof Number ? String.valueOf(v) : Json.MAPPER.writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** Puts every recorded correction back on the letters (after a reindex); returns how many. */
    public int reapplyAll() {
        return reapply(alias, null);
    }

    /**
     * Puts the recorded corrections of these letters (all when null) back on their documents in
     * {@code index}, oldest first, as people made them: a rebuilt index before its alias is
     * swapped. Returns how many were applied.
     */
    public int reapply(String index, java.util.Collection<String> letterIds) {
        int n = 0;
        for (Correction c : all()) {
            if (letterIds != null && !letterIds.contains(c.letterId())) {
                continue;
            }
            try {
                apply(c, index);
                n++;
            } catch (EngineUnavailableException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // the letter is not (yet) in the new index: it keeps its correction on record
            }
        }
        return n;
    }

    /**
     * Puts this letter's corrections back on it after it was indexed again (a late page joined
     * it); returns how many.
     */
    public int reapplyTo(String letterId) {
        List<Correction> mine = forLetter(letterId);
        mine.forEach(this::apply);
        return mine.size();
    }

    private void apply(Correction c) {
        apply(c, alias);
    }

    private void apply(Correction c, String target) {
        Map<String, JsonData> params = new HashMap<>();
        params.put("v", JsonData.of(c.value()));
        params.put("by", JsonData.of(c.by()));
        params.put("at", JsonData.of(c.at().toString()));
        String script;
        if (TRANSCRIPT.equals(c.field())) {
            params.put("n", JsonData.of(c.page()));
            script = SET_TRANSCRIPT;
        } else {
            params.put("f", JsonData.of(c.field()));
            script = SET_FIELD;
        }
        try {
            client.update(u -> u.index(target).id(c.letterId()).refresh(Refresh.True)
                    .script(s -> s.source(src -> src.scriptString(script)).params(params)), Map.class);
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot apply the correction: " + e.getMessage(), e);
        }
    }

    private List<Correction> find(String letterId) {
        try {
            client.indices().refresh(r -> r.index(index));
            List<Correction> out = new ArrayList<>();
            var hits = client.search(s -> {
                s.index(index).size(10_000).sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)));
                if (letterId != null) {
                    s.query(q -> q.term(t -> t.field("letter_id").value(letterId)));
                }
                return s;
            }, Map.class).hits().hits();
            for (var h : hits) {
                out.add(Json.MAPPER.convertValue(h.source(), Correction.class));
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read corrections: " + e.getMessage(), e);
        }
    }

    /** Utility for callers that build a correction now. */
    public static Correction now(String letterId, String field, Object value, Object previous, Integer page, String by) {
        return new Correction(letterId, field, value, previous, page, by, Instant.now());
    }
}
