package org.pobox.ocr.paddle;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.pobox.ocr.OcrEngine;
import org.pobox.ocr.PageText;

/**
 * PaddleOCR (PP-OCRv4 detection, direction classification and recognition) on ONNX Runtime.
 * Models are loaded once per instance; an instance is used by one thread at a time.
 *
 * <p>Orientation is settled per page, not per line: a page whose boxes are mostly tall is
 * turned a quarter and detected again, and a page is upside down when the classifier says so
 * over its widest lines (single lines are too easily misjudged).
 */
public final class PaddleEngine implements OcrEngine {

    public static final String DET_MODEL = "ch_PP-OCRv4_det_infer.onnx";
    public static final String REC_MODEL = "ch_PP-OCRv4_rec_infer.onnx";
    public static final String CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public static final String KEYS = "ppocr_keys_v1.txt";

    /**
     * The long side the detector sees (PaddleOCR's det_limit_side_len, limit_type max; 960 is its
     * default, 736-960 common for A4). On the 48-page ocr-compare corpus (11-14 pt text at 200 and
     * 300 dpi), detection cost 0.21 CPU s/page at 960, 0.14 at 800, 0.12 at 736, with mean CER on
     * degraded pages 0.0076, 0.0071, 0.0076 and on clean ones 0.0000, 0.0003, 0.0000
     * (bench/RESULTS-ocr.md). 800 rather than 736 leaves room for smaller print than the corpus has.
     */
    public static final int DEFAULT_DET_LIMIT_SIDE = 800;
    /**
     * One line per recognition run, not PaddleOCR's 6: each session has one CPU thread, where a
     * batch only adds padding and larger tensors (less cache) for no parallelism. Per column of a
     * 48 px line: 89-93 µs alone at 1600 px wide, 107 µs in a batch of 4, 112 µs in a batch of 6;
     * on the ocr-compare corpus recognition took 0.59-0.66 CPU s/page instead of 0.72-0.74, the
     * same CER (bench/RESULTS-ocr.md).
     */
    public static final int DEFAULT_REC_BATCH = 1;

    /**
     * The long side the detector sees when a doubtful page is read again, cleaned. With the word
     * choice and the shadow check, 1280 read the hard pages better than 960: mean CER 0.0126 →
     * 0.0121 on 21 generated, 0.0296 → 0.0257 on 21 worded from the devset (a faxed page under a
     * seal lost three lines at 960), ordinary pages unchanged; it costs 15-20% more CPU on hard
     * pages and 8% on ordinary ones, where few pages are read again (bench/RESULTS-ocr.md).
     */
    public static final int DEFAULT_REREAD_SIDE = 1280;
    /**
     * A first read is doubtful, and the page is read again, when more of its characters than this
     * are doubtful (probability under 0.8), or its mean line score is lower than
     * {@link #DOUBTFUL_CONFIDENCE}, or the page shows a seal's red or a carbon's blue.
     */
    static final double DOUBTFUL_LOW_SHARE = 0.02;
    static final double DOUBTFUL_CONFIDENCE = 0.97;
    static final double COLOURED_SHARE = 0.002;
    /**
     * A page is read again when its darkest paper is darker than this share of its brightest
     * ({@link PageCleaner#lightRatio}): phone photos with a shadow band measured 0.43-0.45, the
     * bench's other pages 0.66-1.0. The first read of such a page looks sure of itself and has
     * lost the words in the shadow.
     */
    static final double SHADOWED = 0.55;

    /** PaddleOCR's drop_score: lines read with less confidence are noise more often than text. */
    static final double MIN_LINE_SCORE = 0.5;
    /** A postal code read from its boxes is kept at this mean score or more. */
    static final double POSTCODE_SCORE = 0.8;
    private static final int ORIENTATION_LINES = 6;
    /** Lines read both ways before a page the classifier calls upside down is turned. */
    private static final int CONFIRM_LINES = 3;
    /**
     * Larger pages are shrunk first: detection sees at most detLimitSide anyway, and lines of a
     * page this size are still well over the recogniser's 48 px; it bounds memory on huge photos.
     */
    static final int MAX_PAGE_SIDE = 4000;

    private final TextDetector detector;
    private final DirectionClassifier classifier;
    private final TextRecognizer recognizer;
    private final int rereadSide;
    /** Off for the bench's "before" figures and the test that shows what the re-read is worth. */
    boolean adaptive = true;
    /** How the recogniser's alternatives for a doubtful character are chosen among. */
    WordChoice words = new WordChoice(WordChoice.DEFAULT_WEIGHT);
    /** Per-stage CPU time, for the bench. */
    StageClock clock = StageClock.OFF;

    public PaddleEngine() {
        this(defaultModelDir(), DEFAULT_DET_LIMIT_SIDE, DEFAULT_REC_BATCH);
    }

    /**
     * @throws PaddleException when a model is missing or cannot be loaded
     */
    public PaddleEngine(Path modelDir, int detLimitSide, int recBatch) {
        this(modelDir, detLimitSide, recBatch, DEFAULT_REREAD_SIDE);
    }

