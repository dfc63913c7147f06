package org.pobox.ocr.tesseract;

import java.nio.file.Path;
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

/**
 * {@code tesseract:name[?options]}: reads the text of a page image with Tesseract, in-process.
 * Body in: a {@link java.awt.image.BufferedImage} (one page); body out: an
 * {@link org.pobox.ocr.PageText}; headers pass through. Endpoints with the same name and options
 * share one pool of {@code workers} engines, held by the component, closed when the last of them
 * stops. Launchers set {@code OMP_THREAD_LIMIT=1} (see package-info).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tesseract", title = "Tesseract OCR", syntax = "tesseract:name",
        producerOnly = true, category = {Category.DOCUMENT, Category.AI}, headersClass = Headers.class)
public class TesseractEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this reader; endpoints with the same name and options share one pool")
    @Metadata(required = true)
    private String name;

    @UriParam
    private final TesseractConfiguration configuration;

    private volatile TesseractEnginePool pool;

    public TesseractEndpoint(String uri, TesseractComponent component, TesseractConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new TesseractProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("tesseract: is a producer only: use it in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TesseractConfiguration c = configuration;
        Path models = c.getDatapath() == null || c.getDatapath().isBlank() ? Tessdata.locate() : Path.of(c.getDatapath());
        Tessdata.requireModels(models, c.getLanguage()); // fail at route start, not on the first letter
        pool = component().pools().acquire(c.poolKey(name), () -> new TesseractEnginePool(c.getWorkers(),
                () -> new TesseractEngine(models, c.getLanguage(), c.getPsm(), c.getDpi(), c.getTimeoutMs(), c.isCleanup(),
                        c.getReadingDpi())));
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            component().pools().release(configuration.poolKey(name));
            pool = null;
        }
        super.doStop();
    }

    private TesseractComponent component() {
        return (TesseractComponent) getComponent();
    }

    /**
     * The engines behind this endpoint, shared with every endpoint of the same name and options;
     * exposed so tests and metrics can see how many were created.
     */
    public TesseractEnginePool pool() {
        TesseractEnginePool current = pool;
        if (current == null) {
            throw new IllegalStateException("tesseract endpoint " + getEndpointUri() + " is not started");
        }
        return current;
    }

    public TesseractConfiguration getConfiguration() {
        return configuration;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
