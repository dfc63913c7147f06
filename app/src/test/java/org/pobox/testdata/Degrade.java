package org.pobox.testdata;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What happens to real mail between the writer and the scanner, applied to a rendered page:
 * turned a quarter or upside down, blurred, faded, JPEG-compressed, framed by a dark border,
 * punched, on ruled paper, stamped with a red seal, photographed at an angle under a shadow.
 * Each returns a new image; the page's true text does not change (a seal's characters are not
 * part of the letter).
 */
public final class Degrade {

    private Degrade() {
    }

    /** Turned clockwise by {@code quarters} × 90°, as a page fed sideways or upside down. */
    public static BufferedImage rotate(BufferedImage page, int quarters) {
        int q = ((quarters % 4) + 4) % 4;
        int w = page.getWidth(), h = page.getHeight();
        boolean swap = q % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        switch (q) {
            case 1 -> { t.translate(h, 0); t.quadrantRotate(1); }
            case 2 -> { t.translate(w, h); t.quadrantRotate(2); }
            case 3 -> { t.translate(0, w); t.quadrantRotate(3); }
            default -> { }
        }
        g.drawImage(page, t, null);
        g.dispose();
        return out;
    }

    /** A box blur of {@code radius} px, as an out-of-focus camera or a worn scanner lens. */
    public static BufferedImage blur(BufferedImage page, int radius) {
        int n = 2 * radius + 1;
        float[] k = new float[n * n];
        java.util.Arrays.fill(k, 1f / (n * n));
        BufferedImage src = gray(page);
        return new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    /** Ink and paper squeezed into [low, high] gray levels, as a faint photocopy. */
    public static BufferedImage lowContrast(BufferedImage page, int low, int high) {
        BufferedImage out = gray(page);
        byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xff;
            px[i] = (byte) (low + v * (high - low) / 255);
        }
        return out;
    }

    /** Saved and read back as a JPEG of {@code quality} (0..1): blocky artefacts around strokes. */
    public static BufferedImage jpeg(BufferedImage page, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                writer.write(null, new IIOImage(gray(page), null, null), p);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dark frame where the copier lid did not close: {@code width} px on every side. */
    public static BufferedImage border(BufferedImage page, int width) {
        BufferedImage out = copy(page);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(width));
        g.drawRect(width / 2, width / 2, out.getWidth() - width, out.getHeight() - width);
        g.dispose();
        return out;
    }

