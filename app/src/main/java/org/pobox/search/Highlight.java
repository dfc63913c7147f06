package org.pobox.search;

import java.util.regex.Pattern;

/**
 * Hits in snippets are wrapped in two private-use characters, not HTML: the page escapes the text
 * first and only then turns these into {@code <mark>}, so letter text can never inject markup.
 */
public final class Highlight {
    public static final String PRE = "\uE000";
    public static final String POST = "\uE001";

    /**
     * A line break (or a space) between two Chinese characters, a hit marker on either side
     * allowed: in a snippet it is where the scan's line ended, not a word gap.
     */
    private static final Pattern CJK_BREAK = Pattern.compile(
            "(?<=\\p{IsHan}[" + PRE + POST + "]?)[\\s\\u3000]+(?=[" + PRE + POST + "]?\\p{IsHan})");

    private Highlight() {
    }

    /**
     * A snippet as one line of reading: Chinese characters on both sides of a line break are joined
     * without a space (a space there reads as a wrong word split, "修 建"), as the search itself
     * ignores that break; other line breaks stay for the reader to show as a space.
     */
    public static String joinCjkLines(String snippet) {
        return snippet == null ? null : CJK_BREAK.matcher(snippet).replaceAll("");
    }
}
