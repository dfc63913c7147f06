package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Files a mailroom really receives and pobox must refuse with a clear reason. */
public final class BadFiles {

    private BadFiles() {
    }

    public static Path empty(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }

    /** A real multi-page TIFF cut after {@code keepFraction} of its bytes (a copy interrupted mid-way). */
    public static Path truncatedTiff(Path file, List<BufferedImage> pages, double keepFraction) throws IOException {
        ScanFiles.writeTiff(file, pages);
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keepFraction)));
    }

    /** A text file someone saved with a .pdf name. */
    public static Path textNamedPdf(Path file) throws IOException {
        return Files.writeString(file, "Dear team,\nplease find my letter attached.\n此致\n敬礼\n", StandardCharsets.UTF_8);
    }

    /** A scanned PDF protected by a password needed to open it. */
    public static Path encryptedPdf(Path file, BufferedImage page, int dpi) throws IOException {
        ScanFiles.writeImagePdf(file, List.of(page), dpi);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A scanned PDF encrypted with an owner password only (it opens without one, as many
     * scanners' "protected" PDFs do) whose streams were damaged after encryption: every page's
     * image and content decrypt to garbage.
     */
    public static Path encryptedPdfWithBrokenStreams(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        ScanFiles.writeImagePdf(file, pages, dpi);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            // objects written one by one (no object streams): the page tree survives the damage;
            // beside the file, not over it: PDFBox reads the streams from it while it writes
            doc.save(file.resolveSibling(file.getFileName() + ".new").toFile(),
                    org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        Files.move(file.resolveSibling(file.getFileName() + ".new"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(file);
        // scramble the inside of every stream, keeping the PDF's structure (and its xref) intact
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        java.util.Random random = new java.util.Random(7L);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(">>\\s*stream\\r?\\n").matcher(text);
        while (m.find()) {
            int end = text.indexOf("endstream", m.end());
            for (int i = m.end() + 16; i < end - 16; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
        }
        return Files.write(file, bytes);
    }

    /**
     * A scanned PDF cut after {@code keepFraction} of its bytes: no cross-reference table, no
     * trailer, the last page's image cut short (a copy interrupted mid-way).
     */
    public static Path truncatedPdf(Path file, List<BufferedImage> pages, int dpi, double keepFraction) throws IOException {
        ScanFiles.writeImagePdf(file, pages, dpi);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            // objects one by one, as most scanners write them: what comes before the cut survives
            doc.save(file.resolveSibling(file.getFileName() + ".new").toFile(),
                    org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        Files.move(file.resolveSibling(file.getFileName() + ".new"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keepFraction)));
    }

    /**
     * A tiny valid PNG whose header claims {@code width}×{@code height} pixels: decoding it
     * naively would allocate gigabytes (a decompression bomb). The header CRC is fixed so that
     * only the size is wrong.
     */
    public static Path pngClaiming(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        byte[] png = out.toByteArray();
        // signature (8) | IHDR length (4) | "IHDR" at 12 | width at 16 | height at 20 | ... | CRC at 29
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return Files.write(file, png);
    }
}
