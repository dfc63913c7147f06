package org.pobox.ocr;

import java.awt.image.BufferedImage;

/**
 * Reads the text of one page image. An engine instance is not thread-safe: a worker owns one,
 * loads its model once, and reads many pages with it.
 */
public interface OcrEngine extends AutoCloseable {

    PageText read(BufferedImage page);

    /** Short name recorded on each page ("tesseract", "paddle"). */
    String name();

    @Override
    void close();
}
