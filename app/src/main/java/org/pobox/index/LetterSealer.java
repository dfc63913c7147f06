package org.pobox.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.util.Map;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/** Seals and unseals a letter: a sealed letter is found and read by leads only. */
public final class LetterSealer {

    private final ElasticsearchClient client;
    private final String alias;

    public LetterSealer(EngineClient engine, String alias) {
        this.client = engine.client();
        this.alias = alias;
    }

    public void setSealed(String id, boolean sealed) {
        try {
            client.update(u -> u.index(alias).id(id).refresh(Refresh.True).doc(Map.of("sealed", sealed)), Map.class);
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot seal letter " + id + ": " + e.getMessage(), e);
        }
    }
}
