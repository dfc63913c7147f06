package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;
import org.pobox.search.Access;
import org.pobox.search.LetterFinder;
import org.pobox.search.SearchRequest;
import org.pobox.support.LetterSearch;
import org.pobox.support.TestEngine;

/** pobox reindex: a new versioned index, the alias swapped, letters and their registration numbers kept. */
class ReindexerTest {

    @Test
    void reindexMovesTheAliasToTheNextVersionAndKeepsRegistrationNumbers() throws Exception {
        EngineClient engine = TestEngine.client();
        String alias = "letters_reindex";
        LetterIndex index = new LetterIndex(engine, alias, 1);
        index.ensureExists();
        for (int i = 1; i <= 3; i++) {
            Request put = new Request("PUT", "/" + alias + "/_doc/id" + i);
            put.setJsonEntity("{\"id\":\"id" + i + "\",\"registration_no\":\"SD10JM-2020-000" + i
                    + "\",\"received_at\":\"2020-05-20T01:00:00Z\",\"text\":\"征地补偿款被截留第" + i + "封\"}");
            engine.rest().performRequest(put);
        }
        index.refresh();

        Reindexer.Result r = new Reindexer(engine, alias).reindex();

        assertThat(r.from()).isEqualTo(alias + "-v1");
        assertThat(r.to()).isEqualTo(alias + "-v2");
        assertThat(r.documents()).isEqualTo(3);
        assertThat(new Reindexer(engine, alias).currentIndex()).isEqualTo(alias + "-v2");
        assertThat(KillNineTest.registrationNumbers(engine, alias)).isEqualTo(Map.of(
                "id1", "SD10JM-2020-0001", "id2", "SD10JM-2020-0002", "id3", "SD10JM-2020-0003"));
        assertThat(new LetterSearch(engine, alias).search("征地补偿款", 10).hits()).hasSize(3);
        // and again: v3, the old ones kept
        assertThat(new Reindexer(engine, alias).reindex().to()).isEqualTo(alias + "-v3");
    }

    /**
     * Issue 14: an index made with the old analysis (the built-in {@code cjk} analyzer) does not
     * find a phrase that crosses a line break; {@code pobox reindex --copy} copies it into an
     * index with the current mapping, swaps the alias, and then it does.
     */
    @Test
    void reindexCopyUpgradesAnOldIndexToTheCurrentAnalysis() throws Exception {
        EngineClient engine = TestEngine.client();
        String alias = "letters_upgrade";
        Request old = new Request("PUT", "/" + alias + "-v1");
        old.setJsonEntity("{\"aliases\":{\"" + alias + "\":{}},\"mappings\":{\"properties\":{\"id\":{\"type\":\"keyword\"},"
                + "\"text\":{\"type\":\"text\",\"analyzer\":\"cjk\",\"term_vector\":\"with_positions_offsets\","
                + "\"fields\":{\"smartcn\":{\"type\":\"text\",\"analyzer\":\"smartcn\"}}}}}}");
        engine.rest().performRequest(old);
        Request put = new Request("PUT", "/" + alias + "/_doc/broken?refresh=true");
        put.setJsonEntity("{\"id\":\"broken\",\"text\":\"村支书邓志德脱离\\n群众，遇事从不商量。\"}");
        engine.rest().performRequest(put);
        assertThat(phraseHits(engine, alias, "脱离群众")).isZero();
        // the investigators' search works on the old index meanwhile (without the new analyzers)
        assertThat(new LetterFinder(engine, alias).search(SearchRequest.of("遇事从不商量"), Access.INVESTIGATOR).total())
                .isEqualTo(1);
        new LetterIndex(engine, alias, 1).ensureExists(); // as a batch starts: works on, logs that it is old

        Reindexer.Result r = new Reindexer(engine, alias).reindex();

        assertThat(r.to()).isEqualTo(alias + "-v2");
        assertThat(phraseHits(engine, alias, "脱离群众")).isEqualTo(1);
        assertThat(phraseHits(engine, alias, "脫離群眾")).isEqualTo(1);
        assertThat(new LetterFinder(engine, alias).search(SearchRequest.of("\"脱离群众\""), Access.INVESTIGATOR).total())
                .isEqualTo(1);
    }

    private static long phraseHits(EngineClient engine, String alias, String phrase) throws Exception {
        return engine.client().search(s -> s.index(alias).query(q -> q.matchPhrase(m -> m.field("text").query(phrase))),
                Map.class).hits().total().value();
    }
}
