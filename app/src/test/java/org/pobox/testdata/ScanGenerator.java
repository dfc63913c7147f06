package org.pobox.testdata;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Synthetic scans of Chinese letters with their ground truth, deterministic for a seed: the text
 * from {@link LetterTexts}, drawn with Java2D on A4 paper at 200 or 300 dpi, optionally with
 * specks, a slight skew and gray paper, then written as PNG, JPEG, TIFF or PDF by {@link ScanFiles}.
 */
public final class ScanGenerator {

    /** Families tried, in this order; Java2D finds them through fontconfig. */
    private static final List<String> CJK_FONTS = List.of(
            "Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
            "AR PL UMing CN", "AR PL UKai CN");

    private static final double A4_WIDTH_INCH = 210 / 25.4;
    private static final double A4_HEIGHT_INCH = 297 / 25.4;
    private static final double MARGIN_INCH = 25 / 25.4;
    /** Characters a line must not start with (Chinese line-breaking rule). */
    static final String NO_LINE_START = "，。、；：！？）》」』,.;:!?)";

    private final Random random;
    private final LetterTexts letters;

    public ScanGenerator(long seed) {
        this.random = new Random(seed);
        this.letters = new LetterTexts(seed);
    }

    public LetterTexts letters() {
        return letters;
    }

