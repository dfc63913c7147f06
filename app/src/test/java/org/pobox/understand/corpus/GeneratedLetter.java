package org.pobox.understand.corpus;

import java.time.Instant;

/** A generated letter: body and envelope text, when it arrived, its labels, and the letter it repeats (or null). */
public record GeneratedLetter(String id, String body, String envelope, Instant receivedAt, Truth truth, String duplicateOf) {

    public GeneratedLetter withText(String newBody, String newEnvelope) {
        return new GeneratedLetter(id, newBody, newEnvelope, receivedAt, truth, duplicateOf);
    }
}
