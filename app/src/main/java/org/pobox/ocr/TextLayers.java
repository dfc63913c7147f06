package org.pobox.ocr;

/**
 * Whether a PDF's text layer can stand in for OCR. Broken font encodings give text that extracts
 * as replacement characters, private-use glyphs or controls: that layer is garbage, and the page
 * is OCRed instead.
 */
public final class TextLayers {

    static final int MIN_CHARS = 10;
    static final double MIN_READABLE_SHARE = 0.85;

    private TextLayers() {
    }

    public static boolean usable(String text) {
        if (text == null) {
            return false;
        }
        int total = 0, readable = 0;
        for (int cp : text.codePoints().toArray()) {
            if (Character.isWhitespace(cp)) {
                continue;
            }
            total++;
            if (readable(cp)) {
                readable++;
            }
        }
        return total >= MIN_CHARS && readable >= MIN_READABLE_SHARE * total;
    }

    private static boolean readable(int cp) {
        if (cp == 0xFFFD || Character.isISOControl(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE, Character.CONTROL, Character.FORMAT -> false;
            default -> true;
        };
    }
}
