package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes page images the way scanners deliver them: PNG, JPEG, (multi-page) TIFF, image-only PDF; and text PDFs. */
public final class ScanFiles {

    public enum Format { PNG, JPEG, TIFF, PDF_IMAGE, PDF_TEXT }

    /** TrueType-outline CJK fonts PDFBox can embed (it cannot embed the CFF-based Noto CJK). */
    private static final List<Path> PDF_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    private ScanFiles() {
    }

    public static void write(Format format, Path file, List<BufferedImage> pages, int dpi) throws IOException {
        switch (format) {
            case PNG -> single(pages, "PNG").forEach(p -> writeImage(p, "png", file, 1f, dpi));
            case JPEG -> single(pages, "JPEG").forEach(p -> writeImage(p, "jpeg", file, 0.85f, dpi));
            case TIFF -> writeTiff(file, pages, dpi);
            case PDF_IMAGE -> writeImagePdf(file, pages, dpi);
            case PDF_TEXT -> throw new IllegalArgumentException("a text PDF is written from text: use writeTextPdf");
        }
    }

    private static List<BufferedImage> single(List<BufferedImage> pages, String format) {
        if (pages.size() != 1) {
            throw new IllegalArgumentException(format + " holds one page, got " + pages.size());
        }
        return pages;
    }

    private static void writeImage(BufferedImage image, String format, Path file, float quality, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, resolution(writer, image, param, format.equals("png") ? dpi : 0)), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** One TIFF, one image per page (LZW, as office scanners write gray pages), no resolution tag. */
    public static void writeTiff(Path file, List<BufferedImage> pages) throws IOException {
        writeTiff(file, pages, 0);
    }

    /** As {@link #writeTiff(Path, List)}, recording {@code dpi} in each page (0: none). */
    public static void writeTiff(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, resolution(writer, page, param, dpi)), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Image metadata saying {@code dpi}, in ImageIO's format-neutral tree; null for none. */
    private static IIOMetadata resolution(ImageWriter writer, BufferedImage image, ImageWriteParam param, int dpi)
            throws IIOInvalidTreeException {
        if (dpi <= 0) {
            return null;
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (metadata.getNativeMetadataFormatName().equals("javax_imageio_png_1.0")) {
            // the JDK's PNG writer turns the neutral tree's mm/pixel into a wrong pHYs: write pHYs itself
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode png = new IIOMetadataNode("javax_imageio_png_1.0");
            png.appendChild(phys);
            metadata.mergeTree("javax_imageio_png_1.0", png);
            return metadata;
        }
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
            IIOMetadataNode size = new IIOMetadataNode(axis);
            // The neutral format says millimetres per pixel, which the readers honour, but TwelveMonkeys'
            // TIFF writer (3.12) stores the value as if it were pixels per millimetre.
            size.setAttribute("value", Double.toString(dpi / 25.4));
            dimension.appendChild(size);
        }
        IIOMetadataNode root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
        root.appendChild(dimension);
        metadata.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, root);
        return metadata;
    }

    /** A scanned PDF: each page one JPEG image covering an A4 page, no text. */
    public static void writeImagePdf(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi));
                doc.addPage(page);
                PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
    }

    /** A born-digital PDF with a real text layer (one page per text), in an embedded CJK font. */
    public static void writeTextPdf(Path file, List<String> pageTexts) throws IOException {
        Path fontFile = PDF_FONTS.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TrueType CJK font for PDFs: need one of " + PDF_FONTS));
        try (PDDocument doc = new PDDocument(); FontSource source = FontSource.open(fontFile)) {
            PDType0Font font = PDType0Font.load(doc, source.font(), true);
            float size = 12;
            float margin = 72;
            for (String text : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float width = page.getMediaBox().getWidth() - 2 * margin;
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, size);
                    content.setLeading(size * 1.6f);
                    content.newLineAtOffset(margin, page.getMediaBox().getHeight() - margin);
                    for (String line : wrapForPdf(text, font, size, width)) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    private static List<String> wrapForPdf(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < paragraph.length(); i++) {
                String next = line.toString() + paragraph.charAt(i);
                if (line.length() > 0 && font.getStringWidth(next) / 1000 * size > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(paragraph.charAt(i));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A font from a .ttf or the first font of a .ttc, kept open while the PDF is written. */
    private record FontSource(TrueTypeCollection collection, TrueTypeFont font) implements AutoCloseable {
        static FontSource open(Path file) throws IOException {
            if (file.toString().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                return new FontSource(collection, first[0]);
            }
            return new FontSource(null, new org.apache.fontbox.ttf.TTFParser()
                    .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile())));
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            } else {
                font.close();
            }
        }
    }
}
