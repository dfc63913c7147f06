package org.pobox.node;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.elasticsearch.client.ResponseException;

/** What an engine error means, whichever way the client reports it. */
public final class EngineErrors {

    private EngineErrors() {
    }

    /**
     * A version conflict (409): a conditional write ({@code if_seq_no}, {@code op_type=create})
     * lost to another. Elasticsearch's answer parses into an {@link ElasticsearchException};
     * OpenSearch's error body does not, and the client reports a {@link TransportException} or the
     * low-level client's {@link ResponseException}.
     */
    public static boolean isConflict(Exception e) {
        return status(e) == 409;
    }

    /** The HTTP status the engine answered with, or -1 when the error says none. */
    public static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException ee) {
                return ee.status();
            }
            if (t instanceof TransportException te && te.statusCode() > 0) {
                return te.statusCode();
            }
            if (t instanceof ResponseException re) {
                return re.getResponse().getStatusLine().getStatusCode();
            }
        }
        return -1;
    }
}
