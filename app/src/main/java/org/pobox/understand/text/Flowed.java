package org.pobox.understand.text;

/**
 * A letter's text with its line breaks taken out, so that a word the writer (or the scan) broke
 * across two lines is one word again; {@link #original(int)} maps a position back to the text it
 * came from, so evidence still points into the letter as read.
 */
public record Flowed(String text, int[] positions, int originalLength) {

    public static Flowed of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] pos = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') continue;
            out.append(c);
            pos[n++] = i;
        }
        return new Flowed(out.toString(), java.util.Arrays.copyOf(pos, n), text.length());
    }

    /** The position in the original text of position {@code at} here ({@code text().length()} maps to its end). */
    public int original(int at) {
        if (at >= positions.length) return positions.length == 0 ? 0 : positions[positions.length - 1] + 1;
        return positions[at];
    }

    /** The original end of a span ending (exclusive) at {@code end} here. */
    public int originalEnd(int end) {
        return end == 0 ? 0 : original(end - 1) + 1;
    }
}
