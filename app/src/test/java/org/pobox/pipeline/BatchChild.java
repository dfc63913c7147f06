package org.pobox.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pobox.config.PoboxConfig;

/**
 * {@code pobox batch} as cron starts it: a child JVM on the test classpath, its folders under one
 * temporary directory, pointed at a real engine node. Its output goes to a file per run.
 */
final class BatchChild {

    final Path dir;
    final Map<String, String> settings = new LinkedHashMap<>();
    private int runs;

    /** Where the child runs: not its home, so nothing may depend on the working directory. */
    private Path workingDir;

    /**
     * pobox as a user has it: POBOX_HOME is {@code dir} and every folder is the default relative
     * one ({@code inbox}, {@code work}, {@code archive}, {@code failed}, {@code data/...}), started
     * from another directory. Only what the checkout provides (seeds, models) is pointed at it.
     */
    static BatchChild defaults(Path dir, String engineUrl, String alias) {
        BatchChild child = new BatchChild(dir, engineUrl, alias, false);
        Path checkout = Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize();
        child.settings.put("pobox.home", dir.toString());
        child.settings.put("pobox.seeds", checkout.resolve("seeds").toString());
        child.settings.put("pobox.ocr.paddle.models", checkout.resolve("models/paddle").toString());
        child.settings.put("pobox.logDir", dir.resolve("logs").toString()); // as bin/pobox sets it
        child.workingDir = dir.resolveSibling(dir.getFileName() + "-cwd");
        return child;
    }

    /** Every folder set to an absolute path under {@code dir}, as a test-made configuration would. */
    BatchChild(Path dir, String engineUrl, String alias) {
        this(dir, engineUrl, alias, true);
    }

    private BatchChild(Path dir, String engineUrl, String alias, boolean absoluteFolders) {
        this.dir = dir;
        if (absoluteFolders) {
            absoluteFolders();
        }
        settings.put("pobox.index.alias", alias);
        settings.put("pobox.intake.stableMs", "300");
        settings.put("pobox.intake.pollMs", "200");
        settings.put("pobox.ocr.workers", "2");
        settings.put("pobox.es.url", engineUrl);
        settings.put("pobox.keys", org.pobox.support.TestEngine.keys().dir().toString());
    }

    private void absoluteFolders() {
        settings.put("pobox.home", Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize().toString());
        settings.put("pobox.inbox", dir.resolve("inbox").toString());
        settings.put("pobox.work", dir.resolve("work").toString());
        settings.put("pobox.archive", dir.resolve("archive").toString());
        settings.put("pobox.failed", dir.resolve("failed").toString());
        settings.put("pobox.register.file", dir.resolve("data/register.log").toString());
        settings.put("pobox.batch.lock", dir.resolve("data/batch.lock").toString());
        settings.put("pobox.batch.lastResult", dir.resolve("data/last-batch.json").toString());
        settings.put("pobox.logDir", dir.resolve("logs").toString());
    }

    /** The same settings for code in this JVM (to read the register, the index, ...). */
    PoboxConfig config() {
        java.util.Properties p = new java.util.Properties();
        p.putAll(settings);
        return PoboxConfig.load(Map.of(), p);
    }

    Process start(String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dfile.encoding=UTF-8"));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("org.pobox.cli.PoboxCli");
        cmd.addAll(List.of(args));
        Files.createDirectories(out());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out().resolve("run-" + (++runs) + ".txt").toFile());
        if (workingDir != null) {
            pb.directory(Files.createDirectories(workingDir).toFile());
        }
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb.start();
    }

    /** The runs' console output: beside the home, not in it, so the home holds only what pobox made. */
    private Path out() {
        return dir.resolveSibling(dir.getFileName() + "-out");
    }

    /** What the last run printed. */
    String output() throws IOException {
        return Files.readString(out().resolve("run-" + runs + ".txt"), StandardCharsets.UTF_8);
    }

    String output(int run) throws IOException {
        return Files.readString(out().resolve("run-" + run + ".txt"), StandardCharsets.UTF_8);
    }

    static List<String> list(Path folder) throws IOException {
        return org.pobox.support.TestPobox.list(folder);
    }
}
