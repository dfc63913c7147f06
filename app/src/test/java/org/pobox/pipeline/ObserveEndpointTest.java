package org.pobox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.config.PoboxConfig;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;

/** What `pobox run` exposes to monitoring: Camel's health checks and metrics on the management port. */
class ObserveEndpointTest {

    @TempDir
    Path dir;

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() throws Exception {
        int port = TestEngine.freePort();
        PoboxConfig config = TestPobox.config(dir, "letters_observe")
                .with("camel.management.enabled", "true")
                .with("camel.management.port", String.valueOf(port));
        try (Pipeline pipeline = new Pipeline(config, TestEngine.client()).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest healthRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build();
            HttpResponse<String> health = http.send(healthRequest, HttpResponse.BodyHandlers.ofString());
            // DOWN (503) until the intake's file consumer has polled once
            for (int i = 0; i < 40 && health.statusCode() == 503; i++) {
                Thread.sleep(250);
                health = http.send(healthRequest, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
            assertThat(metrics.body()).contains("camel_exchanges");
        }
    }
}
