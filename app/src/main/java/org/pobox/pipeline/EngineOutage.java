package org.pobox.pipeline;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.pobox.letter.Headers;
import org.pobox.node.EngineUnavailableException;

/**
 * Tells an engine outage (connection refused, reset, timed out, the engine answering 503/429) from a
 * bad file, and how long a letter may wait for the engine to come back. A letter caught by an
 * outage is retried with backoff (the errors route) and is never moved to {@code failed/}.
 */
public class EngineOutage {

    private final Duration patience;
    private final BatchTracker tracker;

    public EngineOutage(Duration patience, BatchTracker tracker) {
        this.patience = patience;
        this.tracker = tracker;
    }

    /** {@code onWhen} of the errors route: is the exception caught on this exchange an outage? */
    public boolean matches(Exchange exchange) {
        Throwable t = exchange.getException();
        if (t == null) {
            t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return isOutage(t);
    }

    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EngineUnavailableException || c instanceof SocketException
                    || c instanceof SocketTimeoutException
                    || c instanceof org.apache.http.ConnectionClosedException
                    || c instanceof org.apache.http.NoHttpResponseException
                    || c instanceof org.apache.http.conn.ConnectTimeoutException) {
                return true;
            }
            if (c instanceof org.elasticsearch.client.ResponseException re) {
                int status = re.getResponse().getStatusLine().getStatusCode();
                if (status == 503 || status == 429) {
                    return true;
                }
            }
            if (c instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException ee
                    && (ee.status() == 503 || ee.status() == 429)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** {@code retryWhile} of the errors route: keep waiting until the patience is spent. */
    public boolean keepWaiting(Exchange exchange) {
        if (tracker.hasEngineGivenUp()) {
            return false;
        }
        Long since = exchange.getProperty(Headers.ENGINE_WAITING_SINCE, Long.class);
        long now = System.nanoTime();
        if (since == null) {
            exchange.setProperty(Headers.ENGINE_WAITING_SINCE, now);
            tracker.engineWaiting(true);
            return true;
        }
        return now - since < patience.toNanos();
    }

    /** The patience is spent: the letter stays in {@code work/} for the next run, the batch gives up. */
    public void gaveUp(Exchange exchange) {
        tracker.engineGaveUp();
    }
}
