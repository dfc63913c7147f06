package org.pobox.understand.duplicates;

import org.pobox.understand.text.Normalizer;

import java.util.Arrays;

/**
 * MinHash over character shingles of the text's letters and digits (spaces and punctuation
 * dropped, so layout, page order and OCR'd punctuation do not matter). Four characters: two-character
 * shingles are shared by almost any two letters in one language; four still leave a re-sent copy
 * most of its shingles when OCR garbles one character in twenty.
 */
public final class MinHasher {
    public static final int HASHES = 120;
    /** 60 bands of 2 rows: a pair with a quarter of its shingles in common shares a band 99 times in 100. */
    public static final int BANDS = 60;
    public static final int SHINGLE = 4;

    private final long[] seeds = new long[HASHES];

    public MinHasher() {
        long s = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) seeds[i] = s = mix(s + 0x9E3779B97F4A7C15L);
    }

    /**
     * @param text     the letter's own sentences (salutation and closing already dropped)
     * @param names    people the letter names; {@code places}, {@code numbers}: its other particulars
     */
    public DuplicateSignature signature(String text, java.util.Collection<String> names,
                                        java.util.Collection<String> places, java.util.Collection<String> numbers) {
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
        return new DuplicateSignature(min, sorted(names), sorted(places), sorted(numbers), BANDS);
    }

    private static java.util.List<String> sorted(java.util.Collection<String> values) {
        return new java.util.TreeSet<>(values).stream().toList();
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
