package org.pobox.ocr.paddle;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PP-OCR's CRNN recogniser: line images 48 px high, [-1, 1], recognised in batches of similar
 * aspect ratio (less padding), decoded by CTC greedy search over the keys file.
 */
final class TextRecognizer implements AutoCloseable {

    /**
     * A recognised line, the mean probability of its characters, and how many of its characters
     * were read with a probability under {@link #LOW_CHAR_PROBABILITY}.
     */
    record Line(String text, double score, int lowConfidenceChars, List<Doubt> doubts) {

        /** The same line with its doubtful characters as {@code chosen} chose them. */
        Line withText(String chosen) {
            return new Line(chosen, score, lowConfidenceChars, doubts);
        }
    }

    /**
     * A character the recogniser was unsure of: its index in the line, and the characters it
     * weighed at that step with their probabilities, the one read first.
     */
    record Doubt(int at, char[] options, double[] probs) {
    }

    static final double LOW_CHAR_PROBABILITY = 0.8;
    /** Characters read with less than this keep their alternatives, for the word model to weigh. */
    static final double DOUBT_PROBABILITY = 0.95;
    /** At most this many alternatives per doubtful character, each at least {@link #MIN_OPTION}. */
    private static final int OPTIONS = 5;
    private static final double MIN_OPTION = 0.01;

    private static final int H = 48, MIN_W = 320;
    private static final double MAX_WIDTH_SPREAD = 1.5;
    private static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] STD = {0.5f, 0.5f, 0.5f};

    private final OnnxModel model;
    private final String[] alphabet;
    private final int batchSize;

    TextRecognizer(Path modelFile, Path keysFile, int batchSize) throws OrtException, IOException {
        this.model = new OnnxModel(modelFile);
        this.batchSize = batchSize;
        List<String> keys = Files.readAllLines(keysFile, StandardCharsets.UTF_8);
        // index 0 is the CTC blank; the models were trained with a space after the keys
        alphabet = new String[keys.size() + 2];
        alphabet[0] = "";
        for (int i = 0; i < keys.size(); i++) {
            alphabet[i + 1] = keys.get(i);
        }
        alphabet[keys.size() + 1] = " ";
    }

    List<Line> recognize(List<BufferedImage> lines) throws OrtException {
        return recognize(lines, StageClock.OFF);
    }

    List<Line> recognize(List<BufferedImage> lines, StageClock clock) throws OrtException {
        int n = lines.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> ratio(lines.get(i))));
        Line[] result = new Line[n];
        for (int from = 0, to; from < n; from = to) {
            // a batch is padded to its widest line: a short line (a date, a signature) batched with
            // full-width lines would cost as much as one of them, so a much wider line starts a new batch
            double narrowest = ratio(lines.get(order[from]));
            to = from + 1;
            while (to < n && to - from < batchSize && ratio(lines.get(order[to])) <= MAX_WIDTH_SPREAD * narrowest) {
                to++;
            }
            List<BufferedImage> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(lines.get(order[k]));
            }
            List<Line> read = recognizeBatch(batch, clock);
            for (int k = from; k < to; k++) {
                result[order[k]] = read.get(k - from);
            }
        }
        return List.of(result);
    }

    private List<Line> recognizeBatch(List<BufferedImage> batch, StageClock clock) throws OrtException {
        long t = clock.start();
        double maxRatio = (double) MIN_W / H;
        for (BufferedImage img : batch) {
            maxRatio = Math.max(maxRatio, ratio(img));
        }
        int width = (int) (H * maxRatio);
        int n = batch.size();
        float[] input = new float[n * 3 * H * width];
        for (int i = 0; i < n; i++) {
            BufferedImage img = batch.get(i);
            int w = Math.min(width, Math.max(1, (int) Math.ceil(H * ratio(img))));
            Images.toChw(Images.resize(img, w, H), input, i * 3 * H * width, width, MEAN, STD);
        }
        t = clock.lap("rec prep", t);
        OnnxModel.Output out = model.run(input, n, 3, H, width);
        t = clock.lap("rec infer", t);
        int steps = (int) out.shape()[1], classes = (int) out.shape()[2];
        if (classes != alphabet.length) {
            throw new IllegalStateException("recognition model has " + classes + " classes, keys give " + alphabet.length);
        }
        List<Line> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(decode(out.values(), i * steps * classes, steps, classes));
        }
        clock.lap("rec decode", t);
        return lines;
    }

    /**
     * CTC greedy decoding: best class per step, repeats merged, blanks dropped. A doubtful
     * character keeps the other Chinese characters of its step (the recogniser's alternatives).
     */
    private Line decode(float[] probs, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        List<Doubt> doubts = new ArrayList<>();
        double sum = 0;
        int count = 0, low = 0, previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes, best = 0;
            for (int c = 1; c < classes; c++) {
                if (probs[base + c] > probs[base + best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                float p = probs[base + best];
                if (p < DOUBT_PROBABILITY && alphabet[best].length() == 1 && kind(alphabet[best].charAt(0)) != OTHER) {
                    Doubt doubt = alternatives(probs, base, classes, best, text.length());
                    if (doubt != null) {
                        doubts.add(doubt);
                    }
                }
                text.append(alphabet[best]);
                sum += p;
                count++;
                if (p < LOW_CHAR_PROBABILITY) {
                    low++;
                }
            }
            previous = best;
        }
        return new Line(ChinesePunctuation.fullWidth(text.toString()), count == 0 ? 0 : sum / count, low, doubts);
    }

    /**
     * The characters of one step worth weighing, best first, of the best one's kind (a Chinese
     * character or a punctuation mark: 。 read as ° or ·, ， as ”); null when there is none but the best.
     */
    private Doubt alternatives(float[] probs, int base, int classes, int best, int at) {
        int[] top = new int[OPTIONS];
        int n = 0;
        top[n++] = best;
        int kind = kind(alphabet[best].charAt(0));
        for (int c = 1; c < classes; c++) {
            if (c == best || probs[base + c] < MIN_OPTION || alphabet[c].length() != 1 || kind(alphabet[c].charAt(0)) != kind) {
                continue;
            }
            // insertion into the few best
            int k = n < OPTIONS ? n++ : OPTIONS;
            while (k > 1 && probs[base + top[k - 1]] < probs[base + c]) {
                if (k < OPTIONS) {
                    top[k] = top[k - 1];
                }
                k--;
            }
            if (k < OPTIONS) {
                top[k] = c;
            }
        }
        if (n < 2) {
            return null;
        }
        char[] options = new char[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            options[i] = alphabet[top[i]].charAt(0);
            p[i] = probs[base + top[i]];
        }
        return new Doubt(at, options, p);
    }

    private static final int HAN = 0, MARK = 1, OTHER = 2;
    /**
     * Numbers written in characters are left to the recogniser: words cannot tell 八十 from 八千
     * (both words; "七八十岁" on a clean page became "七八千岁").
     */
    private static final String NUMERALS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟";

    /** Chinese character, punctuation mark or symbol (° and · pass for 。), or anything else. */
    private static int kind(char c) {
        if (NUMERALS.indexOf(c) >= 0) {
            return OTHER;
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return HAN;
        }
        return Character.isLetterOrDigit(c) || Character.isWhitespace(c) ? OTHER : MARK;
    }

    private static double ratio(BufferedImage img) {
        return (double) img.getWidth() / img.getHeight();
    }

    @Override
    public void close() {
        model.close();
    }
}
