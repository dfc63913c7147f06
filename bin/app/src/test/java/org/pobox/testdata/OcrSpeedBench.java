package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Run by {@code bench/ocr-speed.sh}; args: pages (10), style clean|mixed (clean), component psm
 * list ("6"), rounds (3), output folder. Each configuration runs {@code rounds} times: the best
 * round is the one least disturbed by other work on a shared machine, the median is also shown.
 */
public final class OcrSpeedBench {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String styleName = args.length > 1 ? args[1] : "clean";
        String[] psms = (args.length > 2 ? args[2] : "6").split(",");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createDirectories(Path.of(args.length > 4 ? args[4] : "target/ocr-bench"));

        ScanGenerator generator = new ScanGenerator(20200520L);
        List<String> fonts = ScanGenerator.installedFonts();
        List<Path> files = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            PageStyle style = styleName.equals("mixed") ? generator.randomStyle(300)
                    : PageStyle.clean(300).withFont(fonts.get(i % fonts.size()));
            Path png = dir.resolve(String.format("page-%02d.png", i));
            files.add(png);
            truths.add(generator.write(ScanFiles.Format.PNG, png, 1, style).pageTexts().get(0));
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(ImageIO.read(f.toFile()));
        }
        System.out.printf("%d %s pages at 300 dpi in %s, %d cores, best of %d rounds, load average before: %s%n%n",
                pages, styleName, dir, Runtime.getRuntime().availableProcessors(), rounds, loadAverage());
        System.out.println("| reader | pages/min (best) | pages/min (median) | CPU s/page | mean CER | max CER |");
        System.out.println("|---|---|---|---|---|---|");
        for (String psm : psms) {
            for (int workers : new int[] {1, 2}) {
                component(images, truths, workers, Integer.parseInt(psm), rounds);
            }
        }
        for (String psm : new String[] {null, "6"}) {
            for (int processes : new int[] {1, 2}) {
                String name = (psm == null ? "tesseract CLI (default psm 3)" : "tesseract CLI --psm " + psm)
                        + ", " + processes + " process(es)";
                measure(name, rounds, truths, () -> parallel(processes, files, file -> runCli(file, dir, psm)));
            }
        }
        System.out.printf("%nload average after: %s%n", loadAverage());
    }

    private static void component(List<BufferedImage> images, List<String> truths, int workers, int psm, int rounds)
            throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String uri = "tesseract:bench?workers=" + workers + "&psm=" + psm;
            ProducerTemplate template = camel.createProducerTemplate();
            // load every engine's model before the clock starts, as a long-running service would
            parallel(workers, images.subList(0, workers), image -> template.requestBody(uri, image, PageText.class).text());
            measure("component, psm " + psm + ", " + workers + " worker(s)", rounds, truths,
                    () -> parallel(workers, images, image -> template.requestBody(uri, image, PageText.class).text()));
        }
    }

    private interface Reader<T> {
        String read(T page) throws Exception;
    }

    private static <T> List<String> parallel(int threads, List<T> pages, Reader<T> reader) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (T page : pages) {
                results.add(pool.submit(() -> reader.read(page)));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> f : results) {
                texts.add(f.get());
            }
            return texts;
        } finally {
            pool.shutdown();
        }
    }

    private static void measure(String name, int rounds, List<String> truths, Callable<List<String>> run) throws Exception {
        double[] perMinute = new double[rounds];
        List<String> texts = null;
        double cpuStart = cpuSeconds();
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            texts = run.call();
            perMinute[r] = truths.size() / ((System.nanoTime() - start) / 1e9) * 60;
        }
        double cpuPerPage = (cpuSeconds() - cpuStart) / rounds / truths.size();
        Arrays.sort(perMinute);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < truths.size(); i++) {
            double cer = Cer.of(truths.get(i), texts.get(i));
            sum += cer;
            max = Math.max(max, cer);
        }
        System.out.printf("| %s | %.1f | %.1f | %.2f | %.3f | %.3f |%n", name, perMinute[rounds - 1], perMinute[rounds / 2],
                cpuPerPage, sum / truths.size(), max);
    }

    private static String runCli(Path image, Path dir, String psm) throws IOException, InterruptedException {
        Path base = dir.resolve(image.getFileName().toString().replace(".png", "-cli"));
        List<String> command = new ArrayList<>(List.of("tesseract", image.toString(), base.toString(), "-l", "chi_sim"));
        if (psm != null) {
            command.addAll(List.of("--psm", psm));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1"); // Debian's libtesseract is 4.5x slower without it
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("tesseract CLI exited with " + exit + " on " + image);
        }
        return Files.readString(Path.of(base + ".txt"), StandardCharsets.UTF_8);
    }

    /**
     * CPU time of this JVM plus its finished child processes (the CLI runs), from /proc/self/stat:
     * unlike wall time it hardly changes when other work shares the machine.
     */
    private static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of proc(5): utime stime cutime cstime; f[0] is field 3
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? Files.readString(proc).strip() : "unknown";
    }
}
