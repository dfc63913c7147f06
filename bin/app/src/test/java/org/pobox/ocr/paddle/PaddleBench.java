package org.pobox.ocr.paddle;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pobox.ocr.PageText;
import org.pobox.testdata.Cer;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

/**
 * Speed, CER and memory of the Paddle engine on generated pages; run by bench/paddle-bench.sh.
 * Args: pages (default 10), workers (default 2). Pages cycle through clean, random (noise, skew,
 * gray paper, any font) and worse (random plus blur, low contrast and a rough JPEG), at 300 and
 * 200 dpi. Prints one line per page and a summary; no page text.
 */
public final class PaddleBench {

    private record Sample(String kind, BufferedImage image, String truth) {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ScanGenerator generator = new ScanGenerator(2026);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            int dpi = i % 2 == 0 ? 300 : 200;
            String truth = generator.letters().letter();
            switch (i % 3) {
                case 0 -> samples.add(new Sample("clean", generator.render(truth, PageStyle.clean(dpi)), truth));
                case 1 -> samples.add(new Sample("random", generator.render(truth, generator.randomStyle(dpi)), truth));
                default -> samples.add(new Sample("worse", degrade(generator.render(truth, generator.randomStyle(dpi))), truth));
            }
        }

        long load = System.nanoTime();
        try (PaddleEngine warm = new PaddleEngine()) {
            System.out.printf("model load: %.2f s%n", (System.nanoTime() - load) / 1e9);
        }

        // one worker, page by page: seconds per page
        double cerSum = 0;
        long total = 0;
        java.util.Map<String, double[]> byKind = new java.util.TreeMap<>();
        try (PaddleEngine engine = new PaddleEngine()) {
            engine.read(samples.get(0).image()); // warm-up, not counted
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                long t0 = System.nanoTime();
                PageText read = engine.read(s.image());
                long ns = System.nanoTime() - t0;
                total += ns;
                double cer = Cer.of(s.truth(), read.text());
                cerSum += cer;
                double[] k = byKind.computeIfAbsent(s.kind(), x -> new double[2]);
                k[0] += cer;
                k[1]++;
                System.out.printf("page %2d %-6s %dx%d  %.2f s  CER %.4f  conf %.3f%n", i, s.kind(),
                        s.image().getWidth(), s.image().getHeight(), ns / 1e9, cer, read.confidence());
            }
        }
        System.out.printf("1 worker: %.2f s/page, %.1f pages/min, mean CER %.4f%n",
                total / 1e9 / pages, pages * 60e9 / total, cerSum / pages);
        byKind.forEach((kind, k) -> System.out.printf("  %-6s mean CER %.4f over %d pages%n", kind, k[0] / k[1], (int) k[1]));

        // `workers` workers through the pool, as the Camel component runs them
        ExecutorService callers = Executors.newFixedThreadPool(workers);
        try (PaddleEnginePool pool = new PaddleEnginePool(workers, PaddleEngine::new)) {
            List<Future<PageText>> warm = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                warm.add(callers.submit(() -> pool.read(samples.get(0).image(), 0)));
            }
            for (Future<PageText> f : warm) {
                f.get();
            }
            long t0 = System.nanoTime();
            List<Future<PageText>> reads = new ArrayList<>();
            for (Sample s : samples) {
                reads.add(callers.submit(() -> pool.read(s.image(), 0)));
            }
            double cer = 0;
            for (int i = 0; i < reads.size(); i++) {
                cer += Cer.of(samples.get(i).truth(), reads.get(i).get().text());
            }
            long ns = System.nanoTime() - t0;
            System.out.printf("%d workers: %.1f pages/min, mean CER %.4f%n", workers, pages * 60e9 / ns, cer / pages);
        } finally {
            callers.shutdown();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used now: %d MiB, committed %d MiB; peak RSS: %s%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, peakRss());
    }

    /** Blur, low contrast and a rough JPEG, on top of the generator's noise and skew. */
    private static BufferedImage degrade(BufferedImage page) throws IOException {
        float[] box = new float[9];
        java.util.Arrays.fill(box, 1f / 9);
        BufferedImage blurred = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, box),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(page, null);
        java.awt.image.WritableRaster r = blurred.getRaster();
        int[] row = new int[r.getWidth()];
        for (int y = 0; y < r.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = 90 + row[x] * 110 / 255; // ink 90, paper 200
            }
            r.setSamples(0, y, row.length, 1, 0, row);
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.3f);
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(blurred, null, null), param);
        }
        writer.dispose();
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.toByteArray()));
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("n/a");
    }
}
