package org.pobox.understand.text;

import com.hankcs.hanlp.HanLP;

/**
 * Makes OCR text comparable without moving characters: full-width ASCII to half-width and
 * traditional to simplified characters, one character for one, so every position found in the
 * normalised text is the same position in the original (masking and explanations rely on it).
 */
public final class Normalizer {
    private Normalizer() {}

    public static String normalize(String text) {
        if (text == null) return "";
        StringBuilder half = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            else if (c == '\u3000') c = ' ';
            half.append(c);
        }
        String s = half.toString();
        String simplified = HanLP.convertToSimplifiedChinese(s);
        if (simplified.length() == s.length()) return simplified;
        // a phrase conversion changed the length: convert character by character instead
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            String one = HanLP.convertToSimplifiedChinese(String.valueOf(s.charAt(i)));
            out.append(one.length() == 1 ? one.charAt(0) : s.charAt(i));
        }
        return out.toString();
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
