package org.pobox.ocr.paddle;

import java.nio.file.Path;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.pobox.letter.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paddle:name[?options]}: reads a page image with PaddleOCR (PP-OCRv4) in-process.
 * Endpoints with the same name and options share one pool of {@code workers} engines, held by the
 * component and closed when the last of them stops.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "paddle", title = "PaddleOCR", syntax = "paddle:name",
        producerOnly = true, category = {Category.DOCUMENT, Category.AI}, headersClass = Headers.class)
public class PaddleEndpoint extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PaddleEndpoint.class);

    @UriPath(description = "A name for this reader, e.g. read; endpoints with the same name and options share one pool")
    @Metadata(required = true)
    private String name;

    @UriParam
    private final PaddleConfiguration configuration;

    private volatile PaddleEnginePool pool;

    public PaddleEndpoint(String uri, PaddleComponent component, PaddleConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new PaddleProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("paddle: is a producer only: use it in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PaddleConfiguration c = configuration;
        Path models = c.getModelDir() == null || c.getModelDir().isBlank() ? PaddleEngine.defaultModelDir()
                : Path.of(c.getModelDir());
        Path seeds = c.getSeeds() == null || c.getSeeds().isBlank() ? null : Path.of(c.getSeeds());
        Set<String> seedWords = SeedWords.of(seeds);
        if (seeds != null && seedWords.isEmpty()) {
            // reading goes on with the dictionary alone: place names are then read less well
            LOG.warn("no seed words in {}: doubtful characters are chosen by the dictionary's words alone", seeds);
        }
        pool = component().pools().acquire(c.poolKey(name), () -> new PaddleEnginePool(c.getWorkers(), () -> {
            PaddleEngine engine = new PaddleEngine(models, c.getDetLimitSide(), c.getRecBatch());
            engine.words = new WordChoice(WordChoice.DEFAULT_WEIGHT, seedWords);
            return engine;
        }));
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            component().pools().release(configuration.poolKey(name));
            pool = null;
        }
        super.doStop();
    }

    private PaddleComponent component() {
        return (PaddleComponent) getComponent();
    }

    /** The engines behind this endpoint; exposed so tests and metrics can see how many were created. */
    public PaddleEnginePool pool() {
        PaddleEnginePool current = pool;
        if (current == null) {
            throw new IllegalStateException("paddle endpoint " + getEndpointUri() + " is not started");
        }
        return current;
    }

    public PaddleConfiguration getConfiguration() {
        return configuration;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
