package org.pobox.ocr.paddle;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of a {@code paddle:} endpoint, as Camel's components keep theirs. */
@UriParams
public class PaddleConfiguration implements Cloneable {

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

    @UriParam(description = "The round's seeds folder: its words (places, posts, the taxonomy's phrases) help"
            + " choose among the recogniser's alternatives for a doubtful character. None: the dictionary alone.")
    private String seeds;

    @UriParam(defaultValue = "120000", description = "Longest time for one page once a worker has it, in"
            + " milliseconds; 0 = no limit. A page over time fails with PaddleTimeoutException")
    private long timeoutMs = 120_000;

    /** Endpoints with the same key share one pool of engines. */
    String poolKey(String name) {
        return name + "|" + modelDir + "|" + workers + "|" + detLimitSide + "|" + recBatch + "|" + seeds;
    }

    public PaddleConfiguration copy() {
        try {
            return (PaddleConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getModelDir() {
        return modelDir;
    }

    public void setModelDir(String modelDir) {
        this.modelDir = modelDir;
    }

    public String getSeeds() {
        return seeds;
    }

    public void setSeeds(String seeds) {
        this.seeds = seeds;
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
