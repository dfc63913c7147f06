package org.pobox.ocr.tesseract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.pobox.ocr.OcrEngine;
import org.pobox.ocr.PageText;
import org.pobox.ocr.QuarterTurns;

import static org.bytedeco.tesseract.global.tesseract.PSM_OSD_ONLY;
import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;

/**
 * One in-process Tesseract (bytedeco's JavaCPP binding of libtesseract). The model is loaded once,
 * in the constructor; {@link #read} then costs only the recognition. Not thread-safe: one thread
 * at a time, which {@link TesseractEnginePool} guarantees.
 */
public final class TesseractEngine implements OcrEngine {

    private static TessBaseAPI orientationDetector(Path datapath) {
        if (!java.nio.file.Files.isRegularFile(datapath.resolve("osd.traineddata"))) {
            return null;
        }
        TessBaseAPI detector = new TessBaseAPI();
        if (detector.Init(datapath.toString(), "osd") != 0) {
            detector.close();
            return null;
        }
        detector.SetPageSegMode(PSM_OSD_ONLY);
        return detector;
    }

    /** A character read with less confidence (0..100) than this counts as doubtful. */
    public static final float LOW_CONFIDENCE = 80f;

    /**
     * Resolution pages are read at. On generated letters (bench/RESULTS-ocr.md) 300-dpi pages read
     * better scaled to 200 dpi than as they are (CER 0.031 -> 0.022, degraded 0.100 -> 0.082,
     * handwriting-like 0.062 -> 0.052) and cheaper; 170 dpi was better still but leaves little room
     * for print smaller than 11 pt.
     */
    public static final int DEFAULT_READING_DPI = 200;

    /** A first read below this mean confidence (0..1) makes the engine check the page's orientation. */
    static final double CHECK_ORIENTATION_BELOW = 0.5;

    /** OSD's orientation confidence below which a page is read as it is. */
    static final float MIN_ORIENTATION_CONFIDENCE = 2.0f;

    private final TessBaseAPI api = new TessBaseAPI();
    /** Orientation detection (osd.traineddata); null when that model is not installed. */
    private final TessBaseAPI osd;
    private final int dpi;
    private final long timeoutMs;
    private final boolean cleanup;
    private final int readingDpi;
    private boolean closed;

    /**
     * @param timeoutMs longest recognition of one page; 0 = no limit
     * @param cleanup    median-filter speckled pages, deskew them and scale them to {@code readingDpi}
     *                   first ({@link PageCleanup})
     * @param readingDpi finer pages are scaled down to this resolution before reading (0: never)
     */
    public TesseractEngine(Path datapath, String language, int psm, int dpi, long timeoutMs, boolean cleanup,
                           int readingDpi) {
        this.timeoutMs = timeoutMs;
        this.cleanup = cleanup;
        this.readingDpi = readingDpi;
        Tessdata.requireModels(datapath, language);
        if (api.Init(datapath.toString(), language) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load " + language + " from " + datapath);
        }
        api.SetPageSegMode(psm);
        // Row noise rejection dropped whole short lines of clean print ("恳请巡视组调查核实，还群众一个
        // 公道。" gone from a page): off, clean-page CER 0.036 -> 0.015, degraded and handwriting-like
        // pages unchanged (bench/RESULTS-ocr.md). Speckled pages are median-filtered instead.
        api.SetVariable("textord_noise_rejrows", "0");
        this.dpi = dpi;
        this.osd = orientationDetector(datapath);
    }

    @Override
    public PageText read(BufferedImage page) {
        return read(page, dpi);
    }

    /** Reads a page scanned at {@code pageDpi} instead of the engine's default resolution. */
    public PageText read(BufferedImage page, int pageDpi) {
        return readPage(page, pageDpi).pageText();
    }

