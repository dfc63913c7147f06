package org.pobox.scan;

/**
 * A file that cannot become a letter, with a reason a mailroom clerk can act on
 * ("empty file (0 bytes)", "not a PDF: the file starts with ..."). The message is written to the
 * {@code .reason} file beside the original in {@code failed/}; it never contains letter text.
 */
public class BadFileException extends RuntimeException {
    public BadFileException(String reason) {
        super(reason);
    }

    public BadFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
