package org.pobox.ocr;

/** Points found on a page the engine turned upright, back on the page as it was scanned. */
public final class QuarterTurns {

    private QuarterTurns() {
    }

    /**
     * Undoes {@code turns} clockwise quarter turns on the points, in place, one turn at a time: a
     * point (x, y) of an image turned once came from (y, W - x), W being the turned image's width.
     *
     * @param turnedWidth  width of the image the points were found on
     * @param turnedHeight its height
     */
    public static void undo(double[] xs, double[] ys, int turns, int turnedWidth, int turnedHeight) {
        int width = turnedWidth, height = turnedHeight;
        for (int t = 0; t < turns; t++) {
            for (int i = 0; i < xs.length; i++) {
                double x = xs[i];
                xs[i] = ys[i];
                ys[i] = width - x;
            }
            int swap = width;
            width = height;
            height = swap;
        }
    }
}
