package org.pobox.keys;

/** A sealed or signed value that does not check out: edited in the engine, or made with another key. */
public class SealBrokenException extends RuntimeException {
    public SealBrokenException(String message) {
        super(message);
    }
}
