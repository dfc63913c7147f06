package org.pobox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pobox.config.HttpGet;
import org.pobox.config.PoboxConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one letter through the API, under your account's rules (and on the audit).",
                "Needs a running `pobox serve`/`pobox run` and an API token (pobox user token NAME)."})
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The letter's id (SHA-256)")
    String id;
    @Option(names = "--token", description = "API token (default: env POBOX_TOKEN)")
    String token;
    @Option(names = "--url", description = "pobox's web address (default: pobox.web.url, or http://127.0.0.1:<pobox.web.port>)")
    String url;

    @Override
    public Integer call() throws Exception {
        PoboxConfig config = PoboxConfig.load();
        String t = token != null ? token : System.getenv("POBOX_TOKEN");
        if (t == null || t.isBlank()) {
            System.err.println("pobox show: no API token (use --token or POBOX_TOKEN; make one with `pobox user token NAME`)");
            return 2;
        }
        String base = url != null ? url : config.get("pobox.web.url",
                "http://127.0.0.1:" + config.get("pobox.web.port", "8080"));
        HttpGet.Answer resp;
        try {
            resp = HttpGet.get(base + "/api/letters/" + id, java.util.Map.of("Authorization", "Bearer " + t),
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
        } catch (java.net.ConnectException e) {
            System.err.println("pobox show: nothing answers at " + base + ": start `pobox serve` (or `pobox run`) first, or give --url");
            return 2;
        }
        JsonNode l = new ObjectMapper().readTree(resp.body());
        if (resp.status() != 200) {
            System.err.println("pobox show: " + resp.status() + " " + l.path("error").asText());
            return resp.status() == 404 ? 1 : 2;
        }
        System.out.printf("%s  %s%n", l.path("registration_no").asText("-"), l.path("id").asText());
        for (String f : new String[] {"received_at", "letter_date", "postmark_date", "subject", "subjects", "discipline", "region", "target_level", "in_scope",
                "signed", "late", "needs_review", "sealed", "page_count", "ocr_confidence"}) {
            if (l.has(f)) {
                System.out.printf("  %-14s %s%n", f, l.get(f).isTextual() ? l.get(f).asText() : l.get(f).toString());
            }
        }
        if (l.has("reporter")) {
            System.out.printf("  %-14s %s%n", "reporter", l.get("reporter"));
        }
        JsonNode dup = l.path("duplicates");
        if (dup.path("repeat_count").asInt() > 0) {
            System.out.printf("  %-14s %d (first %s)%n", "repeats", dup.path("repeat_count").asInt(), dup.path("first").asText());
        }
        for (JsonNode p : l.path("pages")) {
            System.out.printf("%n--- page %d  confidence %.2f%s%n", p.path("number").asInt(), p.path("confidence").asDouble(),
                    p.path("low_confidence").asBoolean() ? "  LOW: check the scan" : "");
            System.out.println(p.path("text").asText());
            if (p.hasNonNull("transcript")) {
                System.out.println("--- transcript:\n" + p.path("transcript").asText());
            }
        }
        return 0;
    }
}
