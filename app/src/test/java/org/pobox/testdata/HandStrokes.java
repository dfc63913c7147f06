package org.pobox.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pobox.letter.Json;

/**
 * Pages written by hand, stroke by stroke (issue 16): each character's strokes are drawn with a
 * round pen along their centre lines (Make Me a Hanzi's medians, {@code bin/fetch-hand-data}),
 * with the wobble, slant, size changes and joined strokes of a person writing, not a font with
 * jitter. Characters the data does not have (digits, Latin, punctuation) are written with a kaishu
 * font in the same ink. Deterministic for a seed.
 */
public final class HandStrokes {

    /**
     * How a person writes, from careful to barely legible. All lengths are shares of the character
     * size (em). Set so that the plain tesseract CLI reads each hand about as badly as it read the
     * pages issue 16 measured (neat 0.18, ordinary 0.39, hurried 0.39-0.50, rough 0.50-0.61, barely
     * 0.67): over 60 pages it read these at 0.190, 0.406, 0.433, 0.520, 0.698. The first hands were
     * easier than the (ordinary 0.055, hurried 0.225).
     *
     * @param size      the character size's spread either way
     * @param turn      the largest turn of a character, degrees either way
     * @param slant     the writer's slant, degrees (a shear to the right), with a tenth of it as spread
     * @param wobble    how far a stroke's points stray from its centre line
     * @param wander    the baseline's random walk per character
     * @param advance   the step to the next character
     * @param joins     the chance that the pen is not lifted between two strokes (a thin joining stroke)
     * @param sloppy    how much a stroke is cut short or overshoots at its ends
     * @param pen       the pen's width
     */
    public enum Hand {
        NEAT(0.12, 5, 9, 0.015, 0.048, 0.985, 0.38, 0.075, 0.085),
        ORDINARY(0.175, 6.8, 11.8, 0.024, 0.068, 0.94, 0.60, 0.115, 0.095),
        HURRIED(0.185, 7.3, 12.2, 0.026, 0.072, 0.935, 0.62, 0.125, 0.096),
        ROUGH(0.195, 7.8, 12.5, 0.028, 0.075, 0.925, 0.65, 0.135, 0.098),
        BARELY(0.25, 10, 14, 0.038, 0.090, 0.88, 0.80, 0.18, 0.105);

        final double size, turn, slant, wobble, wander, advance, joins, sloppy, pen;

        Hand(double size, double turn, double slant, double wobble, double wander, double advance, double joins,
             double sloppy, double pen) {
            this.size = size;
            this.turn = turn;
            this.slant = slant;
            this.wobble = wobble;
            this.wander = wander;
            this.advance = advance;
            this.joins = joins;
            this.sloppy = sloppy;
            this.pen = pen;
        }

