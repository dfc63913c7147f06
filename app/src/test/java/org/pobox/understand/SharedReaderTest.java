package org.pobox.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pobox.letter.Json;
import org.pobox.understand.corpus.GeneratedLetter;
import org.pobox.understand.corpus.LetterGenerator;

/** One reader serves all worker threads: the answers are the same as one thread's. */
class SharedReaderTest {
    @Test
    void fourThreadsGetTheSameAnswersAsOne() throws Exception {
        Understander reader = Readers.RULES_ONLY;
        List<GeneratedLetter> letters = new LetterGenerator(Readers.SEEDS, 21).generate(80);
        List<String> alone = letters.stream().map(l -> json(reader, l)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> shared = letters.stream().map(l -> pool.submit(() -> json(reader, l))).toList();
            for (int i = 0; i < letters.size(); i++) assertThat(shared.get(i).get()).isEqualTo(alone.get(i));
        } finally {
            pool.shutdown();
        }
    }

    private static String json(Understander reader, GeneratedLetter l) {
        try {
            return Json.MAPPER.writeValueAsString(reader.understand(l.body(), l.envelope(), l.receivedAt()))
                    + reader.mask(l.body()) + reader.signature(l.body()).bandKeys();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
