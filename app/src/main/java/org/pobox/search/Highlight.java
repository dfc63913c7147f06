package org.pobox.search;

/**
 * Hits in snippets are wrapped in two private-use characters, not HTML: the page escapes the text
 * first and only then turns these into {@code <mark>}, so letter text can never inject markup.
 */
public final class Highlight {
    public static final String PRE = "\uE000";
    public static final String POST = "\uE001";

    private Highlight() {
    }
}
