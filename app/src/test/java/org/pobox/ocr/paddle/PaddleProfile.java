package org.pobox.ocr.paddle;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.pobox.testdata.Cer;

/**
 * CPU cost and CER of the Paddle engine on a corpus written by {@code OcrCompareBench gen}, one
 * thread (ONNX Runtime runs on the calling thread with 1 intra-op thread, so this thread's CPU
 * time includes the inference). Run by bench/paddle-profile.sh. Args: corpus dir, rounds
 * (default 2; the first is a warm-up), detection limit side and recognition batch (default the engine's).
 * Prints CPU s/page of the whole engine and per stage (the stages as PaddleEngine runs them),
 * and CER by kind; with -Dpages=true also each page's CPU time, lines, turns and CER; no page text.
 */
public final class PaddleProfile {

    private record Sample(String kind, Path png, String truth) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int side = args.length > 2 ? Integer.parseInt(args[2]) : PaddleEngine.DEFAULT_DET_LIMIT_SIDE;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : PaddleEngine.DEFAULT_REC_BATCH;
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            for (Path png : s.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                String name = png.getFileName().toString();
                samples.add(new Sample(name.substring(4, name.length() - 4), png,
                        Files.readString(Path.of(png.toString().replace(".png", ".txt")), StandardCharsets.UTF_8)));
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long decodeNs = 0;
        List<BufferedImage> images = new ArrayList<>();
        for (Sample s : samples) {
            long t0 = mx.getCurrentThreadCpuTime();
            images.add(ImageIO.read(s.png().toFile()));
            decodeNs += mx.getCurrentThreadCpuTime() - t0;
        }
        try (PaddleEngine engine = new PaddleEngine(PaddleEngine.defaultModelDir(), side, batch)) {
            // -Dadaptive=false: read each page once, as before issue 16 (the "before" figures)
            engine.adaptive = !"false".equals(System.getProperty("adaptive"));
            // as the paddle: endpoint sets it up, with the checkout's seeds (-Dseeds=DIR for others);
            // -DwordWeight=0: the recogniser's best path alone, as before the word model
            engine.words = new WordChoice(Double.parseDouble(System.getProperty("wordWeight", "" + WordChoice.DEFAULT_WEIGHT)),
                    SeedWords.of(Path.of(System.getProperty("seeds", "seeds"))));
            for (int round = 0; round < rounds; round++) {
                StageClock stages = new StageClock();
                engine.clock = stages;
                Map<String, double[]> byKind = new TreeMap<>();
                Map<String, Integer> paths = new TreeMap<>();
                long total = 0;
                double folded = 0;
                for (int i = 0; i < samples.size(); i++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    PaddlePage page = engine.readPage(images.get(i));
                    long ns = mx.getCurrentThreadCpuTime() - t0;
                    total += ns;
                    double cer = Math.min(1.0, Cer.of(samples.get(i).truth(), page.text()));
                    folded += Math.min(1.0, Cer.folded(samples.get(i).truth(), page.text()));
                    if (Boolean.getBoolean("pages") && round == rounds - 1) {
                        System.out.printf(Locale.ROOT, "  %s: %.3f CPU s, %d lines, turned %d, %s, conf %.3f, low %.3f, CER %.4f%n",
                                samples.get(i).png().getFileName(), ns / 1e9, page.lines().size(), page.quarterTurns(),
                                page.path(), page.confidence(), page.lowConfidenceShare(), cer);
                    }
                    paths.merge(page.path(), 1, Integer::sum);
                    double[] k = byKind.computeIfAbsent(samples.get(i).kind(), x -> new double[2]);
                    k[0] += cer;
                    k[1]++;
                }
                int n = samples.size();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "round %d, det side %d, rec batch %d: %.3f CPU s/page (PNG decode %.3f more)", round, side, batch,
                        total / 1e9 / n, decodeNs / 1e9 / n));
                byKind.forEach((kind, k) -> line.append(String.format(Locale.ROOT, ", CER %s %.4f", kind, k[0] / k[1])));
                System.out.println(line + ", read by " + paths + String.format(Locale.ROOT,
                        "; mean CER %.4f, %.4f with traditional and simplified forms as one", byKind.values().stream()
                                .mapToDouble(k -> k[0]).sum() / n, folded / n));
                System.out.println("  stages, CPU s/page: " + stages.report(n));
            }
        }
    }
}
