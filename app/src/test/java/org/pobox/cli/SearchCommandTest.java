package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pobox.support.TestEngine;

/** {@code pobox search} before anything was indexed: a plain answer, not an engine stack trace. */
class SearchCommandTest {

    @AfterEach
    void clear() {
        System.clearProperty("pobox.index.alias");
        System.clearProperty("pobox.es.url");
    }

    @Test
    void searchingBeforeTheFirstBatchSaysNothingIsIndexedYet() {
        System.setProperty("pobox.es.url", TestEngine.client().url());
        System.setProperty("pobox.index.alias", "never-indexed-" + System.nanoTime());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        int status;
        try {
            status = PoboxCli.execute("search", "补偿款");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("0 letters match").contains("nothing is indexed yet")
                .doesNotContain("Exception");
    }
}
