package org.pobox.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bench's stroke-drawn handwriting: what a bench user checks before trusting its figures. */
class HandStrokesTest {

    private static final String TEXT = "我是村民，反映2019年的问题。";

    private static byte[] pixels(BufferedImage page) {
        return ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
    }

    /** Share of pixels darker than mid-gray in a band of rows. */
    private static double ink(BufferedImage page, int fromRow, int toRow) {
        byte[] p = pixels(page);
        int w = page.getWidth();
        long dark = 0;
        for (int i = fromRow * w; i < toRow * w; i++) {
            if ((p[i] & 0xff) < 128) {
                dark++;
            }
        }
        return (double) dark / ((long) (toRow - fromRow) * w);
    }

    @Test
    void theSameSeedWritesTheSamePage() {
        BufferedImage a = new HandStrokes(HandStrokes.defaultData(), 5).page(TEXT, 150, HandStrokes.Hand.HURRIED);
        BufferedImage b = new HandStrokes(HandStrokes.defaultData(), 5).page(TEXT, 150, HandStrokes.Hand.HURRIED);

        assertThat(pixels(a)).isEqualTo(pixels(b));
    }

    @Test
    void aShortTextIsWrittenOnItsFirstLineAndTheRestOfThePageIsPaper() {
        int dpi = 150;
        BufferedImage page = new HandStrokes(HandStrokes.defaultData(), 5).page(TEXT, dpi, HandStrokes.Hand.NEAT);
        double em = 15.0 * dpi / 72;
        int margin = (int) Math.round(22 / 25.4 * dpi);

        // the first line, a character high above its baseline: pen strokes, a few percent of it
        assertThat(ink(page, margin, (int) (margin + em * 1.1))).isBetween(0.01, 0.3);
        assertThat(ink(page, (int) (margin + em * 3), page.getHeight())).isZero();
    }

    @Test
    void aRoughHandIsNotANeatOneAndCharactersWithoutStrokesAreStillWritten() {
        HandStrokes hands = new HandStrokes(HandStrokes.defaultData(), 5);
        BufferedImage neat = hands.page("2019", 150, HandStrokes.Hand.NEAT);
        BufferedImage rough = new HandStrokes(HandStrokes.defaultData(), 5).page(TEXT, 150, HandStrokes.Hand.ROUGH);
        BufferedImage neatText = new HandStrokes(HandStrokes.defaultData(), 5).page(TEXT, 150, HandStrokes.Hand.NEAT);

        assertThat(ink(neat, 0, neat.getHeight())).isPositive();
        assertThat(Arrays.equals(pixels(rough), pixels(neatText))).isFalse();
    }
}