    /** Two punched holes in the left margin, dark as the scanner lid behind them. */
    public static BufferedImage punchHoles(BufferedImage page, int dpi) {
        BufferedImage out = copy(page);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(30, 30, 30));
        int d = dpi / 4, x = dpi / 4;
        g.fillOval(x, out.getHeight() / 3 - d / 2, d, d);
        g.fillOval(x, 2 * out.getHeight() / 3 - d / 2, d, d);
        g.dispose();
        return out;
    }

    /** Letter paper with light ruled lines every {@code spacing} px, drawn under the ink. */
    public static BufferedImage ruled(BufferedImage page, int spacing) {
        BufferedImage out = copy(page);
        byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int w = out.getWidth();
        for (int y = spacing; y < out.getHeight(); y += spacing) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                px[i] = (byte) Math.min(px[i] & 0xff, 170);
            }
        }
        return out;
    }

    /** A round seal with a star and characters stamped over the text; red becomes mid gray in a gray scan. */
    public static BufferedImage redSeal(BufferedImage page, int dpi, Random random) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int d = (int) (dpi * 1.6);
        int x = page.getWidth() / 2 + random.nextInt(Math.max(1, page.getWidth() / 3)) - d / 2;
        int y = page.getHeight() / 5 + random.nextInt(Math.max(1, page.getHeight() / 3));
        g.setColor(new Color(220, 40, 40, 150));
        g.setStroke(new BasicStroke(dpi / 30f));
        g.drawOval(x, y, d, d);
        g.setFont(new Font(ScanGenerator.installedFonts().get(0), Font.BOLD, d / 6));
        g.drawString("★", x + d / 2 - d / 12, y + d / 2 + d / 12);
        g.drawString("村民委员会", x + d / 6, y + d / 3);
        g.dispose();
        return gray(out);
    }

    /**
     * A page photographed from above at a slant: narrower at the top, with a shadow falling
     * across one side.
     */
    public static BufferedImage photographed(BufferedImage page, double slant, double shadow) {
        int w = page.getWidth(), h = page.getHeight();
        BufferedImage src = gray(page);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] s = ((java.awt.image.DataBufferByte) src.getRaster().getDataBuffer()).getData();
        byte[] o = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            double inset = slant * w * (1 - (double) y / h) / 2;   // top edge pulled in
            double rowWidth = w - 2 * inset;
            for (int x = 0; x < w; x++) {
                int v;
                if (x < inset || x >= w - inset) {
                    v = 90; // the table around the page
                } else {
                    int sx = (int) ((x - inset) * w / rowWidth);
                    v = s[y * w + Math.min(w - 1, sx)] & 0xff;
                }
                double dark = 1 - shadow * Math.max(0, 1 - (double) x / (w * 0.6));
                o[y * w + x] = (byte) (v * dark);
            }
        }
        return out;
    }


    // ---- the hard kinds of issue 16: colour is kept where the kind is about colour ----

    /**
     * A red official seal (ring, star, ring text) stamped in colour straight over a line of text,
     * as an office stamps a letter it received: the text under it stays legible to a person.
     */
    public static BufferedImage redSealOverText(BufferedImage page, int dpi, Random random) {
        // the seal is drawn on its own sheet and multiplied onto the page, as stamp ink over toner
        // darkens it: black text under the seal stays black, paper under it turns red
        BufferedImage seal = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, seal.getWidth(), seal.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int d = (int) (dpi * (1.5 + random.nextDouble() * 0.3));
        int margin = (int) (dpi * 25 / 25.4);
        int x = margin + random.nextInt(Math.max(1, page.getWidth() - 2 * margin - d));
        // the text block starts at the top margin: the seal sits on its first few lines
        int y = margin - d / 6 + random.nextInt(Math.max(1, d / 2));
        g.setColor(new Color(215 + random.nextInt(30), 30 + random.nextInt(30), 40 + random.nextInt(20), 190));
        g.setStroke(new BasicStroke(dpi / 28f));
        g.drawOval(x, y, d, d);
        Font font = new Font(ScanGenerator.installedFonts().get(0), Font.BOLD, d / 7);
        g.setFont(font);
        g.drawString("★", x + d / 2 - d / 14, y + d / 2 + d / 14);
        // -DnoSealLettering=true: ring and star only (the same pages otherwise: no random draw is
        // skipped), to measure what the lettering alone costs the text under it
        if (!Boolean.getBoolean("noSealLettering")) {
            ringText(g, font, "某某县某某镇人民政府", x, y, d, -150, 120, d / 14f);
            g.setFont(font.deriveFont(d / 9f));
            g.drawString("公章", x + d / 2 - d / 9, y + d * 3 / 4);
        }
        g.dispose();
        BufferedImage out = rgb(page);
        int w = out.getWidth(), h = out.getHeight();
        int[] o = out.getRGB(0, 0, w, h, null, 0, w), k = seal.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < o.length; i++) {
            int p = o[i], q = k[i];
            o[i] = (((p >> 16) & 255) * ((q >> 16) & 255) / 255) << 16 | (((p >> 8) & 255) * ((q >> 8) & 255) / 255) << 8
                    | ((p & 255) * (q & 255) / 255);
        }
        out.setRGB(0, 0, w, h, o, 0, w);
        return out;
    }

    /**
     * A stamp's text on its upper arc, one character at a time, each turned to face the centre.
     *
     * @param x        the left of the stamp's circle
     * @param y        the top of the stamp's circle
     * @param d        the circle's diameter
     * @param from     where the first character sits, degrees (0 is 3 o'clock, -90 is 12)
     * @param span     degrees from the first character to the last
     * @param half     half a character, to centre each on its point of the arc
     */
    static void ringText(Graphics2D g, Font font, String text, int x, int y, int d, double from, double span, float half) {
        for (int i = 0; i < text.length(); i++) {
            double a = Math.toRadians(from + span * i / (text.length() - 1));
            AffineTransform t = new AffineTransform();
            t.translate(x + d / 2.0 + Math.cos(a) * d * 0.36, y + d / 2.0 + Math.sin(a) * d * 0.36);
            t.rotate(a + Math.PI / 2);
            g.setFont(font.deriveFont(t));
            g.drawString(text.substring(i, i + 1), -half, half);
        }
    }

    /**
     * A phone photo of the sheet: the page as a perspective quadrilateral on a desk, a shadow band
     * across it, vignetting, blur growing towards the edges, saved as a JPEG of quality 50-70.
     */
    public static BufferedImage phonePhoto(BufferedImage page, Random random) {
        return phonePhoto(page, random, false);
    }

    /**
     * As {@link #phonePhoto(BufferedImage, Random)}; {@code steep}: the phone held at a slant
     * instead of above the sheet, so its far edge is much narrower than its near one (far corners
     * 12-22% in, near ones 2-5%), the far edge at the top or the bottom.
     */
    public static BufferedImage phonePhoto(BufferedImage page, Random random, boolean steep) {
        BufferedImage src = rgb(page);
        int w = src.getWidth(), h = src.getHeight();
        int ow = w, oh = h;
        // where the sheet's corners land in the photo (TL, TR, BR, BL): 4-12% in, unevenly
        double[] qx = new double[4], qy = new double[4];
        double[][] base = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        boolean farTop = random.nextBoolean();
        for (int i = 0; i < 4; i++) {
            double ix = 0.04 + random.nextDouble() * 0.08, iy = 0.03 + random.nextDouble() * 0.07;
            if (steep) {
                boolean far = (base[i][1] == 0) == farTop;
                ix = far ? 0.12 + random.nextDouble() * 0.10 : 0.02 + random.nextDouble() * 0.03;
            }
            qx[i] = base[i][0] == 0 ? ix * ow : (1 - ix) * ow;
            qy[i] = base[i][1] == 0 ? iy * oh : (1 - iy) * oh;
        }
        double[] hm = homography(qx, qy, new double[] {0, w, w, 0}, new double[] {0, 0, h, h});
        int[] s = src.getRGB(0, 0, w, h, null, 0, w);
        BufferedImage soft = Degrade.blurRgb(src, 2);
        int[] b = soft.getRGB(0, 0, w, h, null, 0, w);
        int[] o = new int[ow * oh];
        double angle = random.nextDouble() * Math.PI, shadow = 0.35 + random.nextDouble() * 0.2;
        double cx = Math.cos(angle), cy = Math.sin(angle), band = (random.nextDouble() - 0.5) * 0.6;
        int desk = random.nextInt(3);
        int[][] desks = {{120, 86, 60}, {70, 70, 75}, {160, 150, 130}};
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double den = hm[6] * x + hm[7] * y + 1;
                double sx = (hm[0] * x + hm[1] * y + hm[2]) / den, sy = (hm[3] * x + hm[4] * y + hm[5]) / den;
                double r, gg, bb;
                double ex = 2.0 * x / ow - 1, ey = 2.0 * y / oh - 1;
                double edge = Math.min(1, Math.sqrt(ex * ex + ey * ey) / 1.2);
                if (sx >= 0 && sy >= 0 && sx < w - 1 && sy < h - 1) {
                    int i = (int) sy * w + (int) sx;
                    double mix = edge * edge; // sharper in the middle, softer towards the edges
                    int p = s[i], q = b[i];
                    r = ((p >> 16) & 255) * (1 - mix) + ((q >> 16) & 255) * mix;
                    gg = ((p >> 8) & 255) * (1 - mix) + ((q >> 8) & 255) * mix;
                    bb = (p & 255) * (1 - mix) + (q & 255) * mix;
                    // warm indoor light on the paper
                    bb *= 0.93;
                } else {
                    int n = ((x * 7 + y * 13) ^ (x / 9 * 31 + y / 5 * 17)) & 15; // a little grain
                    r = desks[desk][0] + n;
                    gg = desks[desk][1] + n;
                    bb = desks[desk][2] + n;
                }
                double along = (ex * cx + ey * cy) - band;
                double light = (along > 0 && along < 0.5 ? 1 - shadow : 1) * (1 - 0.35 * edge * edge);
                o[y * ow + x] = clamp(r * light) << 16 | clamp(gg * light) << 8 | clamp(bb * light);
            }
        }
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, ow, oh, o, 0, ow);
        return jpegRgb(out, 0.5f + random.nextFloat() * 0.2f);
    }

    /** The back of the sheet showing through: {@code back} mirrored, at 10-20% of its ink. */
    public static BufferedImage bleedThrough(BufferedImage page, BufferedImage back, Random random) {
        BufferedImage out = rgb(page);
        int w = out.getWidth(), h = out.getHeight();
        BufferedImage soft = blurRgb(rgb(back), 1);
        double opacity = 0.10 + random.nextDouble() * 0.10;
        int[] o = out.getRGB(0, 0, w, h, null, 0, w);
        int bw = soft.getWidth(), bh = soft.getHeight();
        int[] k = soft.getRGB(0, 0, bw, bh, null, 0, bw);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mx = w - 1 - x; // the back is seen mirrored
                if (mx >= bw || y >= bh) {
                    continue;
                }
                double through = 1 - opacity * (1 - (k[y * bw + mx] & 255) / 255.0);
                int p = o[y * w + x];
                o[y * w + x] = clamp(((p >> 16) & 255) * through) << 16 | clamp(((p >> 8) & 255) * through) << 8
                        | clamp((p & 255) * through);
            }
        }
        out.setRGB(0, 0, w, h, o, 0, w);
        return out;
    }

    /**
     * A 150-dpi fax: the page brought down to 150 dpi, thresholded hard, with ink drop-outs,
     * rows lost in transmission (white, or the row before repeated) and dark streaks down the page.
     */
    public static BufferedImage fax(BufferedImage page, int dpi, Random random) {
        int w = page.getWidth() * 150 / dpi, h = page.getHeight() * 150 / dpi;
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(page, 0, 0, w, h, null);
        g.dispose();
        byte[] px = ((java.awt.image.DataBufferByte) small.getRaster().getDataBuffer()).getData();
        // the fax sets its threshold between the page's paper and ink, as its auto-contrast does
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        int ink = percentile(hist, px.length, 0.005), paper = percentile(hist, px.length, 0.5);
        int threshold = ink + (int) ((paper - ink) * (0.45 + random.nextDouble() * 0.15));
        for (int i = 0; i < px.length; i++) {
            boolean dark = (px[i] & 0xff) < threshold && random.nextDouble() > 0.08; // 8% of ink drops out
            px[i] = (byte) (dark ? 0 : 255);
        }
        for (int y = 1; y < h; y++) {
            double r = random.nextDouble();
            if (r < 0.006) { // a row lost: left white
                java.util.Arrays.fill(px, y * w, (y + 1) * w, (byte) 255);
            } else if (r < 0.012) { // a row repeated
                System.arraycopy(px, (y - 1) * w, px, y * w, w);
            }
        }
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
            int x = random.nextInt(w), len = h / 3 + random.nextInt(2 * h / 3), y0 = random.nextInt(h - len + 1);
            for (int y = y0; y < y0 + len; y++) {
                px[y * w + x] = 0;
            }
        }
        return small;
    }

    /**
     * A faint carbon copy: the page's ink turned a washed-out blue on grey paper, a little
     * smudged, as the second sheet of a carbon set.
     */
    public static BufferedImage carbonCopy(BufferedImage page, Random random) {
        BufferedImage src = blurRgb(rgb(page), 1);
        int w = src.getWidth(), h = src.getHeight();
        int[] o = src.getRGB(0, 0, w, h, null, 0, w);
        int paper = 178 + random.nextInt(20);
        double[] ink = {paper - 70 - random.nextInt(20), paper - 55 - random.nextInt(15), paper - 10 - random.nextInt(15)};
        for (int i = 0; i < o.length; i++) {
            double v = 1 - ((o[i] >> 8) & 255) / 255.0; // 0 paper .. ~0.9 ink
            v = Math.min(1, v / 0.9);
            o[i] = clamp(paper + (ink[0] - paper) * v) << 16 | clamp(paper - 2 + (ink[1] - paper + 2) * v) << 8
                    | clamp(paper - 6 + (ink[2] - paper + 6) * v);
        }
        src.setRGB(0, 0, w, h, o, 0, w);
        return src;
    }

    /** The homography (8 coefficients, h22 = 1) taking the four points (x, y) to (u, v). */
    static double[] homography(double[] x, double[] y, double[] u, double[] v) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            a[2 * i] = new double[] {x[i], y[i], 1, 0, 0, 0, -u[i] * x[i], -u[i] * y[i], u[i]};
            a[2 * i + 1] = new double[] {0, 0, 0, x[i], y[i], 1, -v[i] * x[i], -v[i] * y[i], v[i]};
        }
        for (int c = 0; c < 8; c++) {
            int p = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 9; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] hm = new double[8];
        for (int i = 0; i < 8; i++) {
            hm[i] = a[i][8] / a[i][i];
        }
        return hm;
    }

    static BufferedImage blurRgb(BufferedImage page, int radius) {
        int n = 2 * radius + 1;
        float[] k = new float[n * n];
        java.util.Arrays.fill(k, 1f / (n * n));
        return new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null).filter(rgb(page), null);
    }

    /** JPEG in colour (the gray {@link #jpeg} would drop a seal's red or a carbon's blue). */
    public static BufferedImage jpegRgb(BufferedImage page, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                writer.write(null, new IIOImage(rgb(page), null, null), p);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage rgb(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int percentile(int[] hist, int n, double q) {
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= q * n) {
                return v;
            }
        }
        return 255;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage copy(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage gray(BufferedImage page) {
        return page.getType() == BufferedImage.TYPE_BYTE_GRAY ? copy(page) : toGray(page);
    }

    private static BufferedImage toGray(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }
}
