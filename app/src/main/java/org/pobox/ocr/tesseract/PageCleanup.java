package org.pobox.ocr.tesseract;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.leptonica.PIX;

import static org.bytedeco.leptonica.global.leptonica.pixCreate;
import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;
import static org.bytedeco.leptonica.global.leptonica.pixMedianFilter;
import static org.bytedeco.leptonica.global.leptonica.pixSetResolution;
import static org.bytedeco.leptonica.global.leptonica.pixConvertTo1;
import static org.bytedeco.leptonica.global.leptonica.pixFindSkew;
import static org.bytedeco.leptonica.global.leptonica.pixRotateAMGray;
import static org.bytedeco.leptonica.global.leptonica.pixScaleAreaMap;

/**
 * Cleans a gray page before Tesseract reads it, as measured on degraded scans: a 3×3 median filter
 * when the page is speckled (photocopier dust and scanner noise read as stray strokes otherwise)
 * and Leptonica's deskew. No adaptive binarisation (Sauvola blanked low-contrast pages).
 */
final class PageCleanup {

    /**
     * Isolated dark pixels per thousand dark pixels above which a page counts as speckled: clean
     * print at 200-300 dpi has strokes several pixels wide and stays far below (~1‰), a page with
     * scanner specks is far above.
     */
    static final double SPECKLED_PER_MILLE = 15;

    /** Leptonica's own defaults for pixDeskew: smaller or less certain skews are left alone. */
    private static final float MIN_DESKEW_DEGREES = 0.1f;
    private static final float MIN_SKEW_CONFIDENCE = 3.0f;

    /** Gray level under which a pixel counts as ink when looking for specks. */
    private static final int INK = 128;

    private PageCleanup() {
    }

    /**
     * The page as a Leptonica image, median-filtered if speckled, deskewed and scaled down to
     * {@code readingDpi} if finer; the caller owns the image and must {@link #free} it.
     */
    /** The cleaned page, and how much it was scaled (1 = not at all): its line boxes are divided by it. */
    record Cleaned(PIX pix, double scale) {
    }

    static Cleaned cleaned(BufferedImage gray, int dpi, int readingDpi) {
        Look look = look(gray);
        PIX pix = toPix(gray);
        pixSetResolution(pix, dpi, dpi);
        if (look.speckledPerMille() > SPECKLED_PER_MILLE) {
            pix = replace(pix, pixMedianFilter(pix, 1, 1));
        }
        pix = replace(pix, deskewed(pix, look));
        double scale = scale(dpi, readingDpi);
        if (scale < 1) {
            pix = replace(pix, pixScaleAreaMap(pix, (float) scale, (float) scale));
        }
        return new Cleaned(pix, scale);
    }

    /** How much a page at {@code dpi} is scaled down to be read at {@code readingDpi} (0: as it is); 1 = not at all. */
    private static double scale(int dpi, int readingDpi) {
        return readingDpi > 0 && dpi > readingDpi ? (double) readingDpi / dpi : 1;
    }

    /**
     * The page turned straight, its corners filled with the paper's gray: white corners on gray
     * paper would make Tesseract's global threshold split white from paper and read every line
     * as ink. Null when the page is straight or its skew is uncertain (Leptonica's own limits).
     */
    private static PIX deskewed(PIX pix, Look look) {
        PIX binary = pixConvertTo1(pix, look.inkThreshold());
        try {
            float[] angle = new float[1];
            float[] confidence = new float[1];
            if (binary == null || pixFindSkew(binary, angle, confidence) != 0
                    || Math.abs(angle[0]) < MIN_DESKEW_DEGREES || confidence[0] < MIN_SKEW_CONFIDENCE) {
                return null;
            }
            return pixRotateAMGray(pix, (float) Math.toRadians(angle[0]), (byte) look.paper());
        } finally {
            free(binary);
        }
    }


    /**
     * Drops one reference to the image. Through a pointer-pointer: JavaCPP hands back the same Java
     * object for a clone (same address), and pixDestroy(PIX) would zero that shared object.
     */
    static void free(PIX pix) {
        if (pix != null && !pix.isNull()) {
            try (PointerPointer<PIX> reference = new PointerPointer<>(1)) {
                pixDestroy(reference.put(pix));
            }
        }
    }

    /**
     * The new image instead of the old one, or the old one when Leptonica returned none. Leptonica
     * returns a clone of the input when it had nothing to do: dropping one reference is still right.
     */
    private static PIX replace(PIX old, PIX made) {
        if (made == null || made.isNull()) {
            return old;
        }
        free(old);
        return made;
    }

    /**
     * What the page looks like.
     *
     * @param speckledPerMille dark pixels with no dark pixel among their four neighbours, per
     *                         thousand dark pixels
     * @param paper            the commonest light gray level: the paper
     * @param ink                the gray level the darkest 0.3% of the page reaches: the print (text covers ~1% of a letter page)
     */
    record Look(double speckledPerMille, int paper, int ink) {

        /** Halfway between print and paper: faint ruling, shadows and seals stay out of the skew search. */
        int inkThreshold() {
            return (paper + ink + 1) / 2;
        }
    }

    /** One pass over every fourth row: enough to tell specks from strokes and find paper and print, at a quarter of the cost. */
    static Look look(BufferedImage gray) {
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int stride = ((ComponentSampleModel) gray.getSampleModel()).getScanlineStride();
        int w = gray.getWidth(), h = gray.getHeight();
        long ink = 0, isolated = 0;
        long[] levels = new long[256];
        for (int y = 1; y < h - 1; y += 4) {
            int row = y * stride;
            for (int x = 1; x < w - 1; x++) {
                int level = px[row + x] & 0xff;
                levels[level]++;
                if (level >= INK) {
                    continue;
                }
                ink++;
                if ((px[row + x - 1] & 0xff) >= INK && (px[row + x + 1] & 0xff) >= INK
                        && (px[row - stride + x] & 0xff) >= INK && (px[row + stride + x] & 0xff) >= INK) {
                    isolated++;
                }
            }
        }
        int paper = 255;
        for (int level = INK; level < 256; level++) {
            if (levels[level] > levels[paper]) {
                paper = level;
            }
        }
        long seen = 0, all = java.util.Arrays.stream(levels).sum();
        int print = 0;
        while (print < paper && (seen += levels[print]) < all / 300) {
            print++;
        }
        return new Look(ink == 0 ? 0 : 1000.0 * isolated / ink, paper, print);
    }

    /**
     * An 8-bit Leptonica image of the gray page. Leptonica packs 4 pixels in a 32-bit word, first
     * pixel in the high byte: read as big-endian ints, rows padded to whole words, the bytes are
     * those words already.
     */
    private static PIX toPix(BufferedImage gray) {
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int stride = ((ComponentSampleModel) gray.getSampleModel()).getScanlineStride();
        int w = gray.getWidth(), h = gray.getHeight();
        PIX pix = pixCreate(w, h, 8);
        int wpl = pixGetWpl(pix);
        byte[] padded = new byte[wpl * 4 * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, y * stride, padded, y * wpl * 4, w);
        }
        int[] words = new int[wpl * h];
        ByteBuffer.wrap(padded).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(words);
        pixGetData(pix).put(words, 0, words.length);
        return pix;
    }
}
