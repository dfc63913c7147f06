package org.pobox.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pobox.node.EngineClient;
import org.pobox.search.Access;
import org.pobox.search.LetterFinder;
import org.pobox.search.LetterReader;
import org.pobox.search.SearchRequest;
import org.pobox.support.TestEngine;

/** CorrectionStore survive a reindex: the letter is written again as the pipeline made it, and reapplyAll puts them back. */
class CorrectionStoreTest {

    @Test
    void correctionsSurviveReindexingAndAreReadableForTraining() throws Exception {
        EngineClient engine = TestEngine.client();
        String alias = "corrections-" + System.nanoTime();
        new LetterIndex(engine, alias, 1).ensureExists();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", "e5");
        doc.put("text", "村干部挪用扶贫资金");
        doc.put("region", "通济");
        doc.put("pages", List.of(Map.of("number", 1, "text", "村干部挪用扶贫资金", "confidence", 0.4)));
        engine.client().index(i -> i.index(alias).id("e5").document(doc).refresh(Refresh.True));

        CorrectionStore corrections = new CorrectionStore(engine, alias);
        corrections.add(CorrectionStore.now("e5", "region", "潮海", "通济", null, "inv"));
        corrections.add(CorrectionStore.now("e5", CorrectionStore.TRANSCRIPT, "手写补充：涉及养殖场补贴", null, 1, "inv"));

        // the pipeline reindexes the letter from its original: the correction is gone from the document ...
        engine.client().index(i -> i.index(alias).id("e5").document(doc).refresh(Refresh.True));
        LetterReader reader = new LetterReader(engine, alias);
        assertThat(reader.stored("e5").orElseThrow().get("region")).isEqualTo("通济");
        // ... and comes back from the corrections index
        assertThat(corrections.reapplyAll()).isEqualTo(2);
        Map<String, Object> after = reader.stored("e5").orElseThrow();
        assertThat(after.get("region")).isEqualTo("潮海");
        assertThat(after.get("transcript_text").toString()).contains("养殖场补贴");
        assertThat(new LetterFinder(engine, alias).search(SearchRequest.of("养殖场补贴"), Access.INVESTIGATOR).total()).isEqualTo(1);

        List<Correction> forTraining = corrections.all();
        assertThat(forTraining).extracting(Correction::field).containsExactly("region", "transcript");
        assertThat(forTraining.get(0).previous()).isEqualTo("通济");
        assertThat(forTraining.get(0).value()).isEqualTo("潮海");
        assertThat(corrections.forTraining()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("region");
            assertThat(c.oldValue()).isEqualTo("通济");
            assertThat(c.newValue()).isEqualTo("潮海");
            assertThat(c.who()).isEqualTo("inv");
        });
    }
}
