package org.pobox.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one exchange at a time holds a key (a page group, a registration number): from
 * {@link #enter} until the exchange is done, indexed or failed; another exchange with that key
 * waits in {@code enter} until then. Used where two letters read side by side would both miss the
 * other in the index.
 */
public final class OneAtATime {

    private static final Logger LOG = LoggerFactory.getLogger(OneAtATime.class);
    /** Longest wait for the exchange holding a key. */
    private static final long WAIT_MINUTES = 30;

    /** What the keys are, for the log ("page group", "registration number"). */
    private final String what;
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    public OneAtATime(String what) {
        this.what = what;
    }

    /**
     * Waits until no other exchange holds {@code key}, then holds it until this exchange is done.
     * An exchange that passes here again (a redelivery after the engine was away) already holds
     * it: {@code property} marks it.
     */
    public void enter(Exchange exchange, String key, String property) throws InterruptedException {
        if (exchange.getProperty(property) != null) {
            return;
        }
        exchange.setProperty(property, key);
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch earlier;
        while ((earlier = held.putIfAbsent(key, mine)) != null) {
            if (!earlier.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
                LOG.warn("a letter of the same {} is still being read after {} min: not waiting longer", what, WAIT_MINUTES);
                held.remove(key, earlier);
            }
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                held.remove(key, mine);
                mine.countDown();
            }
        });
    }
}
