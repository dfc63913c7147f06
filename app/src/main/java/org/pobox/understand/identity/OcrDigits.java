package org.pobox.understand.identity;

/**
 * Reads digits the way OCR garbles them: inside a run that is mostly digits, letters that look
 * like digits (O/o/D → 0, l/I/| → 1, Z → 2, S → 5, B → 8, ...) are read as those digits.
 * One character for one, so positions stay those of the original text.
 */
public final class OcrDigits {
    private static final String LOOKALIKE = "OoDQ〇lI|i!LZzSsBbGgq";
    private static final String AS_DIGIT  = "00000111111225586699";
    private static final String SEPARATORS = " -—_()\n";
    private static final int MIN_REAL_DIGITS = 6;

    private OcrDigits() {}

    public static String read(String text) {
        return read(text, MIN_REAL_DIGITS);
    }

    /** @param minRealDigits how many true digits a run needs before its look-alikes count as digits */
    public static String read(String text, int minRealDigits) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            if (!isDigitish(out[i])) { i++; continue; }
            int j = i;
            int digits = 0;
            while (j < out.length && (isDigitish(out[j]) || SEPARATORS.indexOf(out[j]) >= 0)) {
                if (Character.isDigit(out[j])) digits++;
                j++;
            }
            if (digits >= minRealDigits) {
                for (int k = i; k < j; k++) {
                    int at = LOOKALIKE.indexOf(out[k]);
                    if (at >= 0) out[k] = AS_DIGIT.charAt(at);
                }
            }
            i = j;
        }
        return new String(out);
    }

    private static boolean isDigitish(char c) {
        return (c >= '0' && c <= '9') || LOOKALIKE.indexOf(c) >= 0;
    }
}