    /** The CJK fonts installed here, in order of preference; fails if there is none. */
    public static List<String> installedFonts() {
        Set<String> families = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .collect(Collectors.toSet());
        List<String> found = CJK_FONTS.stream().filter(families::contains).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no CJK font installed: need one of " + CJK_FONTS
                    + " (Debian: fonts-noto-cjk, fonts-wqy-zenhei, fonts-arphic-uming ...)");
        }
        return found;
    }

    /** A random but plausible style: any installed font, 11-14 pt, mild noise, skew up to 2°, gray paper. */
    public PageStyle randomStyle(int dpi) {
        List<String> fonts = installedFonts();
        return new PageStyle(fonts.get(random.nextInt(fonts.size())), dpi, 11 + random.nextInt(4),
                random.nextBoolean(), (random.nextDouble() * 4 - 2), 225 + random.nextInt(31));
    }

    /** {@code pages} page images of new letters, written in {@code format}, with their true text. */
    public GeneratedScan write(ScanFiles.Format format, Path file, int pages, PageStyle style) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            texts.add(letters.letter());
        }
        return write(format, file, texts, style);
    }

    /** The given page texts, rendered and written in {@code format}. */
    public GeneratedScan write(ScanFiles.Format format, Path file, List<String> pageTexts, PageStyle style) throws IOException {
        if (format == ScanFiles.Format.PDF_TEXT) {
            ScanFiles.writeTextPdf(file, pageTexts);
        } else {
            List<BufferedImage> images = pageTexts.stream().map(t -> render(t, style)).toList();
            ScanFiles.write(format, file, images, style.dpi());
        }
        return new GeneratedScan(List.of(file), List.copyOf(pageTexts));
    }

    /**
     * A letter scanned page by page into separate files, {@code base_p1.jpg}, {@code base_p2.jpg} ...
     * as a sheet-fed scanner names them; {@code format} must be PNG or JPEG.
     */
    public GeneratedScan writePageFiles(ScanFiles.Format format, Path dir, String base, int pages, PageStyle style)
            throws IOException {
        String extension = switch (format) {
            case PNG -> "png";
            case JPEG -> "jpg";
            default -> throw new IllegalArgumentException("one file per page is for PNG or JPEG, not " + format);
        };
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            String text = letters.letter();
            Path file = dir.resolve(base + "_p" + i + "." + extension);
            ScanFiles.write(format, file, List.of(render(text, style)), style.dpi());
            files.add(file);
            texts.add(text);
        }
        return new GeneratedScan(List.copyOf(files), List.copyOf(texts));
    }

    /** One A4 page in 8-bit gray showing {@code text}: paragraphs on their own lines, wrapped at the margins. */
    public BufferedImage render(String text, PageStyle style) {
        int width = (int) Math.round(A4_WIDTH_INCH * style.dpi());
        int height = (int) Math.round(A4_HEIGHT_INCH * style.dpi());
        int margin = (int) Math.round(MARGIN_INCH * style.dpi());
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(new Color(style.background(), style.background(), style.background()));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setFont(new Font(style.font(), Font.PLAIN, Math.round(style.fontPoints() * style.dpi() / 72f)));
            g.setColor(new Color(25, 25, 25));
            FontMetrics metrics = g.getFontMetrics();
            int lineHeight = Math.round(metrics.getHeight() * 1.5f);
            int y = margin + metrics.getAscent();
            for (String line : wrap(text, metrics, width - 2 * margin)) {
                if (y > height - margin) {
                    throw new IllegalArgumentException("text does not fit on one page (" + text.length() + " chars)");
                }
                g.drawString(line, margin, y);
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        if (style.noise()) {
            speckle(page, style.dpi());
        }
        return style.skewDegrees() == 0 ? page : rotate(page, style.skewDegrees(), style.background());
    }

    /**
     * The face of an envelope to an inspection team: the post box and the team as recipient
     * ("… 收"), a post code, and the sender's address below.
     */
    public String envelopeText() {
        String[] cities = {"北京市西城区", "山东省济南市历下区", "江苏省南京市玄武区", "四川省成都市锦江区"};
        String city = cities[random.nextInt(cities.length)];
        return city + "邮政专用信箱" + (1000 + random.nextInt(9000)) + "号\n"
                + "省委第" + "一二三四五六".charAt(random.nextInt(6)) + "巡视组 收\n"
                + "邮政编码 " + (100000 + random.nextInt(800000)) + "\n"
                + "寄件人：" + cities[random.nextInt(cities.length)] + "人民路" + (1 + random.nextInt(200)) + "号";
    }

    /** The kaishu (brush-style) family used for handwriting-like pages, if installed. */
    public static final String KAISHU = "AR PL UKai CN";

    /**
     * A handwriting-like page: kaishu drawn glyph by glyph, each shifted, turned, sized and inked
     * a little differently, on lines that wander, as a person writes. Falls back to the first
     * installed font when no kaishu font is installed.
     */
    public BufferedImage renderHandwritten(String text, int dpi) {
        return renderHand(text, dpi, 7, 0.95, 0.1, 0.04, false);
    }

    /**
     * Heavy hand-lettering (issue 16): glyph size ±15%, each turned up to ±8°, a baseline that
     * wanders up and down the line, glyphs set close enough to touch, strokes drawn bold.
     */
    public BufferedImage renderHandLettered(String text, int dpi) {
        return renderHand(text, dpi, 8, 0.80, 0.10, 0.09, true);
    }

    /**
     * @param maxTurn   largest turn of a glyph, degrees either way
     * @param advance   the smallest step to the next glyph, in widths of this one
     * @param advanceJitter how much more the step may be
     * @param wander    the baseline's random walk per glyph, in glyph sizes
     * @param bold      each glyph drawn twice, a little apart, as with a felt pen
     */
    private BufferedImage renderHand(String text, int dpi, double maxTurn, double advance, double advanceJitter,
                                     double wander, boolean bold) {
        String family = installedFonts().contains(KAISHU) ? KAISHU : installedFonts().get(0);
        int width = (int) Math.round(A4_WIDTH_INCH * dpi);
        int height = (int) Math.round(A4_HEIGHT_INCH * dpi);
        int margin = (int) Math.round(MARGIN_INCH * dpi);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(new Color(245, 245, 245));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.round(14f * dpi / 72f);
            Font base = new Font(family, Font.PLAIN, size);
            g.setFont(base);
            FontMetrics metrics = g.getFontMetrics();
            int lineHeight = Math.round(metrics.getHeight() * 1.6f);
            int y = margin + metrics.getAscent();
            for (String line : wrap(text, metrics, width - 2 * margin - size)) {
                if (y > height - margin) {
                    throw new IllegalArgumentException("text does not fit on one page (" + text.length() + " chars)");
                }
                double x = margin;
                double drift = 0;
                for (String token : tokens(line)) {
                    drift += (random.nextDouble() - 0.5) * size * wander;
                    drift = Math.max(-size * 0.35, Math.min(size * 0.35, drift)); // the writer keeps to the line
                    float scale = 0.85f + random.nextFloat() * 0.3f;
                    Font glyph = base.deriveFont(java.awt.geom.AffineTransform.getRotateInstance(
                            Math.toRadians((random.nextDouble() * 2 - 1) * maxTurn))).deriveFont(size * scale);
                    g.setFont(glyph);
                    int ink = 10 + random.nextInt(60);
                    g.setColor(new Color(ink, ink, ink));
                    float gx = (float) (x + (random.nextDouble() - 0.5) * size * 0.15);
                    float gy = (float) (y + drift + (random.nextDouble() - 0.5) * size * 0.15);
                    g.drawString(token, gx, gy);
                    if (bold) {
                        g.drawString(token, gx + dpi / 150f, gy + dpi / 300f);
                    }
                    x += g.getFontMetrics().stringWidth(token) * (advance + random.nextDouble() * advanceJitter);
                }
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        return page;
    }

    private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String token : tokens(paragraph)) {
                boolean mustStay = NO_LINE_START.indexOf(token.charAt(0)) >= 0;
                if (line.length() > 0 && !mustStay && metrics.stringWidth(line + token) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(token);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** One token per Chinese character; runs of Latin letters and digits stay whole. */
    private static List<String> tokens(String paragraph) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < paragraph.length()) {
            int end = i + 1;
            if (isLatinOrDigit(paragraph.charAt(i))) {
                while (end < paragraph.length() && isLatinOrDigit(paragraph.charAt(end))) {
                    end++;
                }
            }
            tokens.add(paragraph.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Small dark specks, about one per square centimetre, as dust on the scanner glass. */
    private void speckle(BufferedImage page, int dpi) {
        Graphics2D g = page.createGraphics();
        try {
            int specks = (int) (page.getWidth() * page.getHeight() / Math.pow(dpi / 2.54, 2));
            int maxSize = Math.max(2, dpi / 100);
            for (int i = 0; i < specks; i++) {
                int shade = 40 + random.nextInt(120);
                g.setColor(new Color(shade, shade, shade));
                int size = 1 + random.nextInt(maxSize);
                g.fillOval(random.nextInt(page.getWidth()), random.nextInt(page.getHeight()), size, size);
            }
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage rotate(BufferedImage page, double degrees, int background) {
        BufferedImage rotated = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = rotated.createGraphics();
        try {
            g.setColor(new Color(background, background, background));
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rotated;
    }
}
