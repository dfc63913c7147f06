package org.pobox.ocr.paddle;

/**
 * A detected text region as four corners in page pixels, in reading order of its own text:
 * top-left, top-right, bottom-right, bottom-left.
 */
public record TextBox(double[] xs, double[] ys, double score) {

    public double width() {
        return Math.max(dist(0, 1), dist(3, 2));
    }

    public double height() {
        return Math.max(dist(0, 3), dist(1, 2));
    }

    public double centreX() {
        return (xs[0] + xs[1] + xs[2] + xs[3]) / 4;
    }

    public double centreY() {
        return (ys[0] + ys[1] + ys[2] + ys[3]) / 4;
    }

    /** Angle of the top edge in radians; positive when the box descends to the right. */
    public double angle() {
        return Math.atan2(ys[1] - ys[0], xs[1] - xs[0]);
    }

    public boolean isTall() {
        return height() > 1.5 * width();
    }

    private double dist(int a, int b) {
        return Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
    }
}
