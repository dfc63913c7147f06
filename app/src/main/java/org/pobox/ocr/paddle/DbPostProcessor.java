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
     * A region is text when its own pixels average this probability (PaddleOCR's box_thresh, with
     * its score_mode "slow": the region, not its rectangle). The rectangle's mean, PaddleOCR's
     * "fast" default, counts the background a slanted or wandering hand-written line leaves inside
     * its rectangle: whole lines scored 0.44-0.46 and were lost (a rough hand 0.053 CER -> 0.004,
     * barely legible 0.15 -> 0.056; a hand-lettered line under a seal), while every printed page
     * of the bench read the same (bench/RESULTS-ocr.md).
     */
    static final double BOX_THRESHOLD = 0.6;
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
            double regionMean = fill(prob, label, stack, start, regions, mapW, mapH, rowMin, rowMax);
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
            TextBox box = regionMean < BOX_THRESHOLD ? null : box(edgeX, edgeY, n, mapW, mapH, pageW, pageH, regionMean);
            if (box != null) {
                out.add(box);
            }
        }
        return out;
    }

    /** Flood-fills one region and records each row's min and max x; returns the region's mean probability. */
    private static double fill(float[] prob, int[] label, int[] stack, int start, int id, int w, int h,
                            int[] rowMin, int[] rowMax) {
        int sp = 0;
        stack[sp++] = start;
        label[start] = id;
        double sum = 0;
        int count = 0;
        while (sp > 0) {
            int p = stack[--sp];
            sum += prob[p];
            count++;
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
        return sum / count;
    }

    private static TextBox box(int[] xs, int[] ys, int n, int mapW, int mapH, int pageW, int pageH, double score) {
        RotatedRect rect = RotatedRect.minAreaRect(xs, ys, n);
        if (rect == null || Math.min(rect.width(), rect.height()) < MIN_SIZE) {
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

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
