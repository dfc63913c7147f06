package org.pobox.understand;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link Evaluate} from Maven: {@code -Dtest=EvaluateRun -Devaluate=true}; skipped otherwise. */
class EvaluateRun {
    @Test
    @Tag("bench")
    void run() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("evaluate"));
        Evaluate.main(new String[] {System.getProperty("evaluate.letters", "2000"),
                System.getProperty("evaluate.rate", "0.10"), System.getProperty("evaluate.out", "target/understand-eval.md"),
                System.getProperty("evaluate.ocr", "0")});
    }
}
