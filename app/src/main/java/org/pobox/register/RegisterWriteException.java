package org.pobox.register;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The register cannot be written (a full disk, a read-only folder): the batch must stop, not fail the letter. */
public class RegisterWriteException extends UncheckedIOException {

    public RegisterWriteException(String message, IOException cause) {
        super(message, cause);
    }
}
