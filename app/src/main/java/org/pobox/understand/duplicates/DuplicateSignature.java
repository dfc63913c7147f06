package org.pobox.understand.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * A letter's MinHash signature. {@link #bandKeys()} are short strings for a keyword field: two
 * letters that share any band key are candidates (one terms query, no full scan), and
 * {@link #similarity} estimates their Jaccard similarity to confirm.
 */
public record DuplicateSignature(long[] values, int bands) {

    /** Candidates whose estimated Jaccard similarity reaches this are the same matter re-sent. */
    public static final double THRESHOLD = 0.30;

    public List<String> bandKeys() {
        int rows = values.length / bands;
        List<String> keys = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) h = MinHasher.mix(h ^ values[b * rows + r]);
            keys.add(b + "_" + Long.toHexString(h));
        }
        return keys;
    }

    public double similarity(DuplicateSignature other) {
        int same = 0;
        for (int i = 0; i < values.length; i++) if (values[i] == other.values[i]) same++;
        return same / (double) values.length;
    }

    public boolean isDuplicateOf(DuplicateSignature other) {
        return similarity(other) >= THRESHOLD;
    }
}
