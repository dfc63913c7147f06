package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;
import org.pobox.support.TestEngine;
import org.pobox.understand.Understander;
import org.pobox.understand.round.Seeds;

/**
 * A correction changes the stored label, and the next {@code pobox train} learns it: a letter the
 * taxonomy's phrases cannot place is then classified as the investigators said.
 */
class TrainCommandTest {

    private static final String ALIAS = "letters_train";
    /** No taxonomy phrase in these: only the learned model can place them. */
    private static final String POND = "村里的大水塘被人填平，盖起了一排门头房，大家都说不清是怎么回事。";
    private static final String OTHER = "今年夏天雨水多，村东头的小路经常积水，老人孩子出门很不方便。";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        for (String key : List.of("pobox.index.alias", "pobox.es.url", "pobox.understand.model")) {
            System.clearProperty(key);
        }
    }

    @Test
    void aCorrectionFeedsTheNextTrainingRun() throws Exception {
        EngineClient engine = TestEngine.client();
        LetterIndex index = new LetterIndex(engine, ALIAS, 1);
        index.ensureExists();
        for (int i = 0; i < 4; i++) {
            put(engine, "pond-" + i, POND + "第" + i + "次反映。", "其他");
            put(engine, "road-" + i, OTHER + "第" + i + "次反映。", "其他");
        }
        index.refresh();
        CorrectionStore corrections = new CorrectionStore(engine, ALIAS);
        for (int i = 0; i < 4; i++) {
            corrections.add(CorrectionStore.now("pond-" + i, "subject", "滥用职权失职渎职", "其他", null, "inv1"));
        }
        index.refresh();
        assertThat(index.labelledLetters()).filteredOn(l -> l.id().startsWith("pond"))
                .allSatisfy(l -> assertThat(l.subject()).isEqualTo("滥用职权失职渎职"));

        Path model = dir.resolve("subject-model.json");
        Map.of("pobox.index.alias", ALIAS, "pobox.es.url", engine.url(), "pobox.understand.model", model.toString())
                .forEach(System::setProperty);
        assertThat(PoboxCli.execute("train")).isEqualTo(0);

        Understander reader = Understander.fromSeeds(Seeds.defaultDir(), model);
        assertThat(reader.understand(POND, null, Instant.now()).subject()).isEqualTo("滥用职权失职渎职");
        assertThat(reader.understand(OTHER, null, Instant.now()).subject()).isEqualTo("其他");
    }

    private static void put(EngineClient engine, String id, String text, String subject) throws Exception {
        engine.client().index(r -> r.index(ALIAS).id(id).document(Map.of("id", id, "text", text, "subject", subject)));
    }
}
