package org.pobox.ocr.paddle;

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

/**
 * {@code paddle:name[?options]}: reads a page image with PaddleOCR (PP-OCRv4) in-process.
 * One pool of workers per endpoint, started with the endpoint and closed when it stops.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "paddle", title = "PaddleOCR", syntax = "paddle:name",
        producerOnly = true, category = {Category.DOCUMENT, Category.AI})
public class PaddleEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this reader, e.g. read")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "Folder holding the PP-OCR ONNX models and keys (bin/fetch-models)."
            + " Default: <pobox.home>/models/paddle")
    private String modelDir;

    @UriParam(description = "Pages read at the same time, each on its own engine with its own copy of the"
            + " models. Default: the number of available processors")
    private int workers = Runtime.getRuntime().availableProcessors();

    @UriParam(defaultValue = "" + PaddleEngine.DEFAULT_DET_LIMIT_SIDE, description = "Longest side, in pixels,"
            + " of the image given to text detection; bounds time and memory on large scans")
    private int detLimitSide = PaddleEngine.DEFAULT_DET_LIMIT_SIDE;

    @UriParam(defaultValue = "" + PaddleEngine.DEFAULT_REC_BATCH, description = "Text lines recognised per"
            + " model call")
    private int recBatch = PaddleEngine.DEFAULT_REC_BATCH;

    @UriParam(defaultValue = "120000", description = "Longest time for one page once a worker has it, in"
            + " milliseconds; 0 = no limit. A page over time fails with PaddleTimeoutException")
    private long timeoutMs = 120_000;

    private PaddleEnginePool pool;

    public PaddleEndpoint(String uri, PaddleComponent component) {
        super(uri, component);
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
        Path models = modelDir == null || modelDir.isBlank() ? PaddleEngine.defaultModelDir() : Path.of(modelDir);
        int side = detLimitSide, batch = recBatch;
        pool = new PaddleEnginePool(workers, () -> new PaddleEngine(models, side, batch));
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        super.doStop();
    }

    public PaddleEnginePool pool() {
        PaddleEnginePool current = pool;
        if (current == null) {
            throw new IllegalStateException("paddle endpoint " + getEndpointUri() + " is not started");
        }
        return current;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getModelDir() {
        return modelDir;
    }

    public void setModelDir(String modelDir) {
        this.modelDir = modelDir;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public int getDetLimitSide() {
        return detLimitSide;
    }

    public void setDetLimitSide(int detLimitSide) {
        this.detLimitSide = detLimitSide;
    }

    public int getRecBatch() {
        return recBatch;
    }

    public void setRecBatch(int recBatch) {
        this.recBatch = recBatch;
    }

    public long getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }
}