        /** "hand-ordinary": the page kind the bench scores by. */
        public String kind() {
            return "hand-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final double A4_WIDTH_INCH = 210 / 25.4, A4_HEIGHT_INCH = 297 / 25.4, MARGIN_INCH = 22 / 25.4;
    /** The data's box: x 0-1024, y -124-900 with y up. */
    private static final double BOX = 1024, TOP = 900;

    private final Path data;
    private final Random random;
    /** For what the stroke data lacks: the kaishu font, else the first installed. */
    private final String family;
    private final Map<Character, List<double[][]>> medians = new HashMap<>();

    /** @param data the folder of {@code <char>.json} files (models/hanzi-writer-data) */
    public HandStrokes(Path data, long seed) {
        if (!Files.isRegularFile(data.resolve("我.json"))) {
            throw new IllegalStateException("no stroke data in " + data + ": run bin/fetch-hand-data");
        }
        this.data = data;
        this.random = new Random(seed);
        List<String> fonts = ScanGenerator.installedFonts();
        this.family = fonts.contains(ScanGenerator.KAISHU) ? ScanGenerator.KAISHU : fonts.get(0);
    }

    /** models/hanzi-writer-data of the checkout ({@code pobox.home} under surefire). */
    public static Path defaultData() {
        return Path.of(System.getProperty("pobox.home", ".")).resolve("models").resolve("hanzi-writer-data");
    }

    /** A gray A4 page of {@code text} (line breaks kept, long lines wrapped) at {@code dpi}. */
    public BufferedImage page(String text, int dpi, Hand hand) {
        int width = (int) Math.round(A4_WIDTH_INCH * dpi), height = (int) Math.round(A4_HEIGHT_INCH * dpi);
        int margin = (int) Math.round(MARGIN_INCH * dpi);
        double em = 15.0 * dpi / 72;
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            int paper = 236 + random.nextInt(14);
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int ink = 15 + random.nextInt(50);
            // a ballpoint to a felt pen, per page
            double penScale = 0.6 + 0.5 * random.nextDouble();
            double slant = Math.toRadians(hand.slant * (0.7 + 0.6 * random.nextDouble()));
            double y = margin + em;
            double step = em * hand.advance;
            int perLine = (int) ((width - 2 * margin) / step);
            for (String line : wrap(text, perLine)) {
                if (y > height - margin) {
                    throw new IllegalArgumentException("text does not fit on one page (" + text.length() + " chars)");
                }
                double x = margin + random.nextDouble() * em * 0.3;
                double drift = 0;
                for (char c : line.toCharArray()) {
                    drift = Math.max(-em * 0.4, Math.min(em * 0.4, drift + random.nextGaussian() * em * hand.wander));
                    double size = em * (1 + hand.size * (2 * random.nextDouble() - 1));
                    double turn = Math.toRadians(hand.turn * (2 * random.nextDouble() - 1));
                    int shade = Math.max(0, Math.min(120, ink + random.nextInt(25) - 12));
                    g.setColor(new Color(shade, shade, shade));
                    double advance = character(g, c, x, y + drift, size, turn, slant + random.nextGaussian() * slant * 0.1,
                            hand, penScale);
                    x += advance * step / em * (0.95 + 0.1 * random.nextDouble());
                }
                y += em * (1.55 + 0.15 * random.nextDouble());
            }
        } finally {
            g.dispose();
        }
        return page;
    }

