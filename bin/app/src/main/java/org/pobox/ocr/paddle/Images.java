package org.pobox.ocr.paddle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** The image operations the Paddle pipeline needs, on 3-byte BGR images (the models' channel order). */
final class Images {

    private Images() {
    }

    static BufferedImage toBgr(BufferedImage src) {
        // a sub-image shares its parent's buffer at an offset: copy it, toChw reads the buffer directly
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR && src.getRaster().getParent() == null) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE); // transparent pixels become paper, not black
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Bilinear resize to a BGR image; halves step by step first so that a large page is not aliased away. */
    static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage cur = src;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return cur.getWidth() == w && cur.getHeight() == h ? toBgr(cur) : draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Turns the image clockwise by {@code quarters} × 90°. */
    static BufferedImage rotate(BufferedImage src, int quarters) {
        int q = Math.floorMod(quarters, 4);
        if (q == 0) {
            return src;
        }
        int w = src.getWidth(), h = src.getHeight();
        boolean swap = q % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        AffineTransform t = new AffineTransform();
        switch (q) {
            case 1 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 2 -> t.setTransform(-1, 0, 0, -1, w, h);
            default -> t.setTransform(0, -1, 1, 0, 0, w);
        }
        Graphics2D g = out.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /**
     * Cuts out a text box and straightens it to an upright rectangle (PaddleOCR's
     * {@code get_rotate_crop_image}); the box is close to a parallelogram, so an affine map is enough.
     */
    static BufferedImage crop(BufferedImage page, TextBox box) {
        int w = Math.max(1, (int) Math.round(box.width()));
        int h = Math.max(1, (int) Math.round(box.height()));
        double[] xs = box.xs(), ys = box.ys();
        AffineTransform boxToPage = new AffineTransform(
                (xs[1] - xs[0]) / w, (ys[1] - ys[0]) / w,
                (xs[3] - xs[0]) / h, (ys[3] - ys[0]) / h,
                xs[0], ys[0]);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        try {
            g.drawImage(page, boxToPage.createInverse(), null);
        } catch (NoninvertibleTransformException e) {
            // a degenerate box: leave the crop blank
        } finally {
            g.dispose();
        }
        // a line still much taller than wide is vertical text: lay it down as PaddleOCR does
        return h >= 1.5 * w ? rotate(out, 3) : out;
    }

    /**
     * Writes the image into {@code dst} as CHW floats at sample {@code offset}, each channel mapped
     * by {@code (v / 255 - mean[c]) / std[c]}; columns past the image's width up to
     * {@code rowWidth} are left as they are (zero padding).
     */
    static void toChw(BufferedImage img, float[] dst, int offset, int rowWidth, float[] mean, float[] std) {
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int w = img.getWidth(), h = img.getHeight(), plane = rowWidth * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                int o = offset + y * rowWidth + x;
                for (int c = 0; c < 3; c++) {
                    dst[o + c * plane] = ((bgr[p + c] & 0xff) / 255f - mean[c]) / std[c];
                }
            }
        }
    }
}
