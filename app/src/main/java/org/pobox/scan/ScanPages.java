package org.pobox.scan;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The pages of one open scan file, decoded one at a time so a 200-page PDF never sits in memory
 * whole. Close it when done (it holds the file open). Not thread-safe.
 */
public interface ScanPages extends AutoCloseable {

    ScanFormat format();

    /** Number of pages (images in a TIFF, pages in a PDF, 1 for JPEG and PNG). */
    int count();

    /**
     * Page {@code index} (0-based) as an image: a PDF page rendered in gray at the decoder's dpi,
     * an image file as it is stored. Throws {@link BadFileException} if the page is too large or corrupt.
     */
    BufferedImage page(int index);

    /**
     * The text layer of a born-digital PDF page, when it has one worth using; empty for images and
     * for scanned PDFs, whose pages must be OCRed.
     */
    Optional<String> textLayer(int index);

    /**
     * Why page {@code index} was decoded only in part (a damaged stream in a PDF), once
     * {@link #page} has returned it; empty when it was decoded whole.
     */
    default Optional<String> damage(int index) {
        return Optional.empty();
    }

    /** The resolution of {@link #page}'s image in dots per inch, when known. */
    int dpi(int index);

    @Override
    void close();
}
