package org.pobox.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
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
import org.pobox.search.PageRedaction;

/**
 * A page of a letter as a PNG, rendered from the original in {@code archive/}, with what the
 * reader may not see painted black (see {@link PageRedaction}): the pixels are gone from the
 * bytes sent, not hidden by the page.
 */
final class PageImages {

    /** Wide enough to read on a 1366 px screen, small enough to send quickly. */
    static final int MAX_WIDTH = 1400;
    /**
     * Added around each covered line box, in the original's pixels: OCR boxes hug the ink, and
     * strokes reaching past them (a signature's flourish) must not show.
     */
    static final double MARGIN = 12;

    /** Rendered pages kept for re-reads (a PDF page takes about a second to render at 300 dpi). */
    private static final int CACHED_PAGES = 48;

    private final Path archive;
    private final PageDecoder decoder = new PageDecoder();

    /** A page as PNG, and the width in pixels of the original page (OCR boxes are in its pixels). */
    record Png(byte[] bytes, int originalWidth) {
    }

    /** A page scaled for sending, before anything is covered; never sent as is to a non-lead. */
    private record Rendered(BufferedImage image, int originalWidth) {
    }

    private final Map<String, Rendered> cache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_PAGES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
                    return size() > CACHED_PAGES;
                }
            });

    PageImages(Path archive) {
        this.archive = archive;
    }

    /** Page {@code number} (1-based) with {@code cover} painted, or empty when the original or the page is not there. */
    Optional<Png> png(String archiveName, int number, PageRedaction cover) {
        return rendered(archiveName, number).map(r -> {
            BufferedImage out = covered(r.image(), r.image().getWidth() / (double) r.originalWidth(), cover);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                ImageIO.write(out, "png", bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Png(bytes.toByteArray(), r.originalWidth());
        });
    }

    private Optional<Rendered> rendered(String archiveName, int number) {
        if (archiveName == null || archiveName.isBlank() || number < 1) {
            return Optional.empty();
        }
        Rendered cached = cache.get(archiveName + "#" + number);
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
            Rendered r = new Rendered(scaled(original), original.getWidth());
            cache.put(archiveName + "#" + number, r);
            return Optional.of(r);
        }
    }

    /** A copy of {@code img} with the covered parts black; {@code img} itself (cached) is not changed. */
    static BufferedImage covered(BufferedImage img, double scale, PageRedaction cover) {
        if (cover.none()) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(),
                img.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.setColor(Color.BLACK);
        Area black = new Area();
        if (cover.whole() || cover.keepOnly()) {
            black.add(new Area(new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight())));
        }
        for (PageRedaction.Box b : cover.boxes()) {
            double m = cover.keepOnly() ? 0 : MARGIN;
            Area a = new Area(new Rectangle2D.Double((b.x() - m) * scale, (b.y() - m) * scale,
                    (b.w() + 2 * m) * scale, (b.h() + 2 * m) * scale));
            if (cover.whole()) {
                continue;
            }
            if (cover.keepOnly()) {
                black.subtract(a);
            } else {
                black.add(a);
            }
        }
        g.fill(black);
        g.dispose();
        return out;
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
