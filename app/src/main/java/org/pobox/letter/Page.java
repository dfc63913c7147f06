package org.pobox.letter;

import java.util.List;

/**
 * One page of a letter as read: its 1-based number, text and mean line confidence (0..1).
 *
 * @param engine             what read it: "paddle", "tesseract" or "text-layer" (a PDF's own text)
 * @param fallback           why Paddle did not read it when Tesseract did (null when it did)
 * @param lowConfidenceShare share of characters read with low confidence; null when the engine
 *                           does not say
 * @param envelope           an envelope, shown with the letter but kept out of its body text
 * @param lines              the lines with their boxes on the scan as stored, so a viewer can mark
 *                           a hit; empty when the engine gives no boxes
 * @param ocrPath            how Paddle read it: "fast" (once, as scanned) or "cleaned" (read again on
 *                           a cleaned page because the first read was doubtful); null for other engines
 */
public record Page(int number, String text, double confidence, String engine, String fallback,
                   Double lowConfidenceShare, boolean envelope, List<Line> lines, String ocrPath) {

    public Page {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Page(int number, String text, double confidence, String engine, String fallback,
                Double lowConfidenceShare, boolean envelope, List<Line> lines) {
        this(number, text, confidence, engine, fallback, lowConfidenceShare, envelope, lines, null);
    }

    public Page(int number, String text, double confidence) {
        this(number, text, confidence, null, null, null, false, List.of());
    }

    /** A page whose text came from the PDF itself: no recognition, nothing to doubt. */
    public static boolean isTextLayer(Page p) {
        return "text-layer".equals(p.engine());
    }

    /** The page with {@code mask} applied to its text and to each line's text (boxes kept). */
    public Page masked(java.util.function.UnaryOperator<String> mask) {
        return new Page(number, mask.apply(text), confidence, engine, fallback, lowConfidenceShare, envelope,
                lines.stream().map(l -> new Line(mask.apply(l.text()), l.score(), l.xs(), l.ys())).toList(), ocrPath);
    }

    /** A line's text, score and corners (top-left, top-right, bottom-right, bottom-left) in pixels. */
    public record Line(String text, double score, double[] xs, double[] ys) {
    }
}
