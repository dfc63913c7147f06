package org.pobox.ocr.paddle;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * The page as the re-read sees it (issue 16): ink alone on white paper. Three things at once,
 * each measured on the hard kinds of the ocr-compare bench:
 * <ul>
 * <li>the red channel only: a red seal stamped over text is nearly as bright as paper in it,
 * while black ink stays black and blue ink (a carbon copy) turns darker than in plain gray;</li>
 * <li>the paper divided out: the brightest value near each pixel is taken as its paper, so grey
 * carbon paper, a shadow band or the vignette of a phone photo all become white;</li>
 * <li>a white point below paper: anything lighter than {@link #WHITE} of its paper (the mirrored
 * back page showing through, at 10-20%) becomes white, and the ink that is left is stretched to
 * full black, so faint ink reads as firmly as printed ink.</li>
 * </ul>
 */
final class PageCleaner {

    /**
     * Ink lighter than this share of its paper is dropped. Bleed-through darkens paper by at most
     * 20% and is blurred by the sheet; 0.80 also ate the thin strokes of faint carbon copies
     * (CER 0.10 on one), 0.88 kept them.
     */
    static final double WHITE = 0.88;
    /** Paper is looked for in squares this fraction of the page's long side (about 3 mm). */
    private static final int BLOCKS_PER_SIDE = 80;

    private PageCleaner() {
    }

    /** A gray page of {@code page} (a BGR image), same size. */
    static BufferedImage clean(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        byte[] bgr = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        int block = Math.max(8, Math.max(w, h) / BLOCKS_PER_SIDE);
        int bw = (w + block - 1) / block, bh = (h + block - 1) / block;
        int[] paper = new int[bw * bh];
        for (int y = 0; y < h; y++) {
            int row = (y / block) * bw;
            for (int x = 0; x < w; x++) {
                int r = bgr[(y * w + x) * 3 + 2] & 0xff;
                int b = row + x / block;
                if (r > paper[b]) {
                    paper[b] = r;
                }
            }
        }
        // a square wholly inside a thick stroke has no paper: the median of it and its 8 neighbours
        // is paper again; their brightest would also be, but it carries the lit side of a phone's
        // shadow edge one square into the shadow, where the text then stays as dark as the shadow
        int[] lit = new int[paper.length];
        int[] near = new int[9];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        near[k++] = paper[clampIndex(by + dy, bh) * bw + clampIndex(bx + dx, bw)];
                    }
                }
                Arrays.sort(near);
                lit[by * bw + bx] = Math.max(1, Math.max(near[4], paper[by * bw + bx]));
            }
        }
        // ratio to paper, bilinear between square centres, as 0..255
        byte[] ratio = new byte[w * h];
        int[] hist = new int[256];
        for (int y = 0; y < h; y++) {
            double fy = (y + 0.5) / block - 0.5;
            int y0 = (int) Math.floor(fy);
            double ay = fy - y0;
            int ya = clampIndex(y0, bh), yb = clampIndex(y0 + 1, bh);
            for (int x = 0; x < w; x++) {
                double fx = (x + 0.5) / block - 0.5;
                int x0 = (int) Math.floor(fx);
                double ax = fx - x0;
                int xa = clampIndex(x0, bw), xb = clampIndex(x0 + 1, bw);
                double p = (lit[ya * bw + xa] * (1 - ax) + lit[ya * bw + xb] * ax) * (1 - ay)
                        + (lit[yb * bw + xa] * (1 - ax) + lit[yb * bw + xb] * ax) * ay;
                int v = (int) Math.min(255, Math.round(255 * (bgr[(y * w + x) * 3 + 2] & 0xff) / p));
                ratio[y * w + x] = (byte) v;
                hist[v]++;
            }
        }
        // the darkest ink (0.5% of the page) becomes black; faint ink gains the most
        int black = 0;
        for (long seen = 0; black < 255; black++) {
            seen += hist[black];
            if (seen >= 0.005 * ratio.length) {
                break;
            }
        }
        double lo = Math.min(0.5 * 255, black), hi = WHITE * 255;
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) / (hi - lo))));
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < ratio.length; i++) {
            byte v = lut[ratio[i] & 0xff];
            o[3 * i] = v;
            o[3 * i + 1] = v;
            o[3 * i + 2] = v;
        }
        return out;
    }

    /**
     * What the page looks like, from every 4th pixel of every 4th row: the share of strongly red
     * or blue pixels (a seal, coloured or carbon ink). A page with them is worth a second read.
     */
    static double colouredShare(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        byte[] bgr = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        long seen = 0, coloured = 0;
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < w; x += 4) {
                int i = (y * w + x) * 3;
                int b = bgr[i] & 0xff, g = bgr[i + 1] & 0xff, r = bgr[i + 2] & 0xff;
                seen++;
                if (r - Math.max(g, b) > 60 || b - r > 30) {
                    coloured++;
                }
            }
        }
        return seen == 0 ? 0 : (double) coloured / seen;
    }

    /**
     * How unevenly the page is lit, from every 4th pixel of every 4th row: the brightest red value
     * of each of 20×20 squares, the darkest tenth of the squares against the brightest tenth. Paper
     * lit evenly gives about 1; a phone's shadow band across the text about 0.4. Detection finds
     * the lines in the shadow less often while what it does find reads well, so a read that looks
     * sure of itself can still have lost words there.
     */
    static double lightRatio(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        byte[] bgr = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        int n = 20;
        int[] brightest = new int[n * n];
        for (int y = 0; y < h; y += 4) {
            int row = Math.min(n - 1, y * n / h) * n;
            for (int x = 0; x < w; x += 4) {
                int r = bgr[(y * w + x) * 3 + 2] & 0xff;
                int b = row + Math.min(n - 1, x * n / w);
                if (r > brightest[b]) {
                    brightest[b] = r;
                }
            }
        }
        Arrays.sort(brightest);
        return (double) brightest[brightest.length / 10] / Math.max(1, brightest[brightest.length * 9 / 10]);
    }

    private static int clampIndex(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
