package org.pobox.ocr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pobox.letter.Headers;
import org.pobox.letter.Page;
import org.pobox.letter.PageFile;
import org.pobox.letter.PageGroup;
import org.pobox.ocr.paddle.PaddleLine;
import org.pobox.ocr.paddle.PaddlePage;
import org.pobox.ocr.paddle.PaddleTimeoutException;
import org.pobox.ocr.tesseract.TesseractLine;
import org.pobox.ocr.tesseract.TesseractPage;
import org.pobox.scan.PageDecoder;
import org.pobox.scan.ScanPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the ocr route around the engines: a scan becomes page jobs; a job becomes either
 * a finished page (a PDF's own text layer) or a page image for the engine chosen for the
 * language; what the engine read becomes a {@link Page} that says which engine read it.
 */
public class PageReader {

    public static final String TEXT_LAYER = "text-layer";
    /** The engine of a page that could not be decoded: no text, its {@code fallback} says why. */
    public static final String UNREADABLE = "unreadable";

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

    private final PageDecoder decoder;
    private final String engine;

    /** @param engine the engine for the configured language: "paddle" or "tesseract" */
    public PageReader(PageDecoder decoder, String engine) {
        this.decoder = decoder;
        this.engine = engine;
    }

    /**
     * One job per page, in order: of the scan file in the body, or of each file of a
     * {@link PageGroup}. Only counts pages: nothing is decoded here.
     */
    public List<PageJob> jobs(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<Path> files = body instanceof PageGroup group
                ? group.pages().stream().map(PageFile::archived).toList()
                : List.of(Headers.filePath(exchange));
        List<PageJob> jobs = new ArrayList<>();
        for (Path file : files) {
            try (ScanPages pages = decoder.open(file)) {
                for (int i = 0; i < pages.count(); i++) {
                    jobs.add(new PageJob(file, i, jobs.size() + 1));
                }
            }
        }
        return jobs;
    }

    /**
     * Body in: a {@link PageJob}. Body out: the finished {@link Page} when the PDF's text layer is
     * good, else the page image, with {@link #Headers.OCR_ENGINE} naming the engine to read it.
     */
    public void prepare(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        Message in = exchange.getMessage();
        PageJob job = in.getMandatoryBody(PageJob.class);
        in.setHeader(Headers.PAGE_IMAGE, "page " + job.number() + " of letter " + shortId(exchange));
        try (ScanPages pages = decoder.open(job.file())) {
            Optional<String> layer = pages.textLayer(job.index());
            if (layer.isPresent() && TextLayers.usable(layer.get())) {
                String text = layer.get();
                in.setHeader(Headers.OCR_ENGINE, TEXT_LAYER);
                in.setBody(new Page(job.number(), text, 1.0, TEXT_LAYER, null, null, Envelopes.isEnvelope(text), List.of()));
                return;
            }
            java.awt.image.BufferedImage image;
            try {
                image = pages.page(job.index());
            } catch (org.pobox.scan.BadFileException e) {
                // one page that cannot be decoded does not lose the others: the letter is indexed
                // with this page empty and needs_review; with no readable page at all it fails
                // (LetterAssembler)
                LOG.warn("page {} of letter {} cannot be decoded: {}", job.number(), shortId(exchange), e.getMessage());
                in.setHeader(Headers.OCR_ENGINE, UNREADABLE);
                in.setBody(new Page(job.number(), "", 0.0, UNREADABLE, e.getMessage(), null, false, List.of()));
                return;
            }
            pages.damage(job.index()).ifPresent(why -> LOG.warn("letter {}: {}", shortId(exchange), why));
            in.setHeader(Headers.DPI, pages.dpi(job.index()));
            in.setHeader(Headers.OCR_ENGINE, engine);
            in.setHeader(Headers.PAGE_NUMBER, job.number());
            in.setBody(image);
        }
    }

    /** In the route's doCatch around Paddle: the page goes to Tesseract and says why. */
    public void fallBack(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e instanceof PaddleTimeoutException ? "paddle-timeout" : "paddle-failed";
        Message in = exchange.getMessage();
        in.setHeader(Headers.OCR_ENGINE, "tesseract");
        in.setHeader(Headers.FALLBACK, reason);
        // the exception names the model folder at most, never page content; models that cannot load
        // were reported once by the pool, not again for every page
        if (e instanceof org.pobox.ocr.paddle.PaddleUnavailableException) {
            LOG.debug("{}: {}, read by tesseract instead (models not loaded)", in.getHeader(Headers.PAGE_IMAGE), reason);
        } else {
            LOG.warn("{}: {}, read by tesseract instead ({})", in.getHeader(Headers.PAGE_IMAGE), reason,
                    e == null ? "?" : e.getMessage());
        }
    }

    /** Body in: the page read ({@link PageText}) or finished ({@link Page}); body out: the {@link Page}. */
    public Page finish(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body instanceof Page page) {
            return page;
        }
        PageText read = in.getMandatoryBody(PageText.class);
        int number = in.getHeader(Headers.PAGE_NUMBER, Integer.class);
        String readBy = in.getHeader(Headers.OCR_ENGINE, String.class);
        PaddlePage paddle = in.getHeader(Headers.PADDLE_PAGE, PaddlePage.class);
        TesseractPage tesseract = in.getHeader(Headers.TESSERACT_PAGE, TesseractPage.class);
        in.removeHeader(Headers.PADDLE_PAGE);
        in.removeHeader(Headers.TESSERACT_PAGE);
        Double lowShare = null;
        String path = null;
        List<Page.Line> lines = List.of();
        if ("paddle".equals(readBy) && paddle != null) {
            lowShare = paddle.lowConfidenceShare();
            path = paddle.path();
            lines = paddle.lines().stream().map(PageReader::line).toList();
        } else if ("tesseract".equals(readBy) && tesseract != null) {
            lowShare = tesseract.lowConfidenceShare();
            lines = tesseract.lines().stream().map(PageReader::line).toList();
        }
        return new Page(number, read.text(), read.confidence(), readBy, in.getHeader(Headers.FALLBACK, String.class), lowShare,
                Envelopes.isEnvelope(read.text()), lines, path);
    }

    private static Page.Line line(PaddleLine l) {
        return new Page.Line(l.text(), l.score(), l.xs(), l.ys());
    }

    private static Page.Line line(TesseractLine l) {
        return new Page.Line(l.text(), l.confidence(), new double[] {l.left(), l.right(), l.right(), l.left()},
                new double[] {l.top(), l.top(), l.bottom(), l.bottom()});
    }

    private static String shortId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(Headers.LETTER_ID, String.class);
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }
}
