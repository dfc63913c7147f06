package org.pobox.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.pobox.testdata.Cer;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles;
import org.pobox.testdata.ScanGenerator;

/**
 * Pages and scoring for {@code bench/e2e.sh}. Commands:
 * <ul>
 * <li>{@code pages <dir> <n>}: n one-page letters {@code letterNN.png} (random font and size,
 * 300 and 200 dpi in turn, random specks and skew ≤ 2°), their truth {@code letterNN.txt}, and
 * {@code all.pdf} holding the same images losslessly at their own resolution (for OCRmyPDF).</li>
 * <li>{@code cer <truthDir> <ocrDir>}: mean and max CER of {@code ocrDir/letterNN.txt} against the
 * truth; a missing page counts as CER 1.</li>
 * <li>{@code cer-sidecar <truthDir> <sidecar.txt>}: the same for OCRmyPDF's sidecar, whose pages
 * are separated by form feeds.</li>
 * </ul>
 * Prints one line {@code pages=N mean=0.0xx max=0.0xx}.
 */
public final class E2ePages {

    private static final long SEED = 20201129L;

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "pages" -> pages(Files.createDirectories(Path.of(args[1])), Integer.parseInt(args[2]));
            case "cer" -> report(truths(Path.of(args[1])), ocrTexts(Path.of(args[1]), Path.of(args[2])));
            case "cer-sidecar" -> report(truths(Path.of(args[1])), sidecarPages(Path.of(args[2])));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void pages(Path dir, int count) throws IOException {
        ScanGenerator generator = new ScanGenerator(SEED);
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 1; i <= count; i++) {
                PageStyle style = generator.randomStyle(i % 2 == 1 ? 300 : 200);
                Path png = dir.resolve(String.format("letter%02d.png", i));
                String truth = generator.write(ScanFiles.Format.PNG, png, 1, style).pageTexts().get(0);
                Files.writeString(dir.resolve(String.format("letter%02d.txt", i)), truth, StandardCharsets.UTF_8);
                addPage(pdf, ImageIO.read(png.toFile()), style.dpi());
            }
            pdf.save(dir.resolve("all.pdf").toFile());
        }
    }

    private static void addPage(PDDocument pdf, BufferedImage image, int dpi) throws IOException {
        PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi));
        pdf.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
    }

    private static List<Path> truthFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("letter\\d+\\.txt")).sorted().toList();
        }
    }

    private static List<String> truths(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : truthFiles(dir)) {
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static List<String> ocrTexts(Path truthDir, Path ocrDir) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : truthFiles(truthDir)) {
            Path ocr = ocrDir.resolve(f.getFileName());
            texts.add(Files.exists(ocr) ? Files.readString(ocr, StandardCharsets.UTF_8) : null);
        }
        return texts;
    }

    private static List<String> sidecarPages(Path sidecar) throws IOException {
        return List.of(Files.readString(sidecar, StandardCharsets.UTF_8).split("\f", -1));
    }

    private static void report(List<String> truths, List<String> ocr) {
        double sum = 0;
        double max = 0;
        for (int i = 0; i < truths.size(); i++) {
            String text = i < ocr.size() ? ocr.get(i) : null;
            double cer = text == null ? 1.0 : Math.min(1.0, Cer.of(truths.get(i), text));
            sum += cer;
            max = Math.max(max, cer);
        }
        System.out.printf("pages=%d mean=%.3f max=%.3f%n", truths.size(), sum / truths.size(), max);
    }

    private E2ePages() {
    }
}
