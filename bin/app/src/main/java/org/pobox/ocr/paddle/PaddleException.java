package org.pobox.ocr.paddle;

/** The Paddle engine could not load its models or read a page; the caller may fall back to Tesseract. */
public class PaddleException extends RuntimeException {

    public PaddleException(String message, Throwable cause) {
        super(message, cause);
    }
}
