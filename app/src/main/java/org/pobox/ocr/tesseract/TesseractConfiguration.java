package org.pobox.ocr.tesseract;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of a {@code tesseract:} endpoint, as Camel's components keep theirs. */
@UriParams
public class TesseractConfiguration implements Cloneable {

    /**
     * On 10 generated letter pages with noise, skew, gray paper and mixed fonts (bench/ocr-speed.sh
     * 10 mixed 3,6): psm 6 mean CER 0.042 (worst page 0.084), psm 3 0.047 (worst 0.147), and psm 6
     * was about 1.5x faster. Same CER on clean pages.
     */
    public static final int DEFAULT_PSM = 6;

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

    @UriParam(defaultValue = "0", description = "Longest recognition of one page in milliseconds; 0 = no"
            + " limit. A page over time fails with OcrFailedException")
    private long timeoutMs;

    @UriParam(defaultValue = "true", description = "Median-filter speckled pages and deskew every page before"
            + " reading (Leptonica); false reads the pixels as given")
    private boolean cleanup = true;

    @UriParam(defaultValue = "" + TesseractEngine.DEFAULT_READING_DPI, description = "With cleanup, pages finer than"
            + " this are scaled down to it before reading; 0 reads them at their own resolution")
    private int readingDpi = TesseractEngine.DEFAULT_READING_DPI;

    /** Endpoints with the same key share one pool of engines. */
    String poolKey(String name) {
        return name + "|" + language + "|" + psm + "|" + dpi + "|" + workers + "|" + datapath + "|" + timeoutMs + "|"
                + cleanup + "|" + readingDpi;
    }

    public TesseractConfiguration copy() {
        try {
            return (TesseractConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
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

    public long getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public boolean isCleanup() {
        return cleanup;
    }

    public void setCleanup(boolean cleanup) {
        this.cleanup = cleanup;
    }

    public int getReadingDpi() {
        return readingDpi;
    }

    public void setReadingDpi(int readingDpi) {
        this.readingDpi = readingDpi;
    }
}
