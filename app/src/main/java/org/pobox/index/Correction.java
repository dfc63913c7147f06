package org.pobox.index;

import java.time.Instant;

/**
 * A person's correction of one field of a letter (or a page's typed transcript). Kept in its own
 * index, so it survives reindexing and the classifier's training can read it
 * ({@link CorrectionStore#all()}).
 *
 * @param field one of {@link CorrectionStore#FIELDS}, or {@code transcript} with {@code page}
 * @param value the new value: a string, a boolean, a list of strings, or a list of target objects
 * @param previous the value before the correction (what the classifier had said)
 */
public record Correction(String letterId, String field, Object value, Object previous, Integer page, String by,
                         Instant at) {
}
