package org.pobox.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.pobox.intake.Intake;

/** Counts what became of each file the intake took: indexed, already known, or failed (with why). */
public class BatchTracker {

    private final AtomicInteger indexed = new AtomicInteger();
    private final AtomicInteger alreadyIndexed = new AtomicInteger();
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    public void indexed() {
        indexed.incrementAndGet();
    }

    public void alreadyIndexed() {
        alreadyIndexed.incrementAndGet();
    }

    /** Called from the error handler; counted once per file even if several routes saw the error. */
    public void failed(Exchange exchange) {
        String name = exchange.getIn().getHeader(Intake.FAILED_NAME, String.class);
        if (name == null) {
            name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        failures.putIfAbsent(name, cause == null ? "unknown" : Intake.reasonOf(cause));
    }

    public int indexedCount() {
        return indexed.get();
    }

    public int alreadyIndexedCount() {
        return alreadyIndexed.get();
    }

    public int failedCount() {
        return failures.size();
    }

    /** failed file name (as in {@code failed/}) → reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    public int done() {
        return indexedCount() + alreadyIndexedCount() + failedCount();
    }
}