    /** As {@link #read(BufferedImage, int)}, with the line boxes and the share of doubtful characters. */
    public TesseractPage readPage(BufferedImage page, int pageDpi) {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        int resolution = pageDpi > 0 ? pageDpi : dpi;
        BufferedImage gray = toGray(page);
        TesseractPage asScanned = recognise(gray, resolution);
        // Orientation detection costs about as much as reading the page, and Tesseract's own layout
        // analysis already reads pages turned by a quarter: only a poor first read (an upside-down
        // page reads at ~20% confidence, an upright one at 80-90%) is worth asking OSD about.
        if (osd == null || asScanned.pageText().confidence() >= CHECK_ORIENTATION_BELOW) {
            return asScanned;
        }
        int turns = uprightTurns(gray, resolution);
        if (turns == 0) {
            return asScanned;
        }
        BufferedImage upright = turned(gray, turns);
        TesseractPage turnedRead = recognise(upright, resolution);
        if (turnedRead.pageText().confidence() <= asScanned.pageText().confidence()) {
            return asScanned;
        }
        return new TesseractPage(turnedRead.pageText(),
                onCallersImage(turnedRead.lines(), turns, upright.getWidth(), upright.getHeight()),
                turnedRead.lowConfidenceShare());
    }

    /**
     * One recognition of the gray page as it lies, with its lines on that image (after a deskew
     * they are off by at most the page's skew, a degree or two: close enough to mark a hit).
     */
    private TesseractPage recognise(BufferedImage gray, int resolution) {
        PageCleanup.Cleaned cleaned = null;
        double scale = 1;
        if (cleanup) {
            cleaned = PageCleanup.cleaned(gray, resolution, readingDpi);
            scale = cleaned.scale();
            api.SetImage(cleaned.pix());
        } else {
            byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            int bytesPerLine = ((ComponentSampleModel) gray.getSampleModel()).getScanlineStride();
            api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, bytesPerLine);
        }
        // Raw pixels carry no resolution; without it Tesseract guesses and sizes text wrongly.
        // It must come after SetImage, which resets it.
        api.SetSourceResolution((int) Math.round(resolution * scale));
        BytePointer utf8 = null;
        try {
            if (timeoutMs > 0) {
                recognizeWithin(timeoutMs);
            }
            utf8 = api.GetUTF8Text();
            if (utf8 == null) {
                throw new IllegalStateException("Tesseract returned no text (recognition failed)");
            }
            String text = utf8.getString(StandardCharsets.UTF_8);
            int confidence = api.MeanTextConf();
            List<TesseractLine> lines = new ArrayList<>();
            double lowShare = readDetail(lines);
            if (scale != 1) {
                lines = unscaled(lines, scale);
            }
            return new TesseractPage(new PageText(CjkSpacing.tidy(text), Math.max(0, confidence) / 100.0), lines, lowShare);
        } finally {
            if (utf8 != null) {
                TessDeleteText(utf8); // allocated by libtesseract with new[]: Java's GC never frees it
            }
            api.Clear();
            if (cleaned != null) {
                PageCleanup.free(cleaned.pix()); // Tesseract keeps its own copy: freed after Clear to be safe
            }
        }
    }

    /**
     * Clockwise quarter turns that make the page upright, by Tesseract's orientation detection;
     * 0 when it is unsure or not installed. OSD reports how far the scan is turned clockwise.
     */
    private int uprightTurns(BufferedImage gray, int pageDpi) {
        if (osd == null) {
            return 0;
        }
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int bytesPerLine = ((ComponentSampleModel) gray.getSampleModel()).getScanlineStride();
        osd.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, bytesPerLine);
        osd.SetSourceResolution(pageDpi);
        try (IntPointer degrees = new IntPointer(1); org.bytedeco.javacpp.FloatPointer confidence = new org.bytedeco.javacpp.FloatPointer(1);
             PointerPointer<?> script = new PointerPointer<>(1); org.bytedeco.javacpp.FloatPointer scriptConfidence = new org.bytedeco.javacpp.FloatPointer(1)) {
            if (!osd.DetectOrientationScript(degrees, confidence, script, scriptConfidence)
                    || confidence.get() < MIN_ORIENTATION_CONFIDENCE) {
                return 0;
            }
            return (4 - Math.floorMod(degrees.get(), 360) / 90) % 4;
        } catch (RuntimeException e) {
            return 0; // too little text to tell: read the page as it is
        } finally {
            osd.Clear();
        }
    }

    /** The gray page turned clockwise by {@code turns} quarters. */
    static BufferedImage turned(BufferedImage gray, int turns) {
        int w = gray.getWidth(), h = gray.getHeight();
        boolean swap = turns % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        switch (turns) {
            case 1 -> t.translate(h, 0);
            case 2 -> t.translate(w, h);
            default -> t.translate(0, w);
        }
        t.quadrantRotate(turns);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(gray, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Line boxes of the turned page back on the caller's image ({@link QuarterTurns}).
     */
    private static List<TesseractLine> onCallersImage(List<TesseractLine> lines, int turns, int width, int height) {
        List<TesseractLine> back = new ArrayList<>(lines.size());
        for (TesseractLine l : lines) {
            double[] xs = {l.left(), l.right(), l.right(), l.left()};
            double[] ys = {l.top(), l.top(), l.bottom(), l.bottom()};
            QuarterTurns.undo(xs, ys, turns, width, height);
            back.add(new TesseractLine(l.text(), l.confidence(), (int) Math.round(java.util.Arrays.stream(xs).min().getAsDouble()),
                    (int) Math.round(java.util.Arrays.stream(ys).min().getAsDouble()),
                    (int) Math.round(java.util.Arrays.stream(xs).max().getAsDouble()),
                    (int) Math.round(java.util.Arrays.stream(ys).max().getAsDouble())));
        }
        return back;
    }

    /** Line boxes read on a page scaled by {@code scale}, back on the page as given. */
    private static List<TesseractLine> unscaled(List<TesseractLine> lines, double scale) {
        return lines.stream().map(l -> new TesseractLine(l.text(), l.confidence(), (int) Math.round(l.left() / scale),
                (int) Math.round(l.top() / scale), (int) Math.round(l.right() / scale),
                (int) Math.round(l.bottom() / scale))).toList();
    }

    /** Recognises the page set, giving up after the deadline (Tesseract checks it between words). */
    private void recognizeWithin(long ms) {
        try (ETEXT_DESC monitor = new ETEXT_DESC()) {
            monitor.set_deadline_msecs((int) Math.min(ms, Integer.MAX_VALUE));
            int status = api.Recognize(monitor);
            if (monitor.deadline_exceeded()) {
                api.Clear();
                throw new IllegalStateException("page took longer than " + ms + " ms");
            }
            if (status != 0) {
                api.Clear();
                throw new IllegalStateException("recognition failed");
            }
        }
    }

    /** Collects the lines of the last recognition; returns the share of doubtful characters. */
    private double readDetail(List<TesseractLine> lines) {
        try (ResultIterator it = api.GetIterator();
             IntPointer left = new IntPointer(1); IntPointer top = new IntPointer(1);
             IntPointer right = new IntPointer(1); IntPointer bottom = new IntPointer(1)) {
            if (it == null || it.isNull()) {
                return 0;
            }
            do {
                BytePointer line = it.GetUTF8Text(RIL_TEXTLINE);
                if (line == null) {
                    continue;
                }
                try {
                    String text = CjkSpacing.tidy(line.getString(StandardCharsets.UTF_8)).strip();
                    if (!text.isEmpty() && it.BoundingBox(RIL_TEXTLINE, left, top, right, bottom)) {
                        lines.add(new TesseractLine(text, it.Confidence(RIL_TEXTLINE) / 100.0, left.get(), top.get(),
                                right.get(), bottom.get()));
                    }
                } finally {
                    TessDeleteText(line);
                }
            } while (it.Next(RIL_TEXTLINE));
            it.Begin();
            int symbols = 0, low = 0;
            do {
                if (!it.Empty(RIL_SYMBOL)) {
                    symbols++;
                    if (it.Confidence(RIL_SYMBOL) < LOW_CONFIDENCE) {
                        low++;
                    }
                }
            } while (it.Next(RIL_SYMBOL));
            return symbols == 0 ? 0 : (double) low / symbols;
        }
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.End();
            api.close();
            if (osd != null) {
                osd.End();
                osd.close();
            }
        }
    }

    /** 8-bit gray with a plain raster is passed as is; anything else is drawn onto white gray. */
    static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getParent() == null
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }
}
