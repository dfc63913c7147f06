package org.pobox.ocr.paddle;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.pobox.ocr.PageText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code workers} threads, each with its own {@link PaddleEngine} created on the thread's first
 * page (models loaded once per worker). A caller waits for a free worker, then at most
 * {@code timeoutMs} for its page; a page that times out keeps its worker busy until it really
 * ends (ONNX Runtime cannot be interrupted), so slow pages cannot pile up behind the limit.
 * Models that fail to load (missing, broken) are not tried again: the first failure is logged once
 * and every later page fails at once with it, for the route to send to Tesseract, until pobox restarts.
 */
public final class PaddleEnginePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaddleEnginePool.class);

    private final Supplier<PaddleEngine> factory;
    private final Semaphore free;
    private final ExecutorService threads;
    private final ThreadLocal<PaddleEngine> engine = new ThreadLocal<>();
    private final List<PaddleEngine> all = new CopyOnWriteArrayList<>();
    private final AtomicReference<PaddleUnavailableException> unavailable = new AtomicReference<>();

    public PaddleEnginePool(int workers, Supplier<PaddleEngine> factory) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.factory = factory;
        this.free = new Semaphore(workers);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "paddle-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param timeoutMs at most this long for the page once a worker has it; 0 = no limit
     * @throws PaddleTimeoutException when the page took longer
     * @throws PaddleException when the models fail to load or the page fails
     */
    public PageText read(BufferedImage page, long timeoutMs) throws InterruptedException {
        return readPage(page, timeoutMs).toPageText();
    }

    /** As {@link #read}, with the line boxes, page turns and character confidence. */
    public PaddlePage readPage(BufferedImage page, long timeoutMs) throws InterruptedException {
        failIfUnavailable();
        free.acquire();
        Future<PaddlePage> result;
        try {
            result = threads.submit(() -> {
                try {
                    return engine().readPage(page);
                } finally {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
        try {
            return timeoutMs > 0 ? result.get(timeoutMs, TimeUnit.MILLISECONDS) : result.get();
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new PaddleTimeoutException(timeoutMs);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof PaddleException p ? p : new PaddleException("Paddle failed on a page", cause);
        }
    }

    private PaddleEngine engine() {
        PaddleEngine e = engine.get();
        if (e == null) {
            failIfUnavailable(); // another worker found the models unloadable while this page waited
            try {
                e = factory.get();
            } catch (PaddleException failed) {
                PaddleUnavailableException first = new PaddleUnavailableException(failed.getMessage(), failed.getCause());
                if (unavailable.compareAndSet(null, first)) {
                    LOG.warn("{}; every page goes to Tesseract until pobox restarts", failed.getMessage());
                }
                throw first;
            }
            engine.set(e);
            all.add(e);
        }
        return e;
    }

    /** A new exception per page (callers may add to it), with the first failure's message and cause. */
    private void failIfUnavailable() {
        PaddleUnavailableException known = unavailable.get();
        if (known != null) {
            throw new PaddleUnavailableException(known.getMessage(), known.getCause());
        }
    }

    /** How many engines were created, i.e. how many times the models were loaded. */
    public int engines() {
        return all.size();
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                return; // a page is still running: leave its engine alone rather than free it under it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        all.forEach(PaddleEngine::close);
        all.clear();
    }
}
