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
        if (lines >= 3 && middling >= MIDDLING_LINES_SHARE * lines) {
            reasons.add(HANDWRITING_SUSPECTED);
        }
        return reasons;
    }

    public static boolean unreadable(Page page) {
        return PageReader.UNREADABLE.equals(page.engine());
    }
}
