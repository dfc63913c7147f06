package org.pobox.ocr.paddle;

/**
 * The recogniser often cannot tell a full-width comma or exclamation mark from its ASCII twin
 * (they differ mostly in the space around them), and which one it picks at a line end changes
 * with the padding of the batch. Chinese text takes the full-width forms, so after a Chinese
 * character the ASCII forms are put back to full width.
 */
final class ChinesePunctuation {

    private static final String ASCII = ",!?:;";
    private static final String FULL = "，！？：；";

    private ChinesePunctuation() {
    }

    static String fullWidth(String line) {
        StringBuilder out = null;
        for (int i = 1; i < line.length(); i++) {
            int k = ASCII.indexOf(line.charAt(i));
            if (k >= 0 && isChinese(line.charAt(i - 1))) {
                if (out == null) {
                    out = new StringBuilder(line);
                }
                out.setCharAt(i, FULL.charAt(k));
            }
        }
        return out == null ? line : out.toString();
    }

    private static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
