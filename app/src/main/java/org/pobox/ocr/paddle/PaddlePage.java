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

    /** Mean line score less the share of doubtful characters: what the better of two reads has more of. */
    double quality() {
        return confidence - lowConfidenceShare;
    }

    PaddlePage withPath(String how) {
        return new PaddlePage(text, confidence, lines, quarterTurns, lowConfidenceShare, how);
    }

    public PageText toPageText() {
        return new PageText(text, confidence);
    }
}
