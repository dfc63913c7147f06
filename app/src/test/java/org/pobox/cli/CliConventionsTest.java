package org.pobox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pobox.support.Console;

/** What cron, systemd and a shell script rely on: the version, the exit status, a progress line that suits its reader. */
class CliConventionsTest {

    @AfterEach
    void clear() {
        System.clearProperty("pobox.es.url");
    }

    @Test
    void versionIsTheOneMavenBuilt() {
        String out = Console.stdout(() -> assertThat(PoboxCli.execute("--version")).isZero());
        assertThat(out).startsWith("pobox " + System.getProperty("pobox.expectedVersion") + System.lineSeparator());
    }

    @Test
    void anUnexpectedFailureExitsTwoWithOneReadableLineNotOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // search handles no engine failure itself: what reaches the command line is unexpected
        System.setProperty("pobox.es.url", "http://127.0.0.1:" + closedPort);
        int[] exit = new int[1];
        String printed = Console.stdoutAndErr(() -> exit[0] = PoboxCli.execute("search", "补偿款"));
        assertThat(exit[0]).as(printed).isEqualTo(2);
        assertThat(printed).contains("pobox search: could not run: ").doesNotContain("\tat org.");
    }

    @Test
    void aBadCommandLineExitsTwo() {
        assertThat(Console.stdoutAndErr(() -> assertThat(PoboxCli.execute("batch", "--no-such-option")).isEqualTo(2)))
                .contains("--no-such-option");
    }

    @Test
    void offATerminalProgressIsAPlainLineEveryMinuteAndTheLastStateAtTheEnd() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        for (int i = 1; i <= 150; i++) {
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            line.show("files " + i + "/150");
        }
        line.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r")
                .isEqualTo("files 60/150\nfiles 120/150\nfiles 150/150\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void onATerminalProgressIsOneLineDrawnAgain() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, System::nanoTime);
        line.show("files 1/2");
        line.show("files 2/2");
        line.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rfiles 1/2").contains("\rfiles 2/2").endsWith(System.lineSeparator());
        assertThat(out.split(System.lineSeparator(), -1)).as("one line, ended once").hasSize(2);
    }
}
