package org.pobox.ocr;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pobox.config.PoboxConfig;
import org.pobox.scan.PageDecoder;

/**
 * The beans the ocr route names. {@code ocrPages} is the page queue: every page of every letter
 * in flight waits there for one of {@code pobox.ocr.workers} threads, so a long letter keeps all
 * cores busy while only page numbers, not images, wait in line.
 */
public final class OcrStage {

    private OcrStage() {
    }

    /** @param config with {@code pobox.ocr.workers} already resolved to a count */
    public static Map<String, Object> beans(PoboxConfig config) {
        String language = config.get("pobox.ocr.language");
        String engine = config.get("pobox.ocr.engine." + language, "tesseract");
        if (!engine.equals("paddle") && !engine.equals("tesseract")) {
            throw new IllegalArgumentException("pobox.ocr.engine." + language + " must be paddle or tesseract, was " + engine);
        }
        return Map.of(
                "pageReader", new PageReader(new PageDecoder(), engine),
                "ocrRecords", new OcrRecords(config.archive()),
                "ocrPages", pageQueue(config.getInt("pobox.ocr.workers")));
    }

    static ExecutorService pageQueue(int workers) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ocr-page-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        });
        // idle threads end, so a stopped pipeline leaves none behind and needs no shutdown hook
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
