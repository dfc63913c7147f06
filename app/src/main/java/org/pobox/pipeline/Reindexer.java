package org.pobox.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.pobox.index.EngineClient;
import org.pobox.index.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the letters index into the next versioned index ({@code letters-v2} after
 * {@code letters-v1}) with the current mapping, then swaps the alias in one atomic step. Searches go
 * to the old index until the swap, so search keeps working; documents are copied whole, so
 * registration numbers, understanding and repeat links are kept; other indices (corrections,
 * audit) are not touched. The old index is left in place for a rollback.
 */
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final EngineClient engine;
    private final String alias;

    public Reindexer(EngineClient engine, String alias) {
        this.engine = engine;
        this.alias = alias;
    }

    public record Result(String from, String to, long documents) {
    }

    public Result reindex() {
        try {
            String current = currentIndex();
            String next = alias + "-v" + (version(current) + 1);
            while (exists(next)) {
                next = alias + "-v" + (version(next) + 1);
            }
            Request create = new Request("PUT", "/" + next);
            try (InputStream mapping = Reindexer.class.getResourceAsStream("/index/letters-mapping.json")) {
                create.setJsonEntity(new String(mapping.readAllBytes(), StandardCharsets.UTF_8));
            }
            engine.rest().performRequest(create);
            Request copy = new Request("POST", "/_reindex");
            copy.addParameter("wait_for_completion", "true");
            copy.addParameter("refresh", "true");
            copy.setJsonEntity("{\"source\":{\"index\":\"" + current + "\"},\"dest\":{\"index\":\"" + next
                    + "\",\"op_type\":\"create\"}}");
            JsonNode copied = read(engine.rest().performRequest(copy).getEntity().getContent());
            if (copied.path("failures").size() > 0) {
                throw new IllegalStateException("reindex into " + next + " had failures; the alias still points to " + current);
            }
            long before = count(current);
            long after = count(next);
            if (before != after) {
                throw new IllegalStateException("reindex copied " + after + " of " + before
                        + " documents; the alias still points to " + current);
            }
            Request swap = new Request("POST", "/_aliases");
            swap.setJsonEntity("{\"actions\":[{\"remove\":{\"index\":\"" + current + "\",\"alias\":\"" + alias
                    + "\"}},{\"add\":{\"index\":\"" + next + "\",\"alias\":\"" + alias + "\"}}]}");
            engine.rest().performRequest(swap);
            LOG.info("alias {} now on {} ({} documents), was {}", alias, next, after, current);
            return new Result(current, next, after);
        } catch (IOException e) {
            throw new UncheckedIOException("reindex of " + alias + " failed; the alias is unchanged", e);
        }
    }

    /** The index the alias points to now. */
    public String currentIndex() throws IOException {
        JsonNode r = read(engine.rest().performRequest(new Request("GET", "/_alias/" + alias)).getEntity().getContent());
        Iterator<String> names = r.fieldNames();
        if (!names.hasNext()) {
            throw new IllegalStateException("alias " + alias + " points to no index");
        }
        String name = names.next();
        if (names.hasNext()) {
            throw new IllegalStateException("alias " + alias + " points to several indices");
        }
        return name;
    }

    private static int version(String index) {
        int v = index.lastIndexOf("-v");
        try {
            return v < 0 ? 0 : Integer.parseInt(index.substring(v + 2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean exists(String index) throws IOException {
        try {
            // GET, not HEAD: a body-less HEAD response never completes through the OpenSearch compatibility layer
            engine.rest().performRequest(new Request("GET", "/" + index + "/_settings"));
            return true;
        } catch (ResponseException e) {
            return false;
        }
    }

    private long count(String index) throws IOException {
        return read(engine.rest().performRequest(new Request("GET", "/" + index + "/_count")).getEntity().getContent())
                .path("count").asLong();
    }

    private static JsonNode read(InputStream in) throws IOException {
        try (in) {
            return Json.MAPPER.readTree(in);
        }
    }
}
