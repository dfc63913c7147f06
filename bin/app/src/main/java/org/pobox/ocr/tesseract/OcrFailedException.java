package org.pobox.ocr.tesseract;

/** A page Tesseract could not read; the message names the page, never its text. */
public class OcrFailedException extends RuntimeException {
    public OcrFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
