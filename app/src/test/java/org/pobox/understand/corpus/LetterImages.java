package org.pobox.understand.corpus;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders a letter's text as a scanned page (200 dpi A4, a CJK font, a slight skew and speckle),
 * so the evaluation can read it back with real OCR instead of trusting clean text.
 */
public final class LetterImages {
    private static final int WIDTH = 1654, HEIGHT = 2339, MARGIN = 120, SIZE = 34, PER_LINE = 40;

    private LetterImages() {}

    public static void write(String text, Path png, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(random.nextGaussian() * 0.4), WIDTH / 2.0, HEIGHT / 2.0));
        g.setColor(Color.BLACK);
        g.setFont(new Font(random.nextBoolean() ? "Noto Serif CJK SC" : "Noto Sans CJK SC", Font.PLAIN, SIZE));
        int y = MARGIN + SIZE;
        for (String line : wrap(text)) {
            g.drawString(line, MARGIN, y);
            y += SIZE * 17 / 10;
            if (y > HEIGHT - MARGIN) break;
        }
        g.dispose();
        for (int i = 0; i < 4000; i++) page.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), 0x808080);
        ImageIO.write(page, "png", png.toFile());
    }

    private static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n")) {
            for (int i = 0; i < para.length(); i += PER_LINE) out.add(para.substring(i, Math.min(para.length(), i + PER_LINE)));
            if (para.isEmpty()) out.add("");
        }
        return out;
    }
}
