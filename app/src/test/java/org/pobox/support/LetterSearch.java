package org.pobox.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * Full-text search over the letters. Every word the user types must match; each is looked up in
 * both analyses of the text (cjk bigrams, which never miss a character sequence, and smartcn
 * words, which rank real words higher), and exact phrases score best.
 */
public class LetterSearch {

    private final ElasticsearchClient client;
    private final String alias;

    public LetterSearch(EngineClient engine, String alias) {
        this.client = engine.client();
        this.alias = alias;
    }

    public Results search(String queryText, int size) {
        List<String> words = List.of(queryText.trim().split("\\s+"));
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        for (String w : words) {
            if (w.isBlank()) {
                continue;
            }
            must.add(Query.of(q -> q.multiMatch(m -> m.query(w).fields("text", "text.smartcn")
                    .type(TextQueryType.MostFields).operator(Operator.And))));
            should.add(Query.of(q -> q.matchPhrase(p -> p.field("text").query(w).boost(2f))));
        }
        try {
            SearchResponse<Map> resp = client.search(s -> s.index(alias).size(size)
                    .query(q -> q.bool(b -> b.must(must).should(should)))
                    .source(src -> src.filter(f -> f.includes("id", "file_names", "received_at", "page_count",
                            "ocr_confidence")))
                    .highlight(h -> h.preTags("【").postTags("】").fragmentSize(60).numberOfFragments(3)
                            .fields(NamedValue.of("text", HighlightField.of(f -> f.matchedFields("text", "text.smartcn").type("fvh"))))),
                    Map.class);
            List<Result> results = new ArrayList<>();
            for (Hit<Map> hit : resp.hits().hits()) {
                Map<?, ?> src = hit.source();
                List<String> snippets = hit.highlight().getOrDefault("text", List.of());
                results.add(new Result(hit.id(), hit.score() == null ? 0 : hit.score(),
                        src == null ? List.of() : listOf(src.get("file_names")),
                        src == null ? null : String.valueOf(src.get("received_at")),
                        src == null || src.get("page_count") == null ? 0 : ((Number) src.get("page_count")).intValue(),
                        snippets));
            }
            long total = resp.hits().total() == null ? results.size() : resp.hits().total().value();
            return new Results(total, results);
        } catch (IOException e) {
            throw new EngineUnavailableException("search failed: " + e.getMessage(), e);
        }
    }

    private static List<String> listOf(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o));
    }

    /** One matching letter, with highlighted snippets (hits between 【 and 】). */
    public record Result(String id, double score, List<String> fileNames, String receivedAt, int pageCount,
                         List<String> snippets) {
    }

    public record Results(long total, List<Result> hits) {
    }
}
