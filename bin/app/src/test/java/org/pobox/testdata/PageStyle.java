package org.pobox.testdata;

/**
 * How a synthetic page looks.
 *
 * @param font        a Java2D font family (one of {@link ScanGenerator#installedFonts()})
 * @param dpi         scan resolution; the page is A4 at this resolution
 * @param fontPoints  text size in points (a letter is usually 11-14 pt)
 * @param noise       sprinkle dark specks over the page, as a dirty scanner glass does
 * @param skewDegrees rotation of the whole page, at most 2° either way
 * @param background  paper gray level, 255 = white
 */
public record PageStyle(String font, int dpi, float fontPoints, boolean noise, double skewDegrees, int background) {

    public PageStyle {
        if (Math.abs(skewDegrees) > 2.0) {
            throw new IllegalArgumentException("skew is at most 2 degrees, was " + skewDegrees);
        }
    }

    /** A clean print: first installed CJK font, 12 pt, no noise, no skew, white paper. */
    public static PageStyle clean(int dpi) {
        return new PageStyle(ScanGenerator.installedFonts().get(0), dpi, 12f, false, 0.0, 255);
    }

    public PageStyle withFont(String family) {
        return new PageStyle(family, dpi, fontPoints, noise, skewDegrees, background);
    }
}
