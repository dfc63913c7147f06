package org.pobox.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import org.pobox.node.EngineUnavailableException;

/**
 * A small index beside the letters (users, audit, corrections): created on first use with its
 * mapping, named after the letters alias ({@code letters-audit}) so each installation, and each
 * test, keeps its own. Not behind the versioned alias: these hold facts that a letters reindex must
 * not touch.
 */
public final class SideIndex {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SideIndex.class);

    private SideIndex() {
    }

    public static String name(String lettersAlias, String suffix) {
        return lettersAlias + "-" + suffix;
    }

    /**
     * Creates {@code index} with {@code mappingJson} (the "mappings" object) unless it exists; an
     * existing one gets the fields added since it was made (adding a field is allowed in place).
     */
    public static void ensure(ElasticsearchClient client, String index, String mappingJson) {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                try {
                    client.indices().putMapping(m -> m.index(index).withJson(new StringReader(mappingJson)));
                } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                    // a least-privilege key may not change mappings: the index works on with the fields it has
                    LOG.warn("index {} keeps its mapping: {}", index, e.getMessage());
                }
                return;
            }
            String body = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":" + mappingJson + "}";
            client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot prepare index " + index + ": " + e.getMessage(), e);
        }
    }
}
