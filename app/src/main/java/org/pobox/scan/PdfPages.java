package org.pobox.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
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
    /** Page index → why it was decoded only in part. */
    private final Map<Integer, String> damaged = new ConcurrentHashMap<>();

    private PdfPages(PDDocument document, int dpi, PageDecoder limits) {
        this.document = document;
        this.renderer = new CheckingRenderer(document);
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
            List<String> damage = new ArrayList<>(damagedStreams(page));
            PROBLEMS.set(damage);
            BufferedImage image;
            try {
                image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
            } finally {
                PROBLEMS.remove();
            }
            if (!damage.isEmpty()) {
                // PDFBox draws what it can and skips the rest: a page that came out blank from
                // damaged streams has nothing to read; one with ink was read in part
                if (blank(image)) {
                    throw new BadFileException("damaged PDF: " + what + " could not be decoded (" + damage.get(0) + ")");
                }
                damaged.put(index, what + " decoded only in part (" + damage.get(0) + ")");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadFileException bad) {
                throw bad;
            }
            throw new BadFileException("truncated or corrupt PDF: page " + (index + 1) + ": " + PageDecoder.describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new BadFileException("PDF page " + (index + 1) + " does not fit in memory", e);
        }
    }

    /** Why page {@code index} was decoded only in part, once {@link #page} has rendered it. */
    @Override
    public Optional<String> damage(int index) {
        return Optional.ofNullable(damaged.get(index));
    }

    /**
     * The page's content streams and images that cannot be decoded: PDFBox logs those and draws
     * the page without them, so they are read here first (a page's streams are small next to its
     * rendering).
     */
    private static List<String> damagedStreams(PDPage page) {
        List<String> out = new ArrayList<>();
        try {
            java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
            while (streams.hasNext()) {
                try (java.io.InputStream in = streams.next().createInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("damaged content stream: " + PageDecoder.describe(e));
        }
        try {
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        try (java.io.InputStream in = image.getCOSObject().createInputStream()) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("damaged image: " + PageDecoder.describe(e));
        }
        return out;
    }

    /** No ink at all: every pixel light (a gray rendering, sampled every other pixel). */
    private static boolean blank(BufferedImage image) {
        java.awt.image.Raster raster = image.getRaster();
        int[] px = new int[1];
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (raster.getPixel(x, y, px)[0] < 160) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What PDFBox gave up on while drawing the page on this thread (it logs and goes on). */
    private static final ThreadLocal<List<String>> PROBLEMS = new ThreadLocal<>();

    /** A renderer whose page drawer notes the operators PDFBox could not carry out (a broken image, a missing resource). */
    private static final class CheckingRenderer extends PDFRenderer {
        CheckingRenderer(PDDocument document) {
            super(document);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
                    List<String> problems = PROBLEMS.get();
                    if (problems != null) {
                        problems.add(operator.getName() + ": " + PageDecoder.describe(e));
                    }
                    super.operatorException(operator, operands, e);
                }
            };
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
