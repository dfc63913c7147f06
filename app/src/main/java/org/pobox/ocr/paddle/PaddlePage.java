package org.pobox.ocr.paddle;

import java.util.List;
import org.pobox.ocr.PageText;

/**
 * What the Paddle engine read on one page, in more detail than {@link PageText}.
 *
 * @param text                 the lines in reading order, boxes on a line joined by a space
 * @param confidence           mean recognition score of the lines kept
 * @param lines                the boxes kept, in reading order
 * @param quarterTurns         how far the page was turned clockwise to read it (0-3)
 * @param lowConfidenceShare   share of characters read with probability under 0.8
 * @param path                 how it was read: {@link #FAST} (once, as it came), or {@link #CLEANED}
 *                             (read again, cleaned and closer, because the first read was doubtful)
 */
public record PaddlePage(String text, double confidence, List<PaddleLine> lines, int quarterTurns,
                         double lowConfidenceShare, String path) {

    public static final String FAST = "fast";
    public static final String CLEANED = "cleaned";

    /**
     * Weight of the text a read found beyond the other's, against its quality: a line lost in a
     * shadow band costs the sure-looking read nothing in its scores, only in its length (a carbon
     * copy photographed: 221 characters at 0.985 against 225 at 0.983, four of them lost words).
     * Bleed-through read as text is longer too, but at far lower quality (0.63 against 0.995).
     */
    private static final double LENGTH_WEIGHT = 0.25;

    /** Mean line score less the share of doubtful characters: what the better of two reads has more of. */
    double quality() {
        return confidence - lowConfidenceShare;
    }

    /** Whether this read of a page is better than {@code other}, a read of the same page. */
    boolean betterThan(PaddlePage other) {
        long mine = chars(), theirs = other.chars();
        double longer = Math.max(mine, theirs) == 0 ? 0 : (double) (mine - theirs) / Math.max(mine, theirs);
        return quality() + LENGTH_WEIGHT * longer > other.quality();
    }

    /** Characters read, spaces not counted. */
    long chars() {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    PaddlePage withPath(String how) {
        return new PaddlePage(text, confidence, lines, quarterTurns, lowConfidenceShare, how);
    }

    /**
     * This read with {@code line} in place of the lines whose centre lies inside it, the text
     * and mean score made again. Only for a page read as it came (no quarter turn), whose line
     * boxes are in reading geometry.
     */
    PaddlePage withLine(PaddleLine line) {
        double x0 = min(line.xs()), x1 = max(line.xs()), y0 = min(line.ys()), y1 = max(line.ys());
        List<LineOrder.Piece> pieces = new java.util.ArrayList<>();
        for (PaddleLine l : lines) {
            LineOrder.Piece p = piece(l);
            double cx = p.box().centreX(), cy = p.box().centreY();
            if (cx < x0 || cx > x1 || cy < y0 || cy > y1) {
                pieces.add(p);
            }
        }
        pieces.add(piece(line));
        List<PaddleLine> ordered = LineOrder.readingOrder(pieces).stream()
                .map(p -> new PaddleLine(p.text(), p.score(), p.box().xs(), p.box().ys())).toList();
        double mean = pieces.stream().mapToDouble(LineOrder.Piece::score).average().orElse(0);
        return new PaddlePage(LineOrder.text(pieces), mean, ordered, quarterTurns, lowConfidenceShare, path);
    }

    private static LineOrder.Piece piece(PaddleLine l) {
        return new LineOrder.Piece(new TextBox(l.xs(), l.ys(), l.score()), l.text(), l.score());
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    public PageText toPageText() {
        return new PageText(text, confidence);
    }
}