    /**
     * @param rereadSide the detector's long side when a doubtful page is read again; 0: never read again
     * @throws PaddleException when a model is missing or cannot be loaded
     */
    public PaddleEngine(Path modelDir, int detLimitSide, int recBatch, int rereadSide) {
        this.rereadSide = rereadSide;
        for (String file : List.of(DET_MODEL, REC_MODEL, CLS_MODEL, KEYS)) {
            if (!Files.isRegularFile(modelDir.resolve(file))) {
                throw new PaddleException("Paddle model missing: " + modelDir.resolve(file) + " (run bin/fetch-models)", null);
            }
        }
        TextDetector det = null;
        DirectionClassifier cls = null;
        try {
            det = new TextDetector(modelDir.resolve(DET_MODEL), detLimitSide);
            cls = new DirectionClassifier(modelDir.resolve(CLS_MODEL));
            recognizer = new TextRecognizer(modelDir.resolve(REC_MODEL), modelDir.resolve(KEYS), recBatch);
        } catch (OrtException | IOException | RuntimeException e) {
            if (det != null) {
                det.close();
            }
            if (cls != null) {
                cls.close();
            }
            throw new PaddleException("Paddle models in " + modelDir + " failed to load", e);
        }
        detector = det;
        classifier = cls;
    }

    /**
     * {@code <pobox.install>/models/paddle}, where bin/fetch-models puts the models (bin/pobox sets
     * {@code pobox.install}; in a checkout and under surefire it is {@code pobox.home}).
     */
    public static Path defaultModelDir() {
        return Path.of(System.getProperty("pobox.install", System.getProperty("pobox.home", ".")))
                .resolve("models").resolve("paddle");
    }

    @Override
    public PageText read(BufferedImage image) {
        return readPage(image).toPageText();
    }

    /** Reads a page with its line boxes, orientation and character confidence. */
    public PaddlePage readPage(BufferedImage image) {
        try {
            long t = clock.start();
            BufferedImage page = bounded(image);
            clock.lap("to BGR", t);
            double scale = (double) page.getWidth() / image.getWidth();
            PaddlePage fast = readUpright(page, scale, 0).withPath(PaddlePage.FAST);
            if (!adaptive || rereadSide <= 0 || !doubtful(fast, page)) {
                return withPostcode(fast, page, scale);
            }
            // read again, cleaned and closer; keep whichever read is surer of itself
            t = clock.start();
            BufferedImage cleaned = PageCleaner.clean(page);
            clock.lap("clean", t);
            PaddlePage again = readUpright(cleaned, scale, rereadSide).withPath(PaddlePage.CLEANED);
            return withPostcode(again.betterThan(fast) ? again : fast, page, scale);
        } catch (PaddleException e) {
            throw e;
        } catch (OrtException | RuntimeException e) {
            throw new PaddleException("Paddle failed on a page", e);
        }
    }

    /**
     * On an envelope front (a short read, as it came), the postal code from its six boxes
     * ({@link PostcodeBoxes}) in place of whatever the detector made of them; the read as it was
     * when there is no such row or its six digits are not read surely.
     */
    private PaddlePage withPostcode(PaddlePage read, BufferedImage page, double scale) throws OrtException {
        if (read.quarterTurns() != 0 || read.chars() > org.pobox.ocr.Envelopes.MAX_CHARS) {
            return read;
        }
        long t = clock.start();
        PostcodeBoxes.Row row = PostcodeBoxes.find(page);
        if (row == null) {
            clock.lap("postcode", t);
            return read;
        }
        TextRecognizer.Line code = recognizer.recognize(List.of(PostcodeBoxes.strip(page, row))).get(0);
        clock.lap("postcode", t);
        String digits = code.text().replaceAll("\\s", "");
        if (!digits.matches("\\d{" + PostcodeBoxes.DIGITS + "}") || code.score() < POSTCODE_SCORE) {
            return read;
        }
        double[] xs = {row.left() / scale, row.right() / scale, row.right() / scale, row.left() / scale};
        double[] ys = {row.top() / scale, row.top() / scale, row.bottom() / scale, row.bottom() / scale};
        return read.withLine(new PaddleLine(digits, code.score(), xs, ys));
    }

    /** Doubtful: many doubtful characters, a low mean score, red or blue on the page, or a shadow across it. */
    private boolean doubtful(PaddlePage read, BufferedImage page) {
        if (read.lowConfidenceShare() > DOUBTFUL_LOW_SHARE || read.confidence() < DOUBTFUL_CONFIDENCE) {
            return true;
        }
        long t = clock.start();
        boolean coloured = PageCleaner.colouredShare(page) > COLOURED_SHARE;
        boolean shadowed = PageCleaner.lightRatio(page) < SHADOWED;
        clock.lap("colour", t);
        return coloured || shadowed;
    }

