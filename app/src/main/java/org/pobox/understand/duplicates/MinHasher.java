package org.pobox.understand.duplicates;

import org.pobox.understand.text.Normalizer;

import java.util.Arrays;

/**
 * MinHash over character shingles of the text's letters and digits (spaces and punctuation
 * dropped, so layout, page order and OCR'd punctuation do not matter). Short shingles keep
 * enough overlap when OCR garbles one character in ten.
 */
public final class MinHasher {
    public static final int HASHES = 120;
    public static final int BANDS = 40;
    public static final int SHINGLE = 2;

    private final long[] seeds = new long[HASHES];

    public MinHasher() {
        long s = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) seeds[i] = s = mix(s + 0x9E3779B97F4A7C15L);
    }

    public static final int KEY_HASHES = 40;

    public DuplicateSignature signature(String text) {
        return signature(text, java.util.List.of());
    }

    /**
     * @param keyTokens what tells one matter from another written in the same words (names,
     *                  numbers): weighed up so that two letters about different people differ
     */
    public DuplicateSignature signature(String text, java.util.Collection<String> keyTokens) {
        String t = Normalizer.normalize(text);
        StringBuilder kept = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) kept.append(c);
        }
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= kept.length(); i++) {
            long h = 1125899906842597L;
            for (int k = 0; k < SHINGLE; k++) h = 31 * h + kept.charAt(i + k);
            add(min, mix(h));
        }
        long[] keyMin = new long[KEY_HASHES];
        Arrays.fill(keyMin, Long.MAX_VALUE);
        for (String token : keyTokens) add(keyMin, mix(token.hashCode() * 0x9E3779B97F4A7C15L + 17));
        return new DuplicateSignature(min, keyMin, BANDS);
    }

    private void add(long[] min, long h) {
        for (int j = 0; j < min.length; j++) {
            long v = mix(h ^ seeds[j]);
            if (v < min[j]) min[j] = v;
        }
    }

    /** The 64-bit finaliser of MurmurHash3: a cheap, well-spread mixing function. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb53ca87ac4ebL;
        k ^= k >>> 33;
        return k;
    }
}
