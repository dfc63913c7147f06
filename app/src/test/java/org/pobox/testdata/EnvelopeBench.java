package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.pobox.ocr.Envelopes;
import org.pobox.ocr.paddle.PaddleEngine;
import org.pobox.ocr.paddle.PaddlePage;
import org.pobox.understand.dates.DateFinder;

/**
 * Envelope fronts (issue 16 item 5), read by the Paddle engine as pobox reads a page, then the
 * postmark date taken from the text as the understand stage takes it ({@link DateFinder#postmark}).
 * Per envelope: told an envelope, postal code read, recipient lines read, postmark date right.
 * Run by bench/envelopes.sh. Args: out dir, envelopes (default 20).
 */
public final class EnvelopeBench {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Random random = new Random(1606L);
        List<String> fonts = ScanGenerator.installedFonts();
        int envelope = 0, code = 0, recipient = 0, postmark = 0, wrongPostmark = 0;
        try (PaddleEngine engine = new PaddleEngine()) {
            for (int i = 0; i < n; i++) {
                int dpi = i % 2 == 0 ? 300 : 200;
                String font = fonts.contains(ScanGenerator.KAISHU) && i % 3 != 0 ? ScanGenerator.KAISHU : fonts.get(i % fonts.size());
                EnvelopeFront front = EnvelopeFront.draw(random, dpi, font);
                // half the mailroom scans in colour, half in gray
                float quality = 0.6f + random.nextFloat() * 0.3f;
                BufferedImage scan = i % 2 == 0 ? Degrade.jpegRgb(front.image(), quality) : Degrade.jpeg(front.image(), quality);
                ImageIO.write(scan, "png", dir.resolve(String.format(Locale.ROOT, "%03d-envelope.png", i)).toFile());
                PaddlePage page = engine.readPage(scan);
                String text = page.text();
                String flat = text.replaceAll("\\s", "");
                boolean isEnvelope = Envelopes.isEnvelope(text);
                boolean codeRead = flat.contains(front.postalCode());
                boolean recipientRead = front.recipient().stream().allMatch(l -> flat.contains(l.replaceAll("\\s", "")));
                DateFinder.Found found = new DateFinder(2020).postmark(text);
                LocalDate date = found == null ? null : found.date();
                envelope += isEnvelope ? 1 : 0;
                code += codeRead ? 1 : 0;
                recipient += recipientRead ? 1 : 0;
                postmark += front.postmark().equals(date) ? 1 : 0;
                wrongPostmark += date != null && !front.postmark().equals(date) ? 1 : 0;
                System.out.printf(Locale.ROOT, "%03d %d dpi: envelope %b, code %b, recipient %b, postmark %s (truth %s), path %s%n",
                        i, dpi, isEnvelope, codeRead, recipientRead, date, front.postmark(), page.path());
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "%03d-envelope.read.txt", i)), text);
            }
        }
        System.out.printf(Locale.ROOT, "%d envelopes: told an envelope %d, postal code read %d, recipient read %d, postmark date right %d, wrong %d, none %d%n",
                n, envelope, code, recipient, postmark, wrongPostmark, n - postmark - wrongPostmark);
    }
}
