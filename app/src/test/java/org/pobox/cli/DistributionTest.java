package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.support.TestEngine;
import org.pobox.support.TestPobox;

/**
 * pobox as the README deploys it: the program installed in one place (the distribution's layout:
 * bin/, lib/, node/lib/, seeds/), the data in another (POBOX_HOME), and every command started from
 * a third, unrelated working directory, as cron does. Each command is the real bin/pobox in its own
 * JVM with a time limit; a command that hangs (the intake watching ./inbox) fails the test.
 */
class DistributionTest {

    private static final Path CHECKOUT = Path.of(System.getProperty("pobox.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void installedApartFromItsDataAndRunFromElsewhereEveryCommandUsesTheDataHome() throws Exception {
        Path install = install(dir.resolve("opt/pobox"));
        Path home = Files.createDirectories(dir.resolve("srv/pobox"));
        Path cwd = Files.createDirectories(dir.resolve("home/mailroom"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        TestPobox.drop(CHECKOUT.resolve("seeds/samples/letter-1-land-compensation.png"), inbox, "a.png");
        TestPobox.drop(CHECKOUT.resolve("seeds/samples/letter-2-subsistence-allowance.jpg"), inbox, "b.jpg");
        Map<String, String> env = new HashMap<>();
        env.put("POBOX_HOME", home.toString());
        env.put("POBOX_NODE_PORT", String.valueOf(TestEngine.freePort()));
        // relative, as a user would write it: must mean $POBOX_HOME/inbox, for Camel's intake too
        env.put("POBOX_INBOX", "inbox");
        env.put("POBOX_CDS", "off");
        env.put("POBOX_JAVA_OPTS", "-Xmx1g");
        env.put("POBOX_OCR_WORKERS", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Bin pobox = new Bin(install.resolve("bin/pobox"), cwd, env, dir.resolve("out"));

        assertThat(pobox.run(Duration.ofMinutes(1), "--version").stdout())
                .startsWith("pobox " + System.getProperty("pobox.expectedVersion"));
        try {
            Result node = pobox.run(Duration.ofMinutes(3), "node", "start");
            assertThat(node.exit()).as(node.toString()).isZero();

            Result batch = pobox.run(Duration.ofMinutes(5), "batch");
            assertThat(batch.exit()).as(batch.toString()).isZero();
            assertThat(batch.stdout()).contains("indexed 2, already indexed 0, failed 0");
            // not a terminal: no progress line drawn again with \r into cron's mail
            assertThat(batch.stdout() + batch.stderr()).doesNotContain("\r");
            assertThat(TestPobox.list(inbox)).isEmpty();
            assertThat(TestPobox.list(home.resolve("archive"))).hasSize(2);
            assertThat(home.resolve("logs/pobox.log")).isRegularFile();

            Result status = pobox.run(Duration.ofMinutes(2), "status");
            assertThat(status.exit()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("backlog: 0 files").contains("exit 0 (all indexed)");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            Result report = pobox.run(Duration.ofMinutes(2), "report", "--date", today.toString());
            assertThat(report.exit()).as(report.toString()).isZero();
            assertThat(TestPobox.list(home.resolve("reports"))).contains("report-" + today + ".html");

            servesTheWebPageOnAllAddressesAndAnswersTheHealthCheck(pobox, env);
        } finally {
            pobox.run(Duration.ofMinutes(1), "node", "stop");
        }
        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left).as("nothing in the working directory").isEmpty();
        }
    }

    /** What the container runs: `pobox run` with the web page on 0.0.0.0, health on the management port. */
    private void servesTheWebPageOnAllAddressesAndAnswersTheHealthCheck(Bin pobox, Map<String, String> env) throws Exception {
        int web = TestEngine.freePort();
        int management = TestEngine.freePort();
        env.put("POBOX_WEB_HOST", "0.0.0.0");
        env.put("POBOX_WEB_PORT", String.valueOf(web));
        env.put("CAMEL_MANAGEMENT_PORT", String.valueOf(management));
        Process run = pobox.start("run");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && run.isAlive()) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/observe/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            assertThat(health).as("the health endpoint answered (run alive: %s)", run.isAlive()).isNotNull();
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            // reached on an address other than loopback: what a published container port needs
            String host = nonLoopbackAddress();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + web + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("GET / on %s", host).isEqualTo(200);
            assertThat(page.body()).contains("<html");
        } finally {
            run.destroy();
            if (!run.waitFor(1, TimeUnit.MINUTES)) {
                run.destroyForcibly();
            }
        }
    }

    private static String nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        return "127.0.0.1"; // a machine without a network: loopback is all there is to reach
    }

    /**
     * A copy of pobox in the distribution's layout (src/assembly/dist.xml), from this build's classes
     * and libraries: `package`, which makes the tar.gz, comes after the tests.
     */
    private static Path install(Path to) throws IOException {
        Path bin = Files.createDirectories(to.resolve("bin"));
        for (String f : List.of("pobox", "fetch-models", "models.sha256")) {
            Files.copy(CHECKOUT.resolve("bin").resolve(f), bin.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.setPosixFilePermissions(bin.resolve("pobox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.createDirectories(to.resolve("lib"));
        jar(CHECKOUT.resolve("app/target/classes"), lib.resolve("pobox.jar"));
        linkAll(CHECKOUT.resolve("app/target/lib"), lib);
        Path nodeLib = Files.createDirectories(to.resolve("node/lib"));
        jar(CHECKOUT.resolve("node/target/classes"), nodeLib.resolve("pobox-node.jar"));
        linkAll(CHECKOUT.resolve("node/target/lib"), nodeLib);
        Files.createSymbolicLink(to.resolve("seeds"), CHECKOUT.resolve("seeds"));
        if (Files.isDirectory(CHECKOUT.resolve("models"))) {
            Files.createSymbolicLink(to.resolve("models"), CHECKOUT.resolve("models").toRealPath());
        }
        return to;
    }

    private static void linkAll(Path from, Path to) throws IOException {
        try (Stream<Path> jars = Files.list(from)) {
            for (Path j : jars.toList()) {
                Files.createSymbolicLink(to.resolve(j.getFileName()), j);
            }
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                // directory entries too: Camel finds classpath:routes/*.camel.yaml by listing the folder
                j.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, j);
                }
                j.closeEntry();
            }
        }
    }

    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** bin/pobox started as cron would: its own working directory, only the environment given. */
    record Bin(Path script, Path cwd, Map<String, String> env, Path out) {

        Process start(String... args) throws IOException {
            Files.createDirectories(out);
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.resolve(args[0] + ".out").toFile())
                    .redirectError(out.resolve(args[0] + ".err").toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().putAll(env);
            return pb.start();
        }

        Result run(Duration limit, String... args) throws Exception {
            Process p = start(args);
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("pobox " + String.join(" ", args) + " did not finish in " + limit + ":\n"
                        + read(args[0] + ".out") + "\n" + read(args[0] + ".err") + "\n--- log\n" + logTail());
            }
            return new Result(p.exitValue(), read(args[0] + ".out"), read(args[0] + ".err"));
        }

        private String logTail() throws IOException {
            Path log = Path.of(env.get("POBOX_HOME"), "logs/pobox.log");
            if (!Files.isRegularFile(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        private String read(String name) throws IOException {
            return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
        }
    }
}
