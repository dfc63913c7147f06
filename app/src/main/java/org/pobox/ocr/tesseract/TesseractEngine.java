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
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.pobox.ocr.OcrEngine;
import org.pobox.ocr.PageText;

import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;

/**
 * One in-process Tesseract (bytedeco's JavaCPP binding of libtesseract). The model is loaded once,
 * in the constructor; {@link #read} then costs only the recognition. Not thread-safe: one thread
 * at a time, which {@link TesseractEnginePool} guarantees.
 */
public final class TesseractEngine implements OcrEngine {

    /** A character read with less confidence (0..100) than this counts as doubtful. */
    public static final float LOW_CONFIDENCE = 80f;

    private final TessBaseAPI api = new TessBaseAPI();
    private final int dpi;
    private final int timeoutMs;
    private boolean closed;

    public TesseractEngine(Path datapath, String language, int psm, int dpi) {
        this(datapath, language, psm, dpi, 0);
    }

    /** @param timeoutMs longest recognition of one page; 0 = no limit */
    public TesseractEngine(Path datapath, String language, int psm, int dpi, int timeoutMs) {
        this.timeoutMs = timeoutMs;
        Tessdata.requireModels(datapath, language);
        if (api.Init(datapath.toString(), language) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load " + language + " from " + datapath);
        }
        api.SetPageSegMode(psm);
        this.dpi = dpi;
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
        BufferedImage gray = toGray(page);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int bytesPerLine = ((ComponentSampleModel) gray.getSampleModel()).getScanlineStride();
        api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, bytesPerLine);
        // Raw pixels carry no resolution; without it Tesseract guesses and sizes text wrongly.
        // It must come after SetImage, which resets it.
        api.SetSourceResolution(pageDpi > 0 ? pageDpi : dpi);
        if (timeoutMs > 0) {
            recognizeWithin(timeoutMs);
        }
        BytePointer utf8 = api.GetUTF8Text();
        try {
            if (utf8 == null) {
                throw new IllegalStateException("Tesseract returned no text (recognition failed)");
            }
            String text = utf8.getString(StandardCharsets.UTF_8);
            int confidence = api.MeanTextConf();
            List<TesseractLine> lines = new ArrayList<>();
            double lowShare = readDetail(lines);
            return new TesseractPage(new PageText(CjkSpacing.tidy(text), Math.max(0, confidence) / 100.0), lines, lowShare);
        } finally {
            if (utf8 != null) {
                TessDeleteText(utf8); // allocated by libtesseract with new[]: Java's GC never frees it
            }
            api.Clear();
        }
    }

    /** Recognises the page set, giving up after the deadline (Tesseract checks it between words). */
    private void recognizeWithin(int ms) {
        try (ETEXT_DESC monitor = new ETEXT_DESC()) {
            monitor.set_deadline_msecs(ms);
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
