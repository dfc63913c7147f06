package org.pobox.ocr.paddle;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The six postal-code boxes of a Chinese envelope front (邮政编码框: a row of six small squares at
 * the top left, a digit written in each). The detector finds lines of text, not a digit fenced in
 * by a frame ten millimetres from the next: on the bench's envelopes it found the code in 8 of 20,
 * none of the colour scans. Here the frames themselves are found, the inside of each cut out and
 * the six set side by side as one short line, which the recogniser reads like any other.
 */
final class PostcodeBoxes {

    /** The boxes of one postal code. */
    static final int DIGITS = 6;
    /** A box's side as a share of the page's long side: 8 mm on a 220 mm envelope is 3.6%. */
    private static final double MIN_SIDE = 0.02, MAX_SIDE = 0.08;
    /** How much of each side of a frame must be drawn. */
    private static final double SIDE_DRAWN = 0.7;

    private PostcodeBoxes() {
    }

    /** A row of six boxes, left to right, each as {x, y, w, h} on the page. */
    record Row(List<int[]> boxes) {
        int left() {
            return boxes.get(0)[0];
        }

        int top() {
            return boxes.stream().mapToInt(b -> b[1]).min().orElseThrow();
        }

        int right() {
            int[] last = boxes.get(boxes.size() - 1);
            return last[0] + last[2];
        }

        int bottom() {
            return boxes.stream().mapToInt(b -> b[1] + b[3]).max().orElseThrow();
        }
    }

    /** The page is searched at this long side at most: a box is still ~40 px, its frame 2 px. */
    private static final int SEARCH_SIDE = 1200;

    /** The row of postal-code boxes on this page, or null. */
    static Row find(BufferedImage page) {
        // searched on a smaller copy: the arrays below would be ~200 MB for a 4000-px photo
        double scale = Math.min(1, (double) SEARCH_SIDE / Math.max(page.getWidth(), page.getHeight()));
        BufferedImage small = scale < 1 ? Images.resize(page, (int) Math.round(page.getWidth() * scale),
                (int) Math.round(page.getHeight() * scale)) : page;
        Row row = findIn(small);
        if (row == null || scale == 1) {
            return row;
        }
        List<int[]> boxes = new ArrayList<>();
        for (int[] b : row.boxes()) {
            int x = (int) Math.floor(b[0] / scale), y = (int) Math.floor(b[1] / scale);
            boxes.add(new int[] {x, y, Math.min(page.getWidth() - x, (int) Math.ceil(b[2] / scale)),
                    Math.min(page.getHeight() - y, (int) Math.ceil(b[3] / scale))});
        }
        return new Row(boxes);
    }

    private static Row findIn(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        boolean[] ink = ink(page);
        int longSide = Math.max(w, h);
        int minSide = (int) (MIN_SIDE * longSide), maxSide = (int) (MAX_SIDE * longSide);
        List<int[]> frames = new ArrayList<>();
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (!ink[start] || label[start] != 0) {
                continue;
            }
            next++;
            int x0 = w, y0 = h, x1 = -1, y1 = -1, top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w, py = p / w;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = px + dx, qy = py + dy;
                        if (qx >= 0 && qy >= 0 && qx < w && qy < h) {
                            int q = qy * w + qx;
                            if (ink[q] && label[q] == 0) {
                                label[q] = next;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
            int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
            if (bw >= minSide && bh >= minSide && bw <= maxSide && bh <= maxSide
                    && Math.abs(bw - bh) <= 0.2 * Math.max(bw, bh) && isFrame(label, next, w, x0, y0, bw, bh)) {
                frames.add(new int[] {x0, y0, bw, bh});
            }
        }
        return row(frames);
    }

    /** Each of the four sides drawn along most of its length, within a few pixels of the edge. */
    private static boolean isFrame(int[] label, int id, int w, int x0, int y0, int bw, int bh) {
        int band = Math.max(2, Math.min(bw, bh) / 10);
        int top = 0, bottom = 0, left = 0, right = 0;
        for (int x = x0; x < x0 + bw; x++) {
            top += any(label, id, w, x, y0, 0, 1, band) ? 1 : 0;
            bottom += any(label, id, w, x, y0 + bh - 1, 0, -1, band) ? 1 : 0;
        }
        for (int y = y0; y < y0 + bh; y++) {
            left += any(label, id, w, x0, y, 1, 0, band) ? 1 : 0;
            right += any(label, id, w, x0 + bw - 1, y, -1, 0, band) ? 1 : 0;
        }
        return Math.min(top, bottom) >= SIDE_DRAWN * bw && Math.min(left, right) >= SIDE_DRAWN * bh;
    }

    private static boolean any(int[] label, int id, int w, int x, int y, int dx, int dy, int band) {
        for (int i = 0; i < band; i++) {
            if (label[(y + i * dy) * w + x + i * dx] == id) {
                return true;
            }
        }
        return false;
    }

    /** Six frames of one size side by side on one level, closer than a box apart; the first such row from the top. */
    private static Row row(List<int[]> frames) {
        frames.sort(Comparator.comparingInt((int[] f) -> f[0]));
        for (int i = 0; i < frames.size(); i++) {
            List<int[]> row = new ArrayList<>(List.of(frames.get(i)));
            for (int j = i + 1; j < frames.size() && row.size() < DIGITS; j++) {
                int[] last = row.get(row.size() - 1), f = frames.get(j);
                int size = last[3];
                boolean level = Math.abs((f[1] + f[3] / 2) - (last[1] + last[3] / 2)) <= 0.2 * size;
                boolean alike = Math.abs(f[3] - size) <= 0.2 * size;
                int gap = f[0] - (last[0] + last[2]);
                if (level && alike && gap >= 0 && gap <= size) {
                    row.add(f);
                }
            }
            if (row.size() == DIGITS) {
                return new Row(row);
            }
        }
        return null;
    }

    /**
     * The insides of the boxes side by side on white, a little apart, as one line for the
     * recogniser: the frames left out, so that a digit is not read as 1 or 口.
     */
    static BufferedImage strip(BufferedImage page, Row row) {
        List<BufferedImage> insides = new ArrayList<>();
        for (int[] b : row.boxes()) {
            int inset = Math.max(2, b[2] / 8);
            insides.add(page.getSubimage(b[0] + inset, b[1] + inset, b[2] - 2 * inset, b[3] - 2 * inset));
        }
        int height = insides.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int gap = height / 6;
        int width = insides.stream().mapToInt(BufferedImage::getWidth).sum() + gap * (insides.size() + 1);
        BufferedImage out = new BufferedImage(width, height + 2 * gap, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            int x = gap;
            for (BufferedImage inside : insides) {
                g.drawImage(inside, x, gap, null);
                x += inside.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Ink: darker than most of the page by a margin, in the darkest channel, so a red frame
     * counts as well as a black one, in colour or in gray.
     */
    private static boolean[] ink(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        int[] rgb = page.getRGB(0, 0, w, h, null, 0, w);
        int[] darkest = new int[rgb.length];
        int[] histogram = new int[256];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            darkest[i] = Math.min((p >> 16) & 0xff, Math.min((p >> 8) & 0xff, p & 0xff));
            histogram[darkest[i]]++;
        }
        // the paper: the median of the darkest channel (an envelope is mostly paper)
        int paper = 0;
        for (int seen = 0; paper < 255 && seen + histogram[paper] < rgb.length / 2; paper++) {
            seen += histogram[paper];
        }
        int threshold = (int) (paper * 0.7);
        boolean[] ink = new boolean[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            ink[i] = darkest[i] < threshold;
        }
        return ink;
    }
}
