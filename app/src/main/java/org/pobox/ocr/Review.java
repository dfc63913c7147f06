package org.pobox.ocr;

import com.hankcs.hanlp.HanLP;
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
    /**
     * Written in traditional characters: the recognisers (PP-OCRv4's alphabet, Tesseract's
     * chi_sim) have no class for some common ones (眾 沒 說 領 黨 審 …: 176 of the 76,765 Han
     * characters of the devset, all in its 9 letters in traditional characters) and leave them out
     * or write another character, so words with them are missing from the text and from search
     * (which folds the forms it does see).
     */
    public static final String TRADITIONAL_SCRIPT = "traditional_script";
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
    /**
     * Share of a letter's Chinese characters read in a traditional form beyond which it was
     * written in traditional characters: the recogniser writes many of them in the simplified form
     * (組 as 组), so pages in traditional characters read at 0.053-0.14, pages in simplified ones
     * at 0-0.005 (devset-worded ocr-compare pages).
     */
    static final double TRADITIONAL_SHARE = 0.03;

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
        if (traditionalShare(body.stream().map(Page::text).toList()) > TRADITIONAL_SHARE) {
            reasons.add(TRADITIONAL_SCRIPT);
        }
        return reasons;
    }

    /** Share of the Chinese characters that are a traditional form (one the simplified script writes otherwise). */
    static double traditionalShare(List<String> texts) {
        long han = 0, traditional = 0;
        for (String text : texts) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                    String one = String.valueOf(c);
                    traditional += HanLP.convertToSimplifiedChinese(one).equals(one) ? 0 : 1;
                }
            }
        }
        return han == 0 ? 0 : (double) traditional / han;
    }

    public static boolean unreadable(Page page) {
        return PageReader.UNREADABLE.equals(page.engine());
    }
}
