package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pobox.support.Console;
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
        String printed = Console.stdoutAndErr(() -> assertThat(PoboxCli.execute("search", "补偿款")).isEqualTo(1));
        assertThat(printed).contains("0 letters match").contains("nothing is indexed yet")
                .doesNotContain("Exception");
    }
}
