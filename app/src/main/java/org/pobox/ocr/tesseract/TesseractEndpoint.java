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

/**
 * {@code tesseract:name[?options]}: reads the text of a page image with Tesseract, in-process.
 * Body in: a {@link java.awt.image.BufferedImage} (one page); body out: an
 * {@link org.pobox.ocr.PageText}; headers pass through. Endpoints with the same name and options
 * share one pool of {@code workers} engines, held by the component, closed when the last of them
 * stops. Launchers set {@code OMP_THREAD_LIMIT=1} (see package-info).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tesseract", title = "Tesseract OCR", syntax = "tesseract:name",
        producerOnly = true, category = {Category.DOCUMENT, Category.AI})
public class TesseractEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this reader; endpoints with the same name and options share one pool")
    @Metadata(required = true)
    private String name;

    @UriParam(defaultValue = "chi_sim", description = "Tesseract language model(s), e.g. chi_sim or chi_sim+eng"
            + " (chi_sim alone reads digits and is faster and better than chi_sim+eng on these letters)")
    private String language = "chi_sim";

    @UriParam(defaultValue = "" + DEFAULT_PSM, description = "Page segmentation mode: 3 = automatic layout,"
            + " 6 = one uniform block of text (see tesseract --help-psm)")
    private int psm = DEFAULT_PSM;

    @UriParam(defaultValue = "300", description = "Resolution of the page images in dots per inch, given to"
            + " Tesseract as the source resolution (raw pixels carry none)")
    private int dpi = 300;

    @UriParam(description = "Number of engines, i.e. pages read at the same time; each loads the model once."
            + " Default: the number of available processors")
    private int workers = Runtime.getRuntime().availableProcessors();

    @UriParam(description = "Folder holding the *.traineddata models. Default: $TESSDATA_PREFIX, else"
            + " /usr/share/tesseract-ocr/5/tessdata (Debian)")
    private String datapath;

    /**
     * On 10 generated letter pages with noise, skew, gray paper and mixed fonts (bench/ocr-speed.sh
     * 10 mixed 3,6): psm 6 mean CER 0.042 (worst page 0.084), psm 3 0.047 (worst 0.147), and psm 6
     * was about 1.5x faster. Same CER on clean pages.
     */
    static final int DEFAULT_PSM = 6;

    @UriParam(defaultValue = "0", description = "Longest recognition of one page in milliseconds; 0 = no"
            + " limit. A page over time fails with OcrFailedException")
    private int timeoutMs;

    @UriParam(defaultValue = "true", description = "Median-filter speckled pages and deskew every page before"
            + " reading (Leptonica); false reads the pixels as given")
    private boolean cleanup = true;

    @UriParam(defaultValue = "" + TesseractEngine.DEFAULT_READING_DPI, description = "With cleanup, pages finer than"
            + " this are scaled down to it before reading; 0 reads them at their own resolution")
    private int readingDpi = TesseractEngine.DEFAULT_READING_DPI;

    private volatile TesseractEnginePool pool;

    public TesseractEndpoint(String uri, TesseractComponent component) {
        super(uri, component);
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
        Path models = datapath == null || datapath.isBlank() ? Tessdata.locate() : Path.of(datapath);
        Tessdata.requireModels(models, language); // fail at route start, not on the first letter
        pool = component().acquire(poolKey(),
                () -> new TesseractEnginePool(workers, () -> new TesseractEngine(models, language, psm, dpi, timeoutMs, cleanup, readingDpi)));
    }

    @Override
    protected void doStop() throws Exception {
        if (pool != null) {
            component().release(poolKey());
            pool = null;
        }
        super.doStop();
    }

    private TesseractComponent component() {
        return (TesseractComponent) getComponent();
    }

    private String poolKey() {
        return name + "|" + language + "|" + psm + "|" + dpi + "|" + workers + "|" + datapath + "|" + timeoutMs + "|" + cleanup + "|" + readingDpi;
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

    public int getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public int getReadingDpi() {
        return readingDpi;
    }

    public void setReadingDpi(int readingDpi) {
        this.readingDpi = readingDpi;
    }

    public boolean isCleanup() {
        return cleanup;
    }

    public void setCleanup(boolean cleanup) {
        this.cleanup = cleanup;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public int getPsm() {
        return psm;
    }

    public void setPsm(int psm) {
        this.psm = psm;
    }

    public int getDpi() {
        return dpi;
    }

    public void setDpi(int dpi) {
        this.dpi = dpi;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public String getDatapath() {
        return datapath;
    }

    public void setDatapath(String datapath) {
        this.datapath = datapath;
    }
}
