package org.pobox.testdata;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The front of a Chinese letter envelope as the mailroom scans it (issue 16): six red boxes with
 * the recipient's postal code at the top left, the stamp at the top right with a round postmark
 * struck across it (the office on its upper arc, the date on a band through its middle, turned as
 * the clerk's hand turned it), the recipient's address written large in the middle, the sender's
 * address and postal code at the bottom right.
 *
 * @param image      the scan, colour
 * @param postalCode the recipient's postal code, as written in the boxes
 * @param recipient  the recipient lines, as written ("…信箱", "…巡视组 收")
 * @param postmark   the date the postmark shows
 * @param sender     the sender's address line (the writer's: restricted)
 */
public record EnvelopeFront(BufferedImage image, String postalCode, List<String> recipient, LocalDate postmark, String sender) {

    private static final String[] OFFICES = {"山东即墨", "青岛即墨", "即墨通济", "山东青岛", "即墨潮海"};
    /** Postal-code boxes are printed red on most envelopes, green or black on some. */
    private static final Color[] FRAMES = {new Color(200, 40, 40), new Color(210, 60, 50), new Color(40, 130, 70),
            new Color(50, 50, 50)};
    private static final String[] SENDERS = {"即墨区通济街道", "即墨区潮海街道", "即墨区鳌山卫街道", "即墨区蓝村镇", "即墨区龙山街道"};

    /** A DL envelope (220 × 110 mm) at {@code dpi}, posted between 2020-05-20 and 2020-08-10. */
    public static EnvelopeFront draw(Random random, int dpi, String font) {
        int w = (int) Math.round(220 / 25.4 * dpi), h = (int) Math.round(110 / 25.4 * dpi);
        double mm = dpi / 25.4;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int paper = 225 + random.nextInt(25);
            g.setColor(new Color(paper, paper - 4 - random.nextInt(10), paper - 15 - random.nextInt(25)));
            g.fillRect(0, 0, w, h);
            Color ink = new Color(random.nextInt(40), random.nextInt(40), 40 + random.nextInt(80));
            // fed into the scanner a little askew
            g.rotate(Math.toRadians(3 * random.nextDouble() - 1.5), w / 2.0, h / 2.0);

            // the recipient's postal code, a digit a box, written by hand: each digit its own size,
            // slant and place, sometimes touching the frame; the boxes printed red, green or black
            String code = "266" + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
            int box = (int) ((7 + random.nextDouble() * 2) * mm), gap = (int) ((1.5 + random.nextDouble()) * mm);
            Color frame = FRAMES[random.nextInt(FRAMES.length)];
            for (int i = 0; i < 6; i++) {
                int bx = (int) (10 * mm) + i * (box + gap), by = (int) (10 * mm);
                g.setColor(frame);
                g.setStroke(new BasicStroke((float) (0.4 * mm)));
                g.drawRect(bx, by, box, box);
                g.setColor(ink);
                g.setFont(new Font(font, Font.PLAIN, (int) (box * (0.65 + 0.3 * random.nextDouble()))));
                AffineTransform plain = g.getTransform();
                int dx = bx + box / 5 + random.nextInt(Math.max(1, box / 5)), dy = by + box * 4 / 5 + random.nextInt(Math.max(1, box / 8));
                g.rotate(Math.toRadians(random.nextInt(21) - 10), dx, dy);
                g.drawString(code.substring(i, i + 1), dx, dy);
                g.setTransform(plain);
            }

            // the stamp and the postmark over its left edge
            int sw = (int) (24 * mm), sh = (int) (30 * mm), sx = w - sw - (int) (10 * mm), sy = (int) (8 * mm);
            g.setColor(new Color(60 + random.nextInt(150), 90 + random.nextInt(100), 60 + random.nextInt(150)));
            g.fillRect(sx, sy, sw, sh);
            g.setColor(Color.WHITE);
            g.setFont(new Font(font, Font.BOLD, (int) (4 * mm)));
            g.drawString("中国邮政", sx + (int) (3 * mm), sy + (int) (6 * mm));
            g.drawString("1.20元", sx + (int) (5 * mm), sy + sh - (int) (4 * mm));
            LocalDate date = LocalDate.of(2020, 5, 20).plusDays(random.nextInt(83));
            postmark(g, random, date, sx - (int) (4 * mm), sy + (int) (6 * mm), (int) (26 * mm), font, mm);

            // the recipient, written large
            List<String> recipient = List.of("山东省青岛市A013号邮政专用信箱", "山东省委第十巡视组 收");
            g.setColor(ink);
            g.setFont(new Font(font, Font.PLAIN, (int) (8 * mm)));
            int ry = (int) (52 * mm);
            for (String line : recipient) {
                g.drawString(line, (int) (38 * mm) + random.nextInt((int) (6 * mm)), ry);
                ry += (int) (14 * mm);
            }

            // the sender, small, bottom right
            g.setFont(new Font(font, Font.PLAIN, (int) (4.5 * mm)));
            String sender = SENDERS[random.nextInt(SENDERS.length)] + (1 + random.nextInt(300)) + "号";
            g.drawString(sender, w - (int) (95 * mm), h - (int) (14 * mm));
            g.drawString("邮政编码：266200", w - (int) (95 * mm), h - (int) (7 * mm));
            return new EnvelopeFront(image, code, recipient, date, sender);
        } finally {
            g.dispose();
        }
    }

    /** A round date stamp: the office on the upper arc, the date on a band across the middle, all turned. */
    private static void postmark(Graphics2D g, Random random, LocalDate date, int x, int y, int d, String font, double mm) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(random.nextInt(41) - 20), x + d / 2.0, y + d / 2.0);
        int grey = 20 + random.nextInt(60);
        g.setColor(new Color(grey, grey, grey, 150 + random.nextInt(90)));
        g.setStroke(new BasicStroke((float) (0.6 * mm)));
        g.drawOval(x, y, d, d);
        int band = (int) (7 * mm);
        g.drawLine(x + (int) (1.5 * mm), y + d / 2 - band / 2, x + d - (int) (1.5 * mm), y + d / 2 - band / 2);
        g.drawLine(x + (int) (1.5 * mm), y + d / 2 + band / 2, x + d - (int) (1.5 * mm), y + d / 2 + band / 2);
        String when = String.format(Locale.ROOT, "%d.%02d.%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        Font dateFont = new Font(font, Font.BOLD, (int) (4.2 * mm));
        g.setFont(dateFont);
        int tw = g.getFontMetrics().stringWidth(when);
        g.drawString(when, x + (d - tw) / 2, y + d / 2 + (int) (1.6 * mm));
        Degrade.ringText(g, new Font(font, Font.PLAIN, (int) (3.8 * mm)), OFFICES[random.nextInt(OFFICES.length)],
                x, y, d, -140, 100, (float) (1.9 * mm));
        g.setTransform(saved);
    }
}
