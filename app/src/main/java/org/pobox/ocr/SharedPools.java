package org.pobox.ocr;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OCR engine pools of one component, one per endpoint name and options, shared by the
 * endpoints that use them. They live in the component, not in the endpoints: when two threads
 * resolve the same new URI at once Camel may create and start two endpoint objects, and the loser
 * is never stopped; a pool per endpoint would then leak its engines (a model each) and exceed
 * {@code workers}.
 */
public final class SharedPools<P extends AutoCloseable> {

    private final Map<String, Shared<P>> pools = new HashMap<>();

    private static final class Shared<P> {
        final P pool;
        int users;

        Shared(P pool) {
            this.pool = pool;
        }
    }

    /** The pool for {@code key}, created by {@code create} for its first user. */
    public synchronized P acquire(String key, Supplier<P> create) {
        Shared<P> shared = pools.computeIfAbsent(key, k -> new Shared<>(create.get()));
        shared.users++;
        return shared.pool;
    }

    /** Closes the pool when its last endpoint lets go. */
    public synchronized void release(String key) {
        Shared<P> shared = pools.get(key);
        if (shared != null && --shared.users == 0) {
            pools.remove(key);
            close(shared.pool);
        }
    }

    /** Closes every pool (the component stops). */
    public synchronized void closeAll() {
        pools.values().forEach(shared -> close(shared.pool));
        pools.clear();
    }

    private static void close(AutoCloseable pool) {
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close an OCR engine pool: " + e.getMessage(), e);
        }
    }
}
