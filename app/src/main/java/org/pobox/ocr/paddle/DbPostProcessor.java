package org.pobox.ocr.paddle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the DB detector's probability map into text boxes, as PaddleOCR's
 * {@code DBPostProcess} does: threshold, connected regions, minimum-area rectangles, box score,
 * unclip, scale back to the page. Regions are 8-connected pixel sets; only each row's outermost
 * pixels go into the hull, which gives the same hull as the region's contour.
 */
final class DbPostProcessor {

    static final double THRESHOLD = 0.3;
    /**
     * PaddleOCR's box_thresh is 0.6. A hand-lettered line under a red seal, cleaned of the seal,
     * scored between 0.5 and 0.6 and was dropped whole (CER 0.157 on that page, 0.000 at 0.5); no
     * other page of the ocr-compare bench, hard or ordinary, changed (bench/RESULTS-ocr.md).
     */
    static final double BOX_THRESHOLD = 0.5;
    static final double UNCLIP_RATIO = 1.5;
    static final int MAX_CANDIDATES = 1000;
    static final int MIN_SIZE = 3;

    private DbPostProcessor() {
    }

    /**
     * @param prob     the probability map, row-major, {@code mapW × mapH}
     * @param pageW    width of the page the boxes are for
     * @param pageH    height of the page the boxes are for
     */
    static List<TextBox> boxes(float[] prob, int mapW, int mapH, int pageW, int pageH) {
        int[] label = new int[mapW * mapH];
        int[] stack = new int[mapW * mapH];
        int[] edgeX = new int[2 * mapH];
        int[] edgeY = new int[2 * mapH];
        int[] rowMin = new int[mapH];
        int[] rowMax = new int[mapH];
        Arrays.fill(rowMin, Integer.MAX_VALUE);
        Arrays.fill(rowMax, -1);
        List<TextBox> out = new ArrayList<>();
        int regions = 0;
        for (int start = 0; start < prob.length && regions < MAX_CANDIDATES; start++) {
            if (label[start] != 0 || prob[start] <= THRESHOLD) {
                continue;
            }
            regions++;
            // scanning row by row, a region's first pixel is on its top row
            int top = start / mapW;
            fill(prob, label, stack, start, regions, mapW, mapH, rowMin, rowMax);
            int bottom = top;
            while (bottom + 1 < mapH && rowMax[bottom + 1] >= 0) {
                bottom++;
            }
            int n = 0;
            for (int y = top; y <= bottom; y++) {
                edgeX[n] = rowMin[y];
                edgeY[n++] = y;
                if (rowMax[y] != rowMin[y]) {
                    edgeX[n] = rowMax[y];
                    edgeY[n++] = y;
                }
                rowMin[y] = Integer.MAX_VALUE;
                rowMax[y] = -1;
            }
            TextBox box = box(prob, edgeX, edgeY, n, mapW, mapH, pageW, pageH);
            if (box != null) {
                out.add(box);
            }
        }
        return out;
    }

    /** Flood-fills one region and records each row's min and max x. */
    private static void fill(float[] prob, int[] label, int[] stack, int start, int id, int w, int h,
                            int[] rowMin, int[] rowMax) {
        int sp = 0;
        stack[sp++] = start;
        label[start] = id;
        while (sp > 0) {
            int p = stack[--sp];
            int x = p % w, y = p / w;
            rowMin[y] = Math.min(rowMin[y], x);
            rowMax[y] = Math.max(rowMax[y], x);
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= w) {
                        continue;
                    }
                    int q = ny * w + nx;
                    if (label[q] == 0 && prob[q] > THRESHOLD) {
                        label[q] = id;
                        stack[sp++] = q;
                    }
                }
            }
        }
    }

    private static TextBox box(float[] prob, int[] xs, int[] ys, int n, int mapW, int mapH, int pageW, int pageH) {
        RotatedRect rect = RotatedRect.minAreaRect(xs, ys, n);
        if (rect == null || Math.min(rect.width(), rect.height()) < MIN_SIZE) {
            return null;
        }
        double[][] c = rect.corners();
        double score = meanInside(prob, mapW, mapH, c[0], c[1]);
        if (score < BOX_THRESHOLD) {
            return null;
        }
        // pyclipper's offset of a rectangle by d is the rectangle grown by d on each side
        double w = rect.width(), h = rect.height();
        double d = w * h * UNCLIP_RATIO / (2 * (w + h));
        RotatedRect grown = rect.grown(d);
        if (Math.min(grown.width(), grown.height()) < MIN_SIZE + 2) {
            return null;
        }
        double[][] g = grown.corners();
        double sx = (double) pageW / mapW, sy = (double) pageH / mapH;
        double[] px = new double[4], py = new double[4];
        for (int i = 0; i < 4; i++) {
            px[i] = clamp(Math.round(g[0][i] * sx), 0, pageW - 1);
            py[i] = clamp(Math.round(g[1][i] * sy), 0, pageH - 1);
        }
        TextBox box = new TextBox(px, py, score);
        return box.width() <= 3 || box.height() <= 3 ? null : box;
    }

    /** Mean probability over the pixels inside a convex quadrilateral (the "fast" box score). */
    static double meanInside(float[] prob, int w, int h, double[] xs, double[] ys) {
        int x0 = (int) clamp(Math.floor(min(xs)), 0, w - 1), x1 = (int) clamp(Math.ceil(max(xs)), 0, w - 1);
        int y0 = (int) clamp(Math.floor(min(ys)), 0, h - 1), y1 = (int) clamp(Math.ceil(max(ys)), 0, h - 1);
        double sum = 0;
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (inside(xs, ys, x, y)) {
                    sum += prob[y * w + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Point in a convex quadrilateral given clockwise (in image coordinates), with half a pixel of slack. */
    private static boolean inside(double[] xs, double[] ys, double x, double y) {
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            double ex = xs[j] - xs[i], ey = ys[j] - ys[i];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                continue;
            }
            double cross = ex * (y - ys[i]) - ey * (x - xs[i]);
            if (cross / len < -0.5) {
                return false;
            }
        }
        return true;
    }

    private static double min(double[] v) {
        return Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
    }

    private static double max(double[] v) {
        return Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
