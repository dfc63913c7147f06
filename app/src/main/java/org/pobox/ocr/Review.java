package org.pobox.ocr;

import java.util.ArrayList;
import java.util.List;
import org.pobox.letter.Page;

/**
 * Why a person should read a letter's scan rather than trust its OCR. The thresholds come from
 * the generated corpus: clean and degraded print read by Paddle stays above 0.9 mean line
 * confidence with under 5% low-confidence characters; pages below that are where CER climbs.
 */
public final class Review {

    public static final String LOW_CONFIDENCE = "low_confidence";
    public static final String LITTLE_TEXT = "little_text";
    public static final String HANDWRITING_SUSPECTED = "handwriting_suspected";
    /** A page of the scan could not be decoded (a damaged PDF): read the scan, the page says why. */
    public static final String UNREADABLE_PAGES = "unreadable_pages";

    static final double MIN_CONFIDENCE = 0.80;
    static final double MAX_LOW_SHARE = 0.15;
    static final int MIN_BODY_CHARS = 30;
    /** Handwriting reads as many middling lines rather than a few bad ones. */
    static final double MIDDLING_LINE = 0.90;
    static final double MIDDLING_LINES_SHARE = 0.4;
    /**
     * A Paddle page with more doubtful characters (probability under 0.8) than this is likely to
     * have more than 2% of its characters wrong, however high its mean line score: on the
     * ocr-compare bench's hand-lettered, faxed and photographed pages the doubtful share tracked
     * the CER closely (0.022 at CER 0.022, 0.031 at 0.031, 0.060 at 0.055, 0.093 at 0.040) while
     * their mean scores stayed at 0.95-0.98, above {@link #MIN_CONFIDENCE} and the middling-line
     * rule (bench/RESULTS-ocr.md). Clean print stays at 0-0.015.
     */
    static final double DOUBTFUL_SHARE = 0.02;

    private Review() {
    }

    public static List<String> reasons(List<Page> pages) {
        List<String> reasons = new ArrayList<>();
        if (pages.stream().anyMatch(Review::unreadable)) {
            reasons.add(UNREADABLE_PAGES);
        }
        List<Page> body = pages.stream().filter(p -> !p.envelope() && !unreadable(p)).toList();
        boolean low = body.stream().anyMatch(p -> !Page.isTextLayer(p) && (p.confidence() < MIN_CONFIDENCE
                || (p.lowConfidenceShare() != null && p.lowConfidenceShare() > MAX_LOW_SHARE)));
        if (low) {
            reasons.add(LOW_CONFIDENCE);
        }
        long chars = body.stream().mapToLong(p -> p.text().codePoints().filter(c -> !Character.isWhitespace(c)).count()).sum();
        if (chars < MIN_BODY_CHARS) {
            reasons.add(LITTLE_TEXT);
        }
        // Paddle's line scores only: Tesseract's sit around 0.8-0.9 on clean print as well
        List<Page> paddle = body.stream().filter(p -> "paddle".equals(p.engine())).toList();
        long lines = paddle.stream().mapToLong(p -> p.lines().size()).sum();
        long middling = paddle.stream().flatMap(p -> p.lines().stream()).filter(l -> l.score() < MIDDLING_LINE).count();
        // a page already low in confidence says so; this is for pages that look sure of themselves
        boolean doubtful = !low && paddle.stream().anyMatch(p -> p.lowConfidenceShare() != null
                && p.lowConfidenceShare() > DOUBTFUL_SHARE);
        if ((lines >= 3 && middling >= MIDDLING_LINES_SHARE * lines) || doubtful) {
            reasons.add(HANDWRITING_SUSPECTED);
        }
        return reasons;
    }

    public static boolean unreadable(Page page) {
        return PageReader.UNREADABLE.equals(page.engine());
    }
}
