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
 * <li>the paper divided out: the page with its strokes closed over ({@link #paperRatio}) is taken
 * as its paper, so grey carbon paper, a shadow band or the vignette of a phone photo all become
 * white;</li>
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
    /** Share of the ink a black-and-white page's holes must reach to be taken for a fax's dropouts. */
    private static final double DROPOUTS = 0.075;
    /** The closing's square is the page's long side over this (about 3 mm): narrower strokes are closed over. */
    private static final int SQUARES_PER_SIDE = 80;

    private PageCleaner() {
    }

    /** A gray page of {@code page} (a BGR image), same size. */
    static BufferedImage clean(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        byte[] bgr = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        byte[] ratio = new byte[w * h];
        int[] hist = new int[256];
        paperRatio(bgr, w, h, ratio, hist);
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
        if (bilevel(hist, ratio.length)) {
            fillDropouts(ratio, w, h);
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
     * A fax or a page scanned in black and white: almost nothing between ink and paper. Its ink
     * has holes where the fax dropped it, which cost the recogniser (a faxed hand-written page
     * 0.027 → 0.020, a faxed page under a seal 0.064 → 0.045); grey pages have none to fill.
     */
    private static boolean bilevel(int[] hist, int n) {
        long between = 0;
        for (int v = 40; v < 216; v++) {
            between += hist[v];
        }
        return between < 0.01 * n;
    }

    /**
     * A paper pixel with at least 5 of its 8 neighbours ink becomes ink: a fax's dropouts and rows
     * lost across a stroke are filled. Paper beside the straight edge of a stroke has 3 ink
     * neighbours, so strokes do not grow; only an inside corner is rounded by a pixel. Done only
     * when there is much to fill, {@link #DROPOUTS} of the ink: the bench's faxes had 0.083-0.112,
     * pages in black and white without dropouts 0.019-0.058 (inside corners; 0.071 for print
     * thresholded at 150 dpi), and rounding the corners of all of them cost two hand-drawn pages
     * a character each.
     */
    private static void fillDropouts(byte[] v, int w, int h) {
        int[] holes = new int[Math.max(16, v.length / 8)];
        int n = 0, ink = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if ((v[i] & 0xff) < 128) {
                    ink++;
                    continue;
                }
                int near = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        near += (v[i + dy * w + dx] & 0xff) < 128 ? 1 : 0;
                    }
                }
                if (near >= 5) {
                    if (n == holes.length) {
                        holes = Arrays.copyOf(holes, 2 * n);
                    }
                    holes[n++] = i;
                }
            }
        }
        if (n > DROPOUTS * ink) {
            for (int k = 0; k < n; k++) {
                v[holes[k]] = 0;
            }
        }
    }

    /**
     * The paper under each pixel as the grey closing of the red channel (brightest within a
     * square, then darkest within the same square): strokes thinner than the square vanish, while
     * a step in the light, the edge of a phone's shadow, stays where it is. Squares of paper
     * interpolated between their centres had put the lit side's paper one square into the shadow
     * and blacked out the words along its edge. Done at half size: paper varies slowly.
     */
    private static void paperRatio(byte[] bgr, int w, int h, byte[] ratio, int[] hist) {
        int w2 = (w + 1) / 2, h2 = (h + 1) / 2;
        // the brightest red of each 2×2 square, then closed over: the paper
        int[] paper = new int[w2 * h2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = bgr[(y * w + x) * 3 + 2] & 0xff;
                int i = (y / 2) * w2 + x / 2;
                if (r > paper[i]) {
                    paper[i] = r;
                }
            }
        }
        int size = Math.max(5, Math.max(w, h) / SQUARES_PER_SIDE / 2) | 1;
        for (boolean brightest : new boolean[] {true, false}) {
            filter(paper, w2, h2, size, true, brightest);
            filter(paper, w2, h2, size, false, brightest);
        }
        for (int y = 0; y < h; y++) {
            int y0 = (int) Math.floor((y + 0.5) / 2 - 0.5);
            int ya = clampIndex(y0, h2), yb = clampIndex(y0 + 1, h2);
            for (int x = 0; x < w; x++) {
                int x0 = (int) Math.floor((x + 0.5) / 2 - 0.5);
                int xa = clampIndex(x0, w2), xb = clampIndex(x0 + 1, w2);
                // the darkest of the four: too bright a paper blackens ink and paper alike, too dark
                // a paper only whitens what is already paper
                int p = Math.min(Math.min(paper[ya * w2 + xa], paper[ya * w2 + xb]),
                        Math.min(paper[yb * w2 + xa], paper[yb * w2 + xb]));
                int v = Math.min(255, 255 * (bgr[(y * w + x) * 3 + 2] & 0xff) / Math.max(1, p));
                ratio[y * w + x] = (byte) v;
                hist[v]++;
            }
        }
    }

    /**
     * Brightest (or darkest) of {@code size} values centred on each, along rows or columns, by
     * van Herk / Gil-Werman: running extremes forwards and backwards within blocks of
     * {@code size}, three comparisons a value whatever the size. In place: each row (column) is
     * copied out before it is written.
     */
    private static void filter(int[] v, int w, int h, int size, boolean rows, boolean max) {
        int n = rows ? w : h, lines = rows ? h : w, step = rows ? 1 : w, r = size / 2;
        int padded = n + 2 * r;
        int[] line = new int[padded], fwd = new int[padded], bwd = new int[padded];
        for (int l = 0; l < lines; l++) {
            int base = rows ? l * w : l;
            for (int i = 0; i < padded; i++) {
                line[i] = v[base + clampIndex(i - r, n) * step];
            }
            for (int i = 0; i < padded; i++) {
                fwd[i] = i % size == 0 ? line[i] : pick(fwd[i - 1], line[i], max);
            }
            for (int i = padded - 1; i >= 0; i--) {
                bwd[i] = i == padded - 1 || (i + 1) % size == 0 ? line[i] : pick(bwd[i + 1], line[i], max);
            }
            for (int i = 0; i < n; i++) {
                v[base + i * step] = pick(bwd[i], fwd[i + size - 1], max);
            }
        }
    }

    private static int pick(int a, int b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
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
