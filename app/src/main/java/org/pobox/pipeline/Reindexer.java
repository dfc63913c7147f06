package org.pobox.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.pobox.index.LetterMapping;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned letters index behind the alias: the next version ({@code letters-v2} after
 * {@code letters-v1}) created with the current mapping, and the alias swapped to it in one atomic
 * step. Searches go to the old index until the swap, so search keeps working; other indices
 * (corrections, audit) are not touched; the old index is left in place for a rollback.
 * {@link Rebuilder} fills the new index from the archive; {@link #reindex()} copies the documents.
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

    /**
     * {@code pobox reindex --copy}: the documents copied whole from the current index (no OCR, no
     * understanding), then the alias swapped.
     */
    public Result reindex() {
        try {
            String current = currentIndex();
            String next = createNext(current);
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
            swap(current, next);
            return new Result(current, next, after);
        } catch (IOException e) {
            throw new UncheckedIOException("reindex of " + alias + " failed; the alias is unchanged", e);
        }
    }

    /** Creates the next free versioned index after {@code current} with the current mapping; returns its name. */
    public String createNext(String current) throws IOException {
        String next = alias + "-v" + (version(current) + 1);
        while (exists(next)) {
            next = alias + "-v" + (version(next) + 1);
        }
        Request create = new Request("PUT", "/" + next);
        create.setJsonEntity(LetterMapping.json());
        engine.rest().performRequest(create);
        LOG.info("created index {}", next);
        return next;
    }

    /** Moves the alias from {@code current} to {@code next} in one atomic step; {@code current} is kept. */
    public void swap(String current, String next) throws IOException {
        Request swap = new Request("POST", "/_aliases");
        swap.setJsonEntity("{\"actions\":[{\"remove\":{\"index\":\"" + current + "\",\"alias\":\"" + alias
                + "\"}},{\"add\":{\"index\":\"" + next + "\",\"alias\":\"" + alias + "\"}}]}");
        engine.rest().performRequest(swap);
        LOG.info("alias {} now on {} ({} documents), was {}", alias, next, count(next), current);
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

    public long count(String index) throws IOException {
        return read(engine.rest().performRequest(new Request("GET", "/" + index + "/_count")).getEntity().getContent())
                .path("count").asLong();
    }

    private static JsonNode read(InputStream in) throws IOException {
        try (in) {
            return Json.MAPPER.readTree(in);
        }
    }
}
