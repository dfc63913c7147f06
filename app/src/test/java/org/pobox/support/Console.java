package org.pobox.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a CLI command printed, for tests that run it in-process. */
public final class Console {

    private Console() {
    }

    /** Everything {@code r} printed to standard output. */
    public static String stdout(Runnable r) {
        return capture(r, false);
    }

    /** Everything {@code r} printed to standard output and standard error, interleaved. */
    public static String stdoutAndErr(Runnable r) {
        return capture(r, true);
    }

    private static synchronized String capture(Runnable r, boolean withErr) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream into = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(into);
        if (withErr) {
            System.setErr(into);
        }
        try {
            r.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
