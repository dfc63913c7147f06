package org.pobox.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.pobox.scan.PageDecoder;
import org.pobox.scan.ScanPages;

/** A page of a letter as a PNG, rendered from the original in {@code archive/}. */
final class PageImages {

    /** Wide enough to read on a 1366 px screen, small enough to send quickly. */
    static final int MAX_WIDTH = 1400;

    /** Rendered pages kept for re-reads (a PDF page takes about a second to render at 300 dpi). */
    private static final int CACHED_PAGES = 48;

    private final Path archive;
    private final PageDecoder decoder = new PageDecoder();
    /** A page as PNG, and the width in pixels of the original page (OCR boxes are in its pixels). */
    record Png(byte[] bytes, int originalWidth) {
    }

    private final Map<String, Png> cache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_PAGES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Png> eldest) {
                    return size() > CACHED_PAGES;
                }
            });

    PageImages(Path archive) {
        this.archive = archive;
    }

    /** Page {@code number} (1-based), or empty when the original or the page is not there. */
    Optional<Png> png(String archiveName, int number) {
        if (archiveName == null || archiveName.isBlank() || number < 1) {
            return Optional.empty();
        }
        Png cached = cache.get(archiveName + "#" + number);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = archive.resolve(archiveName).normalize();
        if (!file.startsWith(archive) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ScanPages pages = decoder.open(file)) {
            if (number > pages.count()) {
                return Optional.empty();
            }
            BufferedImage original = pages.page(number - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled(original), "png", out);
            Png png = new Png(out.toByteArray(), original.getWidth());
            cache.put(archiveName + "#" + number, png);
            return Optional.of(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage scaled(BufferedImage img) {
        if (img.getWidth() <= MAX_WIDTH) {
            return img;
        }
        int h = (int) Math.round(img.getHeight() * (MAX_WIDTH / (double) img.getWidth()));
        BufferedImage out = new BufferedImage(MAX_WIDTH, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, MAX_WIDTH, h, null);
        g.dispose();
        return out;
    }
}
