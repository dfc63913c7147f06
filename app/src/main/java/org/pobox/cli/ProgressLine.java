package org.pobox.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A long command's progress on stderr. On a terminal, one line drawn again in place ({@code \r}) at
 * every step. Anywhere else (cron's mail, a log file, systemd's journal) a {@code \r} line would be
 * one endless line of overwrites, so it is a plain line now and then ({@link #PLAIN_EVERY}) and the
 * last state at the end; the command's summary follows on stdout.
 */
final class ProgressLine {

    static final Duration PLAIN_EVERY = Duration.ofMinutes(1);

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private long lastPlain;
    private String last;
    private boolean printedLast;

    ProgressLine(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.lastPlain = nanoClock.getAsLong();
    }

    /** On stderr; a terminal when the JVM has a console (stdin and stdout are a terminal). */
    static ProgressLine onStderr() {
        return new ProgressLine(System.err, System.console() != null, System::nanoTime);
    }

    boolean terminal() {
        return terminal;
    }

    void show(String line) {
        last = line;
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
            return;
        }
        long now = nanoClock.getAsLong();
        printedLast = false;
        if (now - lastPlain >= PLAIN_EVERY.toNanos()) {
            out.println(line);
            lastPlain = now;
            printedLast = true;
        }
    }

    /** Ends the line on a terminal; elsewhere prints the last state unless it was just printed. */
    void end() {
        if (terminal) {
            out.println();
        } else if (last != null && !printedLast) {
            out.println(last);
        }
        out.flush();
    }
}
