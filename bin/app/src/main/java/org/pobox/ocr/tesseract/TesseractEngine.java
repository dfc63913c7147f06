package org.pobox.ocr.tesseract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.pobox.ocr.OcrEngine;
import org.pobox.ocr.PageText;

import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;

/**
 * One in-process Tesseract (bytedeco's JavaCPP binding of libtesseract). The model is loaded once,
 * in the constructor; {@link #read} then costs only the recognition. Not thread-safe: one thread
 * at a time, which {@link TesseractEnginePool} guarantees.
 */
public final class TesseractEngine implements OcrEngine {

    private final TessBaseAPI api = new TessBaseAPI();
    private final int dpi;
    private boolean closed;

    public TesseractEngine(Path datapath, String language, int psm, int dpi) {
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
        BytePointer utf8 = api.GetUTF8Text();
        try {
            if (utf8 == null) {
                throw new IllegalStateException("Tesseract returned no text (recognition failed)");
            }
            String text = utf8.getString(StandardCharsets.UTF_8);
            int confidence = api.MeanTextConf();
            return new PageText(CjkSpacing.tidy(text), Math.max(0, confidence) / 100.0);
        } finally {
            if (utf8 != null) {
                TessDeleteText(utf8); // allocated by libtesseract with new[]: Java's GC never frees it
            }
            api.Clear();
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
