package org.pobox.ocr.paddle;

/**
 * The models could not be loaded (missing or broken); the pool remembers it and fails every later
 * page at once with this, without loading again. Said once in the log, not once per page.
 */
public class PaddleUnavailableException extends PaddleException {

    public PaddleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
