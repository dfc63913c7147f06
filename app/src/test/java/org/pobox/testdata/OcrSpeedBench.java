package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.pobox.ocr.PageText;

/**
 * Pages per minute and CER of the {@code tesseract:} component (1 and 2 workers) against the
 * {@code tesseract} CLI (1 and 2 processes at a time) on the same generated pages.
 * Run by {@code bench/ocr-speed.sh}; args: pages (default 10), style clean|mixed (default clean),
 * psm list (default "6"), output folder.
 */
public final class OcrSpeedBench {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String styleName = args.length > 1 ? args[1] : "clean";
        String[] psms = (args.length > 2 ? args[2] : "6").split(",");
        Path dir = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "target/ocr-bench"));

        ScanGenerator generator = new ScanGenerator(20200520L);
        List<Path> files = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            PageStyle style = styleName.equals("mixed") ? generator.randomStyle(300) : PageStyle.clean(300)
                    .withFont(ScanGenerator.installedFonts().get(i % ScanGenerator.installedFonts().size()));
            Path png = dir.resolve(String.format("page-%02d.png", i));
            GeneratedScan scan = generator.write(ScanFiles.Format.PNG, png, 1, style);
            files.add(png);
            truths.add(scan.pageTexts().get(0));
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(ImageIO.read(f.toFile()));
        }
        System.out.printf("%d %s pages at 300 dpi in %s, %d cores%n%n", pages, styleName, dir,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| reader | pages/min | mean CER | max CER |");
        System.out.println("|---|---|---|---|");
        for (String psm : psms) {
            for (int workers : new int[] {1, 2}) {
                component(images, truths, workers, Integer.parseInt(psm));
            }
        }
        for (int processes : new int[] {1, 2}) {
            cli(files, truths, processes, dir);
        }
    }

    private static void component(List<BufferedImage> images, List<String> truths, int workers, int psm) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String uri = "tesseract:bench?workers=" + workers + "&psm=" + psm;
            ProducerTemplate template = camel.createProducerTemplate();
            // warm-up: load every engine's model before the clock starts, as a long-running service would
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            List<Future<?>> warm = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                warm.add(threads.submit(() -> template.requestBody(uri, images.get(0), PageText.class)));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            long start = System.nanoTime();
            List<Future<PageText>> results = new ArrayList<>();
            for (BufferedImage image : images) {
                results.add(threads.submit(() -> template.requestBody(uri, image, PageText.class)));
            }
            List<String> texts = new ArrayList<>();
            for (Future<PageText> f : results) {
                texts.add(f.get().text());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdown();
            report("component, psm " + psm + ", " + workers + " worker(s)", images.size(), seconds, truths, texts);
        }
    }

    private static void cli(List<Path> files, List<String> truths, int processes, Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(processes);
        long start = System.nanoTime();
        List<Future<String>> results = new ArrayList<>();
        for (Path file : files) {
            results.add(threads.submit(() -> runCli(file, dir)));
        }
        List<String> texts = new ArrayList<>();
        for (Future<String> f : results) {
            texts.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        report("tesseract CLI (default psm 3), " + processes + " process(es)", files.size(), seconds, truths, texts);
    }

    private static String runCli(Path image, Path dir) throws IOException, InterruptedException {
        Path base = dir.resolve(image.getFileName().toString().replace(".png", "-cli"));
        ProcessBuilder pb = new ProcessBuilder("tesseract", image.toString(), base.toString(), "-l", "chi_sim")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("tesseract CLI exited with " + exit + " on " + image);
        }
        return Files.readString(Path.of(base + ".txt"), StandardCharsets.UTF_8);
    }

    private static void report(String reader, int pages, double seconds, List<String> truths, List<String> texts) {
        double sum = 0;
        double max = 0;
        for (int i = 0; i < truths.size(); i++) {
            double cer = Cer.of(truths.get(i), texts.get(i));
            sum += cer;
            max = Math.max(max, cer);
        }
        System.out.printf("| %s | %.1f | %.3f | %.3f |%n", reader, pages / seconds * 60, sum / truths.size(), max);
    }
}
