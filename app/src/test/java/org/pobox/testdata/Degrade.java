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
