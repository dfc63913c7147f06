package org.pobox.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF pages rendered in gray by PDFBox; a page's text layer is offered when it has real text. */
final class PdfPages implements ScanPages {

    /** Fewer letters than this on a page is a stamp or a scanner's footer, not a text layer to trust. */
    private static final int MIN_TEXT_LAYER_CHARS = 20;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final int dpi;
    private final PageDecoder limits;

    private PdfPages(PDDocument document, int dpi, PageDecoder limits) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
        this.dpi = dpi;
        this.limits = limits;
    }

    static PdfPages open(Path file, int dpi, PageDecoder limits) {
        PDDocument document;
        try {
            // a temp-file cache keeps a large PDF's objects out of the heap
            document = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new BadFileException("encrypted PDF: cannot be read without its password", e);
        } catch (IOException | RuntimeException e) {
            throw new BadFileException("truncated or corrupt PDF: " + PageDecoder.describe(e), e);
        }
        if (document.getNumberOfPages() == 0) {
            closeQuietly(document);
            throw new BadFileException("PDF has no pages");
        }
        return new PdfPages(document, dpi, limits);
    }

    @Override
    public ScanFormat format() {
        return ScanFormat.PDF;
    }

    @Override
    public int count() {
        return document.getNumberOfPages();
    }

    @Override
    public BufferedImage page(int index) {
        try {
            PDPage page = document.getPage(index);
            PDRectangle box = page.getCropBox();
            String what = "page " + (index + 1);
            limits.checkSize(Math.round(box.getWidth() / 72 * dpi), Math.round(box.getHeight() / 72 * dpi), what);
            checkEmbeddedImages(page.getResources(), what);
            return renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadFileException bad) {
                throw bad;
            }
            throw new BadFileException("truncated or corrupt PDF: page " + (index + 1) + ": " + PageDecoder.describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new BadFileException("PDF page " + (index + 1) + " does not fit in memory", e);
        }
    }

    /** A scanned page's embedded image is decoded whole before it is scaled: check its size first. */
    private void checkEmbeddedImages(PDResources resources, String what) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDImageXObject image) {
                limits.checkSize(image.getWidth(), image.getHeight(), what);
            }
        }
    }

    @Override
    public Optional<String> textLayer(int index) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            String text = stripper.getText(document).strip();
            long letters = text.codePoints().filter(Character::isLetterOrDigit).count();
            return letters >= MIN_TEXT_LAYER_CHARS ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable text layer: OCR the rendered page instead
        }
    }

    @Override
    public int dpi(int index) {
        return dpi;
    }

    @Override
    public void close() {
        closeQuietly(document);
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // read-only use: nothing to lose
        }
    }
}
