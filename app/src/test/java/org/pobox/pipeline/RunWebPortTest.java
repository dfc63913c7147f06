package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.support.TestEngine;

/** {@code pobox run} serves its web page on {@code pobox.web.port}, also when that is not 8080. */
class RunWebPortTest {

    @TempDir
    Path dir;

    @Test
    void runServesTheWebPageOnTheConfiguredPort() throws Exception {
        BatchChild child = new BatchChild(dir, TestEngine.client().url(), "letters_runweb");
        int port = TestEngine.freePort();
        child.settings.put("pobox.web.port", String.valueOf(port));
        child.settings.put("camel.management.port", String.valueOf(TestEngine.freePort()));
        Process run = child.start("run");
        try {
            while (!child.output().contains("pobox watching") && run.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(run.isAlive()).as("run ended: %s", child.output()).isTrue();
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
        } finally {
            run.destroy();
            run.waitFor(2, TimeUnit.MINUTES);
        }
    }
}
