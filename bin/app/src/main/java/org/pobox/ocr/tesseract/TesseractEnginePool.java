package org.pobox.ocr.tesseract;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.pobox.ocr.PageText;

/**
 * Up to {@code size} engines, each lent to one thread at a time. Engines are created on first
 * need (a model load takes a second and ~100 MB, so a pool that only ever sees one thread keeps
 * one engine) and reused until {@link #close()}.
 */
public final class TesseractEnginePool implements AutoCloseable {

    private final int size;
    private final Supplier<TesseractEngine> factory;
    private final BlockingQueue<TesseractEngine> idle = new LinkedBlockingQueue<>();
    private final List<TesseractEngine> all = new ArrayList<>();
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger peakInUse = new AtomicInteger();
    private volatile boolean closed;

    public TesseractEnginePool(int size, Supplier<TesseractEngine> factory) {
        if (size < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + size);
        }
        this.size = size;
        this.factory = factory;
    }

    /** Reads one page on a free engine, waiting for one if all {@code size} are busy. */
    public PageText read(BufferedImage page) throws InterruptedException {
        return read(page, 0);
    }

    /** As {@link #read(BufferedImage)}, for a page scanned at {@code dpi} (0: the engines' default). */
    public PageText read(BufferedImage page, int dpi) throws InterruptedException {
        TesseractEngine engine = borrow();
        int now = inUse.incrementAndGet();
        peakInUse.accumulateAndGet(now, Math::max);
        try {
            return engine.read(page, dpi);
        } finally {
            inUse.decrementAndGet();
            idle.add(engine);
            if (closed && idle.remove(engine)) {
                engine.close(); // the pool was closed while this page was being read
            }
        }
    }

    private TesseractEngine borrow() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("Tesseract pool is closed");
        }
        TesseractEngine engine = idle.poll();
        if (engine != null) {
            return engine;
        }
        synchronized (all) {
            if (all.size() < size) {
                TesseractEngine created = factory.get();
                all.add(created);
                return created;
            }
        }
        return idle.take();
    }

    /** How many engines were created, i.e. how many times a model was loaded. */
    public int engines() {
        synchronized (all) {
            return all.size();
        }
    }

    /** The most pages read at the same moment: shows that workers really ran in parallel. */
    public int peakParallelReads() {
        return peakInUse.get();
    }

    public boolean isClosed() {
        return closed;
    }

    public int size() {
        return size;
    }

    @Override
    public void close() {
        closed = true;
        // Only idle engines: one still reading is closed by its thread when it comes back.
        for (TesseractEngine engine = idle.poll(); engine != null; engine = idle.poll()) {
            engine.close();
        }
    }
}