    /**
     * @param scale how much the page was shrunk from the caller's image
     * @param side  the detector's long side; 0 for its default
     */
    private PaddlePage readUpright(BufferedImage page, double scale, int side) throws OrtException {
        int turns = 0;
        List<TextBox> boxes = side > 0 ? detector.detect(page, clock, side) : detector.detect(page, clock);
        if (mostlyTall(boxes)) {
            long t = clock.start();
            page = Images.rotate(page, 1);
            turns = 1;
            clock.lap("turn page", t);
            boxes = side > 0 ? detector.detect(page, clock, side) : detector.detect(page, clock);
        }
        long t = clock.start();
        List<BufferedImage> crops = new ArrayList<>(boxes.size());
        for (TextBox box : boxes) {
            crops.add(Images.crop(page, box));
        }
        t = clock.lap("crop", t);
        if (upsideDown(crops)) {
            int w = page.getWidth(), h = page.getHeight();
            boxes = boxes.stream().map(b -> turned(b, w, h)).toList();
            crops = crops.stream().map(c -> Images.rotate(c, 2)).toList();
            turns += 2;
        }
        t = clock.lap("cls", t);
        List<TextRecognizer.Line> read = recognizer.recognize(crops, clock);
        t = clock.start();
        read = read.stream().map(words::choose).toList();
        t = clock.lap("words", t);
        List<LineOrder.Piece> pieces = new ArrayList<>();
        double sum = 0;
        int chars = 0, lowChars = 0;
        for (int i = 0; i < read.size(); i++) {
            TextRecognizer.Line line = read.get(i);
            if (line.score() >= MIN_LINE_SCORE && !line.text().isBlank()) {
                pieces.add(new LineOrder.Piece(boxes.get(i), line.text(), line.score()));
                sum += line.score();
                chars += line.text().length();
                lowChars += line.lowConfidenceChars();
            }
        }
        List<PaddleLine> lines = new ArrayList<>();
        for (LineOrder.Piece p : LineOrder.readingOrder(pieces)) {
            lines.add(onCallersImage(p, turns, page.getWidth(), page.getHeight(), scale));
        }
        clock.lap("order", t);
        return new PaddlePage(LineOrder.text(pieces), pieces.isEmpty() ? 0 : sum / pieces.size(), lines,
                turns, chars == 0 ? 0 : (double) lowChars / chars, PaddlePage.FAST);
    }

    /** The piece's box on the caller's image: the page's quarter turns undone, then the shrinking. */
    private static PaddleLine onCallersImage(LineOrder.Piece p, int turns, int w, int h, double scale) {
        double[] xs = p.box().xs().clone(), ys = p.box().ys().clone();
        org.pobox.ocr.QuarterTurns.undo(xs, ys, turns, w, h);
        for (int i = 0; i < 4; i++) {
            xs[i] /= scale;
            ys[i] /= scale;
        }
        return new PaddleLine(p.text(), p.score(), xs, ys);
    }

    private static BufferedImage bounded(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        if (Math.max(w, h) <= MAX_PAGE_SIDE) {
            return Images.toBgr(image);
        }
        double scale = (double) MAX_PAGE_SIDE / Math.max(w, h);
        return Images.resize(image, (int) Math.round(w * scale), (int) Math.round(h * scale));
    }

    /** A page turned a quarter shows its lines as boxes taller than wide. */
    static boolean mostlyTall(List<TextBox> boxes) {
        long tall = boxes.stream().filter(TextBox::isTall).count();
        long wide = boxes.stream().filter(b -> b.width() > 1.5 * b.height()).count();
        return tall >= 2 && tall > wide;
    }

    private boolean upsideDown(List<BufferedImage> crops) throws OrtException {
        List<BufferedImage> widest = crops.stream()
                .sorted(Comparator.comparingInt((BufferedImage c) -> c.getWidth()).reversed())
                .limit(ORIENTATION_LINES).toList();
        if (widest.isEmpty()) {
            return false;
        }
        double[] p180 = classifier.upsideDown(widest);
        if (IntStream.range(0, p180.length).mapToDouble(i -> p180[i]).average().orElse(0) <= 0.5) {
            return false;
        }
        // A second opinion before turning a whole page: the classifier squeezes a long line into
        // 192x48 and once turned an upright handwritten page (every line lost). Upright text reads
        // with a far higher recognition score than the same text upside down.
        List<BufferedImage> sample = widest.subList(0, Math.min(CONFIRM_LINES, widest.size()));
        double asIs = meanScore(recognizer.recognize(sample));
        double turned = meanScore(recognizer.recognize(sample.stream().map(c -> Images.rotate(c, 2)).toList()));
        return turned > asIs;
    }

    private static double meanScore(List<TextRecognizer.Line> lines) {
        return lines.stream().mapToDouble(TextRecognizer.Line::score).average().orElse(0);
    }

    /** The box on the page turned 180°: each corner maps to the opposite one. */
    private static TextBox turned(TextBox b, int w, int h) {
        double[] xs = new double[4], ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = w - b.xs()[(i + 2) % 4];
            ys[i] = h - b.ys()[(i + 2) % 4];
        }
        return new TextBox(xs, ys, b.score());
    }

    @Override
    public String name() {
        return "paddle";
    }

    @Override
    public void close() {
        detector.close();
        classifier.close();
        recognizer.close();
    }
}
