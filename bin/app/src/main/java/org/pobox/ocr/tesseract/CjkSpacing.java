package org.pobox.ocr.tesseract;

import java.util.regex.Pattern;

/**
 * Tesseract writes Chinese as if it were English: a space between every two characters, and a
 * line break wherever the printed line wrapped. Both split the phrases investigators search for
 * ("补偿 款"), so they go; spaces between Latin words and numbers stay.
 */
final class CjkSpacing {

    /** Han characters, CJK punctuation (。，、「」) and full-width forms (：；！？（）). */
    private static final String CJK = "[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]";

    private static final Pattern SPACE_NEXT_TO_CJK =
            Pattern.compile("(?<=" + CJK + ")[ \\t\\u3000]+|[ \\t\\u3000]+(?=" + CJK + ")");

    /**
     * A break between two Han characters is a wrapped line inside a sentence; a break after
     * punctuation or next to Latin text is kept as the writer's own line.
     */
    private static final Pattern WRAP_INSIDE_SENTENCE = Pattern.compile("(?<=\\p{IsHan})\\n(?=\\p{IsHan})");

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");

    private CjkSpacing() {
    }

    static String tidy(String ocr) {
        String text = ocr.replace("\r", "");
        text = SPACE_NEXT_TO_CJK.matcher(text).replaceAll("");
        text = TRAILING_SPACE.matcher(text).replaceAll("");
        text = WRAP_INSIDE_SENTENCE.matcher(text).replaceAll("");
        return text.strip();
    }
}
