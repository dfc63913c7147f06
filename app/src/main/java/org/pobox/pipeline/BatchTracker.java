package org.pobox.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.pobox.intake.Intake;
import org.pobox.letter.Headers;

/**
 * Counts what became of each file the intake took: indexed, already known, or failed (with why),
 * the pages read, and whether the engine went away.
 */
public class BatchTracker {

    private final AtomicInteger indexed = new AtomicInteger();
    private final AtomicInteger alreadyIndexed = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final AtomicBoolean engineWaiting = new AtomicBoolean();
    private final AtomicBoolean engineGaveUp = new AtomicBoolean();
    private final AtomicBoolean registerUnwritable = new AtomicBoolean();

    public void indexed() {
        indexed.incrementAndGet();
        engineWaiting.set(false);
    }

    /**
     * Called by the ocr route as each page is read, whatever the letter it belongs to (one scan
     * file or a letter of page files), so the progress line moves while a long letter is read.
     */
    public void pageRead() {
        pages.incrementAndGet();
    }

    public void alreadyIndexed() {
        alreadyIndexed.incrementAndGet();
    }

    /** Called from the error handler; counted once per file even if several routes saw the error. */
    public void failed(Exchange exchange) {
        String name = exchange.getIn().getHeader(Headers.FAILED_NAME, String.class);
        if (name == null) {
            name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        failures.putIfAbsent(name, cause == null ? "unknown" : Intake.reasonOf(cause));
    }

    void engineWaiting(boolean waiting) {
        engineWaiting.set(waiting);
    }

    void engineGaveUp() {
        engineGaveUp.set(true);
    }

    /** The register cannot be written (full disk): the batch stops; the letter stays for the next run. */
    public void stopForUnwritableRegister() {
        registerUnwritable.set(true);
    }

    public boolean isRegisterUnwritable() {
        return registerUnwritable.get();
    }

    /** A letter is waiting for the engine right now. */
    public boolean isEngineWaiting() {
        return engineWaiting.get();
    }

    /** A letter waited longer than the patience: the batch stops and exits 2. */
    public boolean hasEngineGivenUp() {
        return engineGaveUp.get();
    }

    public int indexedCount() {
        return indexed.get();
    }

    public int alreadyIndexedCount() {
        return alreadyIndexed.get();
    }

    public int pagesRead() {
        return pages.get();
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
