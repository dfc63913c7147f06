package org.pobox.ocr.paddle;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** PP-OCR's text direction classifier: is a line image upside down? Input 3×48×192, [-1, 1]. */
final class DirectionClassifier implements AutoCloseable {

    private static final int H = 48, W = 192;
    private static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] STD = {0.5f, 0.5f, 0.5f};

    private final OnnxModel model;

    DirectionClassifier(Path file) throws OrtException {
        this.model = new OnnxModel(file);
    }

    /** For each line, the probability that it is turned 180°. */
    double[] upsideDown(List<BufferedImage> lines) throws OrtException {
        int n = lines.size();
        if (n == 0) {
            return new double[0];
        }
        float[] input = new float[n * 3 * H * W];
        for (int i = 0; i < n; i++) {
            BufferedImage line = lines.get(i);
            int w = Math.min(W, (int) Math.ceil(H * (double) line.getWidth() / line.getHeight()));
            Images.toChw(Images.resize(line, Math.max(1, w), H), input, i * 3 * H * W, W, MEAN, STD);
        }
        float[] out = model.run(input, n, 3, H, W).values(); // n × {p(0°), p(180°)}
        double[] p180 = new double[n];
        for (int i = 0; i < n; i++) {
            p180[i] = out[2 * i + 1];
        }
        return p180;
    }

    @Override
    public void close() {
        model.close();
    }
}
