package org.pobox.ocr.paddle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of the calling thread per pipeline stage, for the bench (PaddleProfile); {@link #OFF}
 * by default, which costs nothing. ONNX Runtime runs each model on the calling thread (1 intra-op
 * thread), so an inference stage includes the native work.
 */
class StageClock {

    static final StageClock OFF = new StageClock() {
        @Override
        long lap(String stage, long since) {
            return 0;
        }

        @Override
        long start() {
            return 0;
        }
    };

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    long start() {
        return MX.getCurrentThreadCpuTime();
    }

    /** Adds the time since {@code since} to {@code stage}; returns now, the next stage's start. */
    long lap(String stage, long since) {
        long now = MX.getCurrentThreadCpuTime();
        nanos.merge(stage, now - since, Long::sum);
        return now;
    }

    /** "stage 0.123, ..." in CPU seconds per page. */
    String report(int pages) {
        return nanos.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / 1e9 / pages))
                .collect(Collectors.joining(", "));
    }
}
