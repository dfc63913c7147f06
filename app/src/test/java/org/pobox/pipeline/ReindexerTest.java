package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;
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
}
