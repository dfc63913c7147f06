package org.pobox.understand;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

/**
 * Runs {@link DevsetEvaluate} from Maven: {@code -Dtest=DevsetEvaluateRun -Ddevset=true}
 * ({@code -Dpobox.devset=DIR} for another folder); skipped otherwise or when the devset is absent.
 */
class DevsetEvaluateRun {
    @Test
    @Tag("bench")
    void run() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("devset"), "run with -Ddevset=true");
        Assumptions.assumeTrue(Files.exists(DevsetEvaluate.devsetDir().resolve("letters.jsonl")),
                "no devset at " + DevsetEvaluate.devsetDir());
        DevsetEvaluate.main(new String[0]);
    }
}
