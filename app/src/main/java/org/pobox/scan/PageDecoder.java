package org.pobox.scan;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one scan file into page images: JPEG, PNG, TIFF (also multi-page) and PDF. The format is
 * decided by the file's first bytes, not its name. Anything else, and any broken file, ends in a
 * {@link BadFileException} whose message says what is wrong in words a clerk understands.
 * <p>
 * Use {@link #open} and read pages one by one for long files; {@link #decode} is the short form
 * that holds every page in memory. Image sizes are read from the header before any pixel is
 * decoded, so a file claiming 30000×30000 px is refused without allocating it.
 */
public final class PageDecoder {

    public static final int DEFAULT_PDF_DPI = 300;
    /** An A3 page at 600 dpi is 70 Mpx; anything far above is a mistake or a decompression bomb. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private static final int HEAD_BYTES = 1024;

    private final int pdfDpi;
    private final long maxPixels;

    public PageDecoder() {
        this(DEFAULT_PDF_DPI, DEFAULT_MAX_PIXELS);
    }

    /**
     * @param pdfDpi    resolution at which PDF pages are rendered
     * @param maxPixels largest page accepted, width × height
     */
    public PageDecoder(int pdfDpi, long maxPixels) {
        if (pdfDpi < 50 || pdfDpi > 1200) {
            throw new IllegalArgumentException("pdf dpi must be within 50..1200, was " + pdfDpi);
        }
        this.pdfDpi = pdfDpi;
        this.maxPixels = maxPixels;
    }

    /** Opens the file for reading page by page. The caller closes the result. */
    public ScanPages open(Path file) {
        ScanFormat format = detect(file);
        return switch (format) {
            case PDF -> PdfPages.open(file, pdfDpi, this);
            case JPEG, PNG, TIFF -> ImagePages.open(file, format, this);
        };
    }

    /** Every page of the file, in order. For long PDFs prefer {@link #open}. */
    public List<BufferedImage> decode(Path file) {
        try (ScanPages pages = open(file)) {
            List<BufferedImage> images = new ArrayList<>(pages.count());
            for (int i = 0; i < pages.count(); i++) {
                images.add(pages.page(i));
            }
            return images;
        }
    }

    public int pageCount(Path file) {
        try (ScanPages pages = open(file)) {
            return pages.count();
        }
    }

    /** The format by magic bytes; refuses empty, unreadable and unsupported files with the reason. */
    public ScanFormat detect(Path file) {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw new BadFileException("file not found");
        } catch (IOException e) {
            throw new BadFileException("cannot read the file: " + describe(e), e);
        }
        if (length == 0) {
            throw new BadFileException("empty file (0 bytes)");
        }
        ScanFormat format = ScanFormat.byMagic(head, length);
        if (format != null) {
            return format;
        }
        String extension = extension(file);
        ScanFormat promised = ScanFormat.byExtension(extension);
        String looksLike = FileSniffer.looksLike(head, length);
        if (promised != null) {
            throw new BadFileException("named ." + extension + " but is not a " + promised.label()
                    + " (looks like " + looksLike + ")");
        }
        throw new BadFileException("unsupported format: " + (extension.isEmpty() ? "no extension" : "." + extension)
                + " (looks like " + looksLike + "); pobox reads JPEG, PNG, TIFF and PDF");
    }

    /** Refuses a page before its pixels are allocated. */
    void checkSize(long width, long height, String what) {
        if (width <= 0 || height <= 0) {
            throw new BadFileException(what + " has no pixels (" + width + "×" + height + ")");
        }
        if (width * height > maxPixels) {
            throw new BadFileException(String.format(Locale.ROOT, "image too large: %d×%d px (limit %d megapixels)",
                    width, height, maxPixels / 1_000_000));
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A decoder's message, or what the exception means when it has none. */
    static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "unexpected end of file" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
