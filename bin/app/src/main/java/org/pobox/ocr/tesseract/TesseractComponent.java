package org.pobox.ocr.tesseract;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code tesseract:} component: Apache Camel has none, so pobox brings its own. Found by
 * Camel through {@code META-INF/services/org/apache/camel/component/tesseract}, so a YAML route
 * can say {@code to: tesseract:read?language=chi_sim&workers=2} without any registration code.
 * <p>
 * The engine pools live here, one per name and engine options, not in the endpoints: when two
 * threads resolve the same new URI at once Camel may create and start two endpoint objects, and
 * the loser is never stopped; a pool per endpoint would then leak its engines and exceed
 * {@code workers}.
 */
@Component("tesseract")
public class TesseractComponent extends DefaultComponent {

    private final Map<String, Shared> pools = new HashMap<>();

    private static final class Shared {
        final TesseractEnginePool pool;
        int users;

        Shared(TesseractEnginePool pool) {
            this.pool = pool;
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TesseractEndpoint endpoint = new TesseractEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The pool for {@code key}, created by {@code create} for its first user. */
    synchronized TesseractEnginePool acquire(String key, Supplier<TesseractEnginePool> create) {
        Shared shared = pools.computeIfAbsent(key, k -> new Shared(create.get()));
        shared.users++;
        return shared.pool;
    }

    /** Closes the pool when its last endpoint lets go. */
    synchronized void release(String key) {
        Shared shared = pools.get(key);
        if (shared != null && --shared.users == 0) {
            pools.remove(key);
            shared.pool.close();
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        pools.values().forEach(shared -> shared.pool.close());
        pools.clear();
        super.doStop();
    }
}
