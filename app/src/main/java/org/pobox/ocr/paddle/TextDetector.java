package org.pobox.ocr.paddle;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * PP-OCR's DB text detector. The page is shrunk so its long side is at most {@code limitSide}
 * (each side a multiple of 32), which also bounds the memory a 300-dpi page costs.
 */
final class TextDetector implements AutoCloseable {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OnnxModel model;
    private final int limitSide;

    TextDetector(Path file, int limitSide) throws OrtException {
        this.model = new OnnxModel(file);
        this.limitSide = limitSide;
    }

    /** Boxes in the coordinates of {@code page} (a BGR image). */
    List<TextBox> detect(BufferedImage page) throws OrtException {
        return detect(page, StageClock.OFF);
    }

    List<TextBox> detect(BufferedImage page, StageClock clock) throws OrtException {
        return detect(page, clock, limitSide);
    }

    /** @param limitSide the long side the model sees this time (the re-read of a hard page looks closer) */
    List<TextBox> detect(BufferedImage page, StageClock clock, int limitSide) throws OrtException {
        long t = clock.start();
        int w = page.getWidth(), h = page.getHeight();
        double ratio = Math.max(w, h) > limitSide ? (double) limitSide / Math.max(w, h) : 1.0;
        int rw = Math.max(32, (int) Math.round(w * ratio / 32) * 32);
        int rh = Math.max(32, (int) Math.round(h * ratio / 32) * 32);
        BufferedImage resized = Images.resize(page, rw, rh);
        float[] input = new float[3 * rw * rh];
        Images.toChw(resized, input, 0, rw, MEAN, STD);
        t = clock.lap("det prep", t);
        OnnxModel.Output out = model.run(input, 1, 3, rh, rw);
        t = clock.lap("det infer", t);
        int mapH = (int) out.shape()[2], mapW = (int) out.shape()[3];
        List<TextBox> boxes = DbPostProcessor.boxes(out.values(), mapW, mapH, w, h);
        clock.lap("det post", t);
        return boxes;
    }

    @Override
    public void close() {
        model.close();
    }
}
