package org.pobox.testdata;

import java.util.Map;
import org.pobox.index.LetterMapping;

/** Character error rate: Levenshtein distance over characters divided by the truth's length, whitespace ignored. */
public final class Cer {

    private Cer() {
    }

    public static double of(String truth, String ocr) {
        int[] t = withoutWhitespace(truth);
        int[] o = withoutWhitespace(ocr);
        if (t.length == 0) {
            return o.length == 0 ? 0.0 : 1.0;
        }
        return (double) levenshtein(t, o) / t.length;
    }

    /**
     * The CER with traditional and simplified forms of a character counted as one, by the search
     * analyzers' own table ({@link LetterMapping#traditionalToSimplified}): a letter written in
     * traditional characters read in simplified ones is searchable as written.
     */
    public static double folded(String truth, String ocr) {
        return of(simplified(truth), simplified(ocr));
    }

    private static String simplified(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            out.append(Fold.TABLE.getOrDefault(one, one));
        });
        return out.toString();
    }

    /** Built on first use: about a second. */
    private static final class Fold {
        static final Map<String, String> TABLE = LetterMapping.traditionalToSimplified();
    }

    private static int[] withoutWhitespace(String s) {
        return s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').toArray();
    }

    private static int levenshtein(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
