package org.pobox.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticsearch.client.Request;
import org.pobox.index.LetterIndex;
import org.pobox.node.EngineClient;

/**
 * A bench's letters index: as pobox creates it, or from the mapping file named by
 * {@code -Dbench.mapping=FILE} (e.g. the mapping before a change, to measure both on one machine
 * at one load).
 */
final class BenchIndex {

    private BenchIndex() {
    }

    static void create(EngineClient engine, String alias) throws Exception {
        String file = System.getProperty("bench.mapping", "");
        if (!file.isBlank()) {
            Request create = new Request("PUT", "/" + alias + "-v1");
            create.setJsonEntity(Files.readString(Path.of(file)));
            engine.rest().performRequest(create);
            engine.rest().performRequest(new Request("PUT", "/" + alias + "-v1/_alias/" + alias));
            System.out.println("mapping: " + file);
        } else {
            System.out.println("mapping: the current letters mapping");
        }
        new LetterIndex(engine, alias, 1).ensureExists();
    }
}
