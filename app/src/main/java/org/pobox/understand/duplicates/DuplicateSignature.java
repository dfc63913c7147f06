package org.pobox.understand.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * A letter's MinHash signatures: one over the text's character shingles, one over its key tokens
 * (names, places, long numbers). {@link #bandKeys()} are short strings for a keyword field: two
 * letters that share any band key are candidates (one terms query, no full scan); then
 * {@link #isDuplicateOf} confirms from the two Jaccard estimates. Letters about different people
 * can share much wording; a re-sent letter shares its names and places even through OCR noise.
 */
public record DuplicateSignature(long[] text, long[] keys, int bands) {

    /** Text this similar is the same letter whatever its names. */
    public static final double SAME_TEXT = 0.45;
    /** Text this similar, with these key tokens in common, is the same matter re-sent. */
    public static final double SIMILAR_TEXT = 0.35;
    public static final double SAME_KEYS = 0.35;

    public List<String> bandKeys() {
        int rows = text.length / bands;
        List<String> out = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) h = MinHasher.mix(h ^ text[b * rows + r]);
            out.add(b + "_" + Long.toHexString(h));
        }
        return out;
    }

    /** Estimated Jaccard similarity of the two texts' shingles. */
    public double similarity(DuplicateSignature other) {
        return estimate(text, other.text);
    }

    /** Estimated Jaccard similarity of the key tokens (0 when either letter has none). */
    public double keySimilarity(DuplicateSignature other) {
        if (keys[0] == Long.MAX_VALUE || other.keys[0] == Long.MAX_VALUE) return 0;
        return estimate(keys, other.keys);
    }

    public boolean isDuplicateOf(DuplicateSignature other) {
        double s = similarity(other);
        return s >= SAME_TEXT || s >= SIMILAR_TEXT && keySimilarity(other) >= SAME_KEYS;
    }

    /** Orders candidates: text similarity plus key similarity. */
    public double score(DuplicateSignature other) {
        return similarity(other) + keySimilarity(other);
    }

    private static double estimate(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return same / (double) a.length;
    }
}
