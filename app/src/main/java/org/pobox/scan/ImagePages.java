package org.pobox.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

/** JPEG, PNG and TIFF pages through ImageIO (TwelveMonkeys' readers for TIFF and JPEG). */
final class ImagePages implements ScanPages {

    private final ScanFormat format;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final PageDecoder limits;
    private final int count;

    private ImagePages(ScanFormat format, ImageInputStream input, ImageReader reader, PageDecoder limits, int count) {
        this.format = format;
        this.input = input;
        this.reader = reader;
        this.limits = limits;
        this.count = count;
    }

    static ImagePages open(Path file, ScanFormat format, PageDecoder limits) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format.label() + " on the classpath");
        }
        ImageInputStream input = null;
        ImageReader reader = null;
        try {
            input = ImageIO.createImageInputStream(file.toFile());
            if (format == ScanFormat.TIFF) {
                TiffStructure.verify(input, java.nio.file.Files.size(file));
            }
            reader = readers.next();
            reader.setInput(input, false, false); // metadata kept: it holds the scan resolution
            // JPEG and PNG hold one image; asking a JPEG reader for all would scan the whole file
            int count = format == ScanFormat.TIFF ? reader.getNumImages(true) : 1;
            if (count < 1) {
                throw new BadFileException("truncated or corrupt " + format.label() + ": it holds no image");
            }
            return new ImagePages(format, input, reader, limits, count);
        } catch (IOException | RuntimeException e) {
            close(reader, input);
            if (e instanceof BadFileException bad) {
                throw bad;
            }
            throw corrupt(format, e);
        }
    }

    @Override
    public ScanFormat format() {
        return format;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public BufferedImage page(int index) {
        try {
            limits.checkSize(reader.getWidth(index), reader.getHeight(index), "page " + (index + 1));
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            reader.addIIOReadWarningListener(listener);
            try {
                BufferedImage image = reader.read(index);
                // the JDK's JPEG reader returns a half-gray page for a cut file and only warns
                for (String warning : warnings) {
                    String w = warning.toLowerCase(Locale.ROOT);
                    if (w.contains("premature") || w.contains("truncat") || w.contains("end of")) {
                        throw new BadFileException("truncated or corrupt " + format.label() + ": " + warning);
                    }
                }
                return image;
            } finally {
                reader.removeIIOReadWarningListener(listener);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadFileException bad) {
                throw bad;
            }
            throw corrupt(format, e);
        } catch (OutOfMemoryError e) {
            throw new BadFileException("page " + (index + 1) + " does not fit in memory", e);
        }
    }

    @Override
    public Optional<String> textLayer(int index) {
        return Optional.empty();
    }

    @Override
    public int dpi(int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            return metadata == null ? 0 : Resolution.dotsPerInch(metadata);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        close(reader, input);
    }

    private static BadFileException corrupt(ScanFormat format, Exception e) {
        return new BadFileException("truncated or corrupt " + format.label() + ": " + PageDecoder.describe(e), e);
    }

    private static void close(ImageReader reader, ImageInputStream input) {
        if (reader != null) {
            reader.dispose();
        }
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing was written; the file is only read
            }
        }
    }
}
