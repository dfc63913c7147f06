package org.pobox.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.pobox.config.DataFolders;
import org.pobox.config.PoboxConfig;
import org.pobox.intake.Inbox;
import org.pobox.node.EngineClient;
import org.pobox.pipeline.BatchLock;
import org.pobox.pipeline.BatchResult;
import picocli.CommandLine.Command;

/** {@code pobox status}: what waits, what is being processed, what failed, the engine, the last batch. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Backlog, files in progress, failures, search engine health and the last batch's result.")
final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        PoboxConfig config = PoboxConfig.load();
        Inbox box = new Inbox(config.inbox(), config.path("pobox.work"), Pattern.compile(config.get("pobox.intake.exclude")));
        // every file that is anywhere but archive/ and failed/ is counted here: taken or not
        List<String> inbox = files(config.inbox()).stream().filter(box::accept).toList();
        List<String> notTaken = box.notTaken();
        List<String> work = files(box.work());
        List<String> legacy = box.legacyWork().map(StatusCommand::filesQuietly).orElse(List.of());
        List<String> failed = files(config.failed()).stream().filter(n -> !n.endsWith(".reason")).toList();
        Path lockFile = config.path("pobox.batch.lock");
        boolean running = BatchLock.isHeld(lockFile);

        System.out.printf("backlog: %d files waiting in %s%n", inbox.size() + notTaken.size(), config.inbox());
        if (!notTaken.isEmpty()) {
            System.out.printf("  %d of them not taken yet:%n", notTaken.size());
            for (String why : notTaken.subList(0, Math.min(10, notTaken.size()))) {
                System.out.printf("  %s%n", why);
            }
        }
        System.out.printf("processing: %s, %d files in %s%n",
                running ? BatchLock.holderDoing(lockFile) : "no batch running",
                work.size(), box.work());
        if (!legacy.isEmpty()) {
            System.out.printf("  %d files in %s, left by an older pobox: back in the inbox when pobox runs next%n",
                    legacy.size(), box.legacyWork().orElseThrow());
        }
        System.out.printf("failures: %d files in %s%n", failed.size(), config.failed());
        for (String f : failed.subList(Math.max(0, failed.size() - 5), failed.size())) {
            System.out.printf("  %s: %s%n", f, reason(config.failed().resolve(f + ".reason")));
        }
        System.out.println("search engine: " + engineHealth(config));
        List<Path> open = DataFolders.openToOthers(config, 6);
        if (open.isEmpty()) {
            System.out.println("permissions: owner-only");
        } else {
            // the next run, batch or serve sets them again; until then other accounts can read these
            System.out.printf("permissions: WARNING %s open to other accounts (want 0700 folders, 0600 keys); "
                    + "`pobox run`, `batch` or `serve` set them at start, or chmod -R go= them%n",
                    open.size() >= 6 ? "these and more are" : open.size() == 1 ? "this is" : "these are");
            open.stream().limit(5).forEach(p -> System.out.printf("  %s%n", p));
        }
        BatchResult last = BatchResult.load(config.path("pobox.batch.lastResult"));
        if (last == null) {
            System.out.println("last batch: none yet");
        } else {
            System.out.printf("last batch: %s → %s, exit %d (%s): %d files, %d indexed, %d already indexed, %d failed, %d pages%n",
                    last.startedAt(), last.endedAt(), last.exitCode(), last.outcome(), last.files(), last.indexed(),
                    last.alreadyIndexed(), last.failed(), last.pages());
        }
        return 0;
    }

    static String engineHealth(PoboxConfig config) {
        String url = config.externalEngineUrl();
        if (url.isEmpty()) {
            url = "http://127.0.0.1:" + config.get("pobox.node.port");
        }
        try (EngineClient client = org.pobox.node.SearchEngine.connectExternal(config, url, org.pobox.keys.Keys.of(config))) {
            org.elasticsearch.client.Response r = client.rest().performRequest(
                    new org.elasticsearch.client.Request("GET", "/_cluster/health"));
            String status = org.pobox.letter.Json.MAPPER.readTree(r.getEntity().getContent()).path("status").asText("?");
            return status + " at " + url;
        } catch (RuntimeException | IOException e) {
            return "unreachable at " + url;
        }
    }

    private static String reason(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no reason file)";
        }
    }

    private static List<String> filesQuietly(Path dir) {
        try {
            return files(dir);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
