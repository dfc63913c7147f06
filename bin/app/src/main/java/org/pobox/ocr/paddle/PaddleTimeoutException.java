package org.pobox.ocr.paddle;

/** A page took longer than the endpoint's {@code timeoutMs}. */
public class PaddleTimeoutException extends PaddleException {

    public PaddleTimeoutException(long timeoutMs) {
        super("Paddle did not finish the page within " + timeoutMs + " ms", null);
    }
}