    /** Draws one character with its baseline-left corner at (x, y); returns how far the pen moves on. */
    private double character(Graphics2D g, char c, double x, double y, double size, double turn, double slant, Hand hand,
                             double penScale) {
        if (Character.isWhitespace(c)) {
            return size * 0.5;
        }
        List<double[][]> strokes = medians(c);
        if (strokes == null) {
            return font(g, c, x, y, size);
        }
        // the character's own frame: box to pixels, turned about its centre, slanted
        AffineTransform frame = new AffineTransform();
        frame.translate(x + size / 2, y - size * 0.42);
        frame.rotate(turn);
        frame.shear(-Math.tan(slant), 0);
        frame.scale(size / BOX, size / BOX);
        frame.translate(-BOX / 2, -BOX / 2);
        double pen = size * hand.pen * penScale * (0.85 + 0.3 * random.nextDouble());
        Point2D last = null;
        for (double[][] stroke : strokes) {
            List<Point2D> points = strayed(stroke, hand, frame, size);
            if (last != null && random.nextDouble() < hand.joins) {
                // the pen was not lifted: a thin trail from the last stroke's end to this one's start
                g.setStroke(new BasicStroke((float) (pen * 0.35), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new java.awt.geom.Line2D.Double(last, points.get(0)));
            }
            draw(g, points, pen);
            last = points.get(points.size() - 1);
        }
        return size;
    }

    /** The stroke's centre line as the hand drew it: ends cut or overshot, points strayed, smoothed. */
    private List<Point2D> strayed(double[][] stroke, Hand hand, AffineTransform frame, double size) {
        int n = stroke.length;
        List<Point2D> raw = new ArrayList<>();
        double sx = random.nextGaussian() * hand.wobble * BOX, sy = random.nextGaussian() * hand.wobble * BOX;
        for (int i = 0; i < n; i++) {
            double px = stroke[i][0], py = TOP - stroke[i][1];
            // a slow drift along the stroke plus a little shake per point
            double along = n == 1 ? 0 : (double) i / (n - 1);
            px += sx * along + random.nextGaussian() * hand.wobble * BOX * 0.5;
            py += sy * along + random.nextGaussian() * hand.wobble * BOX * 0.5;
            raw.add(new Point2D.Double(px, py));
        }
        if (n >= 2) {
            // cut short or overshot at either end, along the end segment
            raw.set(0, extend(raw.get(1), raw.get(0), 1 + hand.sloppy * (2 * random.nextDouble() - 1.2)));
            raw.set(n - 1, extend(raw.get(n - 2), raw.get(n - 1), 1 + hand.sloppy * (2 * random.nextDouble() - 1)));
        }
        List<Point2D> out = new ArrayList<>();
        for (Point2D p : smooth(raw)) {
            out.add(frame.transform(p, null));
        }
        return out;
    }

    private static Point2D extend(Point2D from, Point2D to, double factor) {
        return new Point2D.Double(from.getX() + (to.getX() - from.getX()) * factor, from.getY() + (to.getY() - from.getY()) * factor);
    }

    /** Catmull-Rom through the points, 4 steps a segment: a pen moves in curves, not corners. */
    private static List<Point2D> smooth(List<Point2D> p) {
        if (p.size() < 3) {
            return p;
        }
        List<Point2D> out = new ArrayList<>();
        for (int i = 0; i < p.size() - 1; i++) {
            Point2D p0 = p.get(Math.max(0, i - 1)), p1 = p.get(i), p2 = p.get(i + 1), p3 = p.get(Math.min(p.size() - 1, i + 2));
            for (int k = 0; k < 4; k++) {
                double t = k / 4.0, t2 = t * t, t3 = t2 * t;
                out.add(new Point2D.Double(
                        0.5 * (2 * p1.getX() + (-p0.getX() + p2.getX()) * t + (2 * p0.getX() - 5 * p1.getX() + 4 * p2.getX() - p3.getX()) * t2
                                + (-p0.getX() + 3 * p1.getX() - 3 * p2.getX() + p3.getX()) * t3),
                        0.5 * (2 * p1.getY() + (-p0.getY() + p2.getY()) * t + (2 * p0.getY() - 5 * p1.getY() + 4 * p2.getY() - p3.getY()) * t2
                                + (-p0.getY() + 3 * p1.getY() - 3 * p2.getY() + p3.getY()) * t3)));
            }
        }
        out.add(p.get(p.size() - 1));
        return out;
    }

    /** A pen stroke that presses hardest in its middle and lifts towards its end. */
    private static void draw(Graphics2D g, List<Point2D> points, double pen) {
        if (points.size() == 1) {
            Point2D p = points.get(0);
            g.fill(new java.awt.geom.Ellipse2D.Double(p.getX() - pen / 2, p.getY() - pen / 2, pen, pen));
            return;
        }
        int n = points.size() - 1;
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) / n;
            double width = pen * (0.75 + 0.35 * Math.sin(Math.PI * Math.min(1, t * 1.2)));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double seg = new Path2D.Double();
            seg.moveTo(points.get(i).getX(), points.get(i).getY());
            seg.lineTo(points.get(i + 1).getX(), points.get(i + 1).getY());
            g.draw(seg);
        }
    }

    /** A character the stroke data lacks, written with the kaishu font (or the first installed). */
    private double font(Graphics2D g, char c, double x, double y, double size) {
        boolean narrow = c < 0x2000;
        Font f = new Font(family, Font.PLAIN, (int) Math.round(size * (narrow ? 0.9 : 1.0)));
        g.setFont(f);
        String s = String.valueOf(c);
        g.drawString(s, (float) x, (float) (y + size * 0.08));
        return narrow ? Math.max(size * 0.45, g.getFontMetrics().stringWidth(s)) : size;
    }

    private List<double[][]> medians(char c) {
        return medians.computeIfAbsent(c, this::load);
    }

    private List<double[][]> load(char c) {
        Path file = data.resolve(c + ".json");
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            List<double[][]> strokes = new ArrayList<>();
            for (JsonNode stroke : node.path("medians")) {
                double[][] points = new double[stroke.size()][];
                for (int i = 0; i < stroke.size(); i++) {
                    points[i] = new double[] {stroke.get(i).get(0).asDouble(), stroke.get(i).get(1).asDouble()};
                }
                strokes.add(points);
            }
            return strokes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's lines, each cut into lines of at most {@code perLine} characters; no line starts with a closing mark. */
    static List<String> wrap(String text, int perLine) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            String rest = paragraph.strip();
            while (rest.length() > perLine) {
                int cut = perLine;
                while (cut > 1 && ScanGenerator.NO_LINE_START.indexOf(rest.charAt(cut)) >= 0) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            lines.add(rest);
        }
        return lines;
    }
}
