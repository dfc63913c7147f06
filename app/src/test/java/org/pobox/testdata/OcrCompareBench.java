package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.pobox.config.PoboxConfig;
import org.pobox.group.LetterAssembler;
import org.pobox.letter.Headers;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;
import org.pobox.ocr.OcrStage;

/**
 * The corpus and the pobox side of {@code bench/ocr-compare.sh}. Modes:
 * <ul>
 * <li>{@code gen <dir> <pages>}: a third clean, a third degraded (turned pages, blur, low contrast,
 * JPEG, borders, punch holes, ruled paper, seals, photographed), a third handwriting-like, as
 * {@code <dir>/pages/NNN-kind.png} with {@code NNN-kind.txt} truths and {@code all.pdf};</li>
 * <li>{@code pobox <dir> <paddle|tesseract> <workers>}: the real ocr route (routes/ocr.camel.yaml)
 * over every page, {@code workers} letters at a time; texts to {@code <dir>/out-pobox-<engine>};</li>
 * <li>{@code score <dir> <outDir> <label> <seconds>}: CER by kind of the texts in outDir
 * ({@code NNN-kind.txt}), a results line.</li>
 * </ul>
 */
public final class OcrCompareBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "gen" -> generate(dir, Integer.parseInt(args[2]), args.length > 3 ? args[3] : "ordinary");
            case "pobox" -> pobox(dir, args[2], Integer.parseInt(args[3]));
            case "score" -> System.out.println(score(dir, Path.of(args[2]), args[3], Double.parseDouble(args[4]),
                    args.length > 5 ? args[5] : " | | | | "));
            case "kinds" -> System.out.print(kinds(dir, List.of(args).subList(2, args.length)));
            default -> throw new IllegalArgumentException("mode gen|pobox|score|kinds");
        }
    }

    /** The hard kinds of issue 16, in the order they happen to a letter: writing, overlays, capture. */
    static final List<String> HARD = List.of("hand", "carbon", "bleed", "seal", "fax", "photo");

    /** Phone photos taken at a slant (the far edge much narrower), alone and over each other hard kind. */
    static final List<String> STEEP = List.of("steep", "hand+steep", "carbon+steep", "bleed+steep", "seal+steep", "fax+steep");

    /** Each hard kind alone, then each pair of them ("hand+bleed"), in a fixed order. */
    static List<String> hardKinds() {
        List<String> kinds = new ArrayList<>(HARD);
        for (int i = 0; i < HARD.size(); i++) {
            for (int j = i + 1; j < HARD.size(); j++) {
                kinds.add(HARD.get(i) + "+" + HARD.get(j));
            }
        }
        return kinds;
    }

    static void generate(Path dir, int count) throws Exception {
        generate(dir, count, "ordinary");
    }

    /**
     * @param mix "ordinary": a third each clean, degraded, handwriting-like (the pages as before);
     *            "hard": the hard kinds and their pairs in turn; "mixed": every fifth page hard,
     *            the others clean and degraded in turn (issue 16's 80/20 batch); "steep": phone
     *            photos taken at a slant, alone and over each other hard kind
     */
    static void generate(Path dir, int count, String mix) throws Exception {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        ScanGenerator generator = new ScanGenerator(606L);
        Random random = new Random(606L);
        List<String> fonts = ScanGenerator.installedFonts();
        List<String> hard = hardKinds();
        int hardDone = 0;
        // -Dtexts=<letters.jsonl>: the first page of letters written elsewhere (../shared/devset),
        // so that what the word model knows is measured on wording pobox did not write
        HandStrokes hands = mix.equals("hands") ? new HandStrokes(HandStrokes.defaultData(), 606L) : null;
        List<String> texts = System.getProperty("texts") == null ? List.of() : firstPages(Path.of(System.getProperty("texts")));
        // pages go into the PDF as they are made: 36 colour A4 pages at 300 dpi would not fit the heap
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < count; i++) {
                String kind = switch (mix) {
                    case "hard" -> hard.get(i % hard.size());
                    case "hands" -> HandStrokes.Hand.values()[i % HandStrokes.Hand.values().length].kind();
                    case "mixed" -> i % 5 == 4 ? hard.get(hardDone++ % hard.size()) : i % 2 == 0 ? "clean" : "degraded";
                    case "steep" -> STEEP.get(i % STEEP.size());
                    default -> i % 3 == 0 ? "clean" : i % 3 == 1 ? "degraded" : "handwriting";
                };
                String truth = texts.isEmpty() ? generator.letters().letter() : texts.get(i % texts.size());
                int dpi = i % 2 == 0 ? 300 : 200;
                String font = fonts.get(i % fonts.size());
                BufferedImage page = switch (kind) {
                    case "clean" -> generator.render(truth, PageStyle.clean(dpi).withFont(font));
                    case "degraded" -> degrade(generator.render(truth, new PageStyle(font, dpi,
                            11 + random.nextInt(3), true, random.nextDouble() * 3 - 1.5, 225 + random.nextInt(25))), i / 3, dpi, random);
                    case "handwriting" -> Degrade.jpeg(generator.renderHandwritten(truth, dpi), 0.7f);
                    case "hand-neat", "hand-ordinary", "hand-hurried", "hand-rough", "hand-barely" -> Degrade.jpeg(
                            hands.page(truth, dpi, HandStrokes.Hand.valueOf(kind.substring(5).toUpperCase(Locale.ROOT))), 0.75f);
                    default -> hardPage(generator, truth, kind, font, dpi, random);
                };
                String name = String.format(Locale.ROOT, "%03d-%s", i, kind);
                ImageIO.write(page, "png", pages.resolve(name + ".png").toFile());
                Files.writeString(pages.resolve(name + ".txt"), truth, StandardCharsets.UTF_8);
                // a fax is 150 dpi, the others as rendered; the PDF says so, as a scanner would
                int pageDpi = kind.contains("fax") ? 150 : dpi;
                var pdfPage = new org.apache.pdfbox.pdmodel.PDPage(new org.apache.pdfbox.pdmodel.common.PDRectangle(
                        page.getWidth() * 72f / pageDpi, page.getHeight() * 72f / pageDpi));
                pdf.addPage(pdfPage);
                var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(pdf, page, 0.85f);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, pdfPage)) {
                    content.drawImage(image, 0, 0, pdfPage.getMediaBox().getWidth(), pdfPage.getMediaBox().getHeight());
                }
            }
            pdf.save(dir.resolve("all.pdf").toFile());
        }
    }

    /** Each letter's first page, cut at a line end to fit a hand-lettered page. */
    static List<String> firstPages(Path jsonl) throws Exception {
        List<String> pages = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String page = org.pobox.letter.Json.MAPPER.readTree(line).path("pages").path(0).asText();
            while (page.length() > 260 && page.lastIndexOf('\n') > 0) {
                page = page.substring(0, page.lastIndexOf('\n'));
            }
            pages.add(page.length() > 260 ? page.substring(0, 260) : page);
        }
        return pages;
    }

    /** A page of one hard kind or a pair ("carbon+bleed"): written, then overlaid, then captured. */
    static BufferedImage hardPage(ScanGenerator generator, String truth, String kind, String font, int dpi, Random random) {
        List<String> parts = List.of(kind.split("\\+"));
        BufferedImage page = parts.contains("hand") ? generator.renderHandLettered(truth, dpi)
                : generator.render(truth, new PageStyle(font, dpi, 11 + random.nextInt(3), false,
                        random.nextDouble() * 2 - 1, 240 + random.nextInt(16)));
        if (parts.contains("carbon")) {
            page = Degrade.carbonCopy(page, random);
        }
        if (parts.contains("bleed")) {
            BufferedImage back = generator.render(generator.letters().letter(), PageStyle.clean(dpi).withFont(font));
            page = Degrade.bleedThrough(page, back, random);
        }
        if (parts.contains("seal")) {
            page = Degrade.redSealOverText(page, dpi, random);
        }
        if (parts.contains("fax")) {
            page = Degrade.fax(page, dpi, random);
        }
        if (parts.contains("photo") || parts.contains("steep")) {
            page = Degrade.phonePhoto(page, random, parts.contains("steep"));
        }
        return page;
    }

    /** The degradations, one or two per page, in turn. */
    private static BufferedImage degrade(BufferedImage page, int n, int dpi, Random random) {
        return switch (n % 8) {
            case 0 -> Degrade.rotate(Degrade.blur(page, 1), 1);
            case 1 -> Degrade.rotate(Degrade.lowContrast(page, 100, 210), 2);
            case 2 -> Degrade.rotate(Degrade.jpeg(page, 0.25f), 3);
            case 3 -> Degrade.punchHoles(Degrade.border(page, dpi / 10), dpi);
            case 4 -> Degrade.ruled(page, dpi / 4);
            case 5 -> Degrade.redSeal(page, dpi, random);
            case 6 -> Degrade.photographed(page, 0.08, 0.45);
            default -> Degrade.jpeg(Degrade.lowContrast(Degrade.blur(page, 1), 80, 200), 0.4f);
        };
    }

    /** Reads {@code <dir>/routes/ocr.camel.yaml}: the route as it was when the run began. */
    static void pobox(Path dir, String engine, int workers) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-pobox-" + engine));
        Properties sys = new Properties();
        sys.setProperty("pobox.home", System.getProperty("pobox.home", "."));
        sys.setProperty("pobox.ocr.workers", String.valueOf(workers));
        sys.setProperty("pobox.ocr.engine.chi_sim", engine);
        PoboxConfig config = PoboxConfig.load(Map.of(), sys);
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (true) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            pages = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Map<String, Long> engines = new TreeMap<>();
        long start;
        long cpuStart;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setOverrideProperties(config.asProperties());
            OcrStage.beans(config).forEach(camel.getRegistry()::bind);
            camel.getRegistry().bind("letterAssembler", new LetterAssembler());
            // the route's bookkeeping beans, as Pipeline binds them; OCR records go to the corpus folder
            camel.getRegistry().bind("batchTracker", new org.pobox.pipeline.BatchTracker());
            camel.getRegistry().bind("ocrRecords", new org.pobox.ocr.OcrRecords(dir.resolve("archive-" + engine)));
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:" + dir.resolve("routes/ocr.camel.yaml")));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            // a warm-up page: model loading is once per process, not per page
            read(template, pages.get(0));
            start = System.nanoTime();
            cpuStart = processCpuNanos();
            ExecutorService letters = Executors.newFixedThreadPool(workers);
            List<Future<Letter>> results = new ArrayList<>();
            for (Path page : pages) {
                results.add(letters.submit(() -> read(template, page)));
            }
            for (int i = 0; i < pages.size(); i++) {
                Letter letter = results.get(i).get();
                String name = pages.get(i).getFileName().toString().replace(".png", ".txt");
                Files.writeString(out.resolve(name), letter.text(), StandardCharsets.UTF_8);
                for (Page p : letter.pages()) {
                    engines.merge(p.engine(), 1L, Long::sum);
                }
            }
            letters.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerPage = (processCpuNanos() - cpuStart) / 1e9 / pages.size();
        String extra = String.format(Locale.ROOT, " | %d MiB | %d MiB | %.2f | %s", peakHeap.get() >> 20,
                peakRssKib() >> 10, cpuPerPage, engines);
        System.out.println(score(dir, out, "pobox " + engine + " (" + workers + " workers)", seconds, extra));
    }

    private static Letter read(ProducerTemplate template, Path page) {
        GenericFile<File> file = new GenericFile<>();
        file.setFile(page.toFile());
        file.setAbsoluteFilePath(page.toAbsolutePath().toString());
        return template.requestBodyAndHeaders("direct:ocr", file, Map.of(Headers.LETTER_ID, "bench-" + page.getFileName(),
                Headers.SAFE_NAME, page.getFileName().toString(), Headers.ARCHIVE_NAME, page.getFileName().toString(),
                Headers.RECEIVED_AT, java.time.Instant.now()), Letter.class);
    }

    /** CPU time of this JVM, all threads, including ONNX Runtime's and libtesseract's native work. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** VmHWM: the process's peak resident set. */
    private static long peakRssKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** "| label | pages | pages/min | CER clean | degraded | handwriting | all" + extra. */
    static String score(Path dir, Path outDir, String label, double seconds, String extra) throws Exception {
        Map<String, double[]> byKind = new TreeMap<>();
        int n = 0;
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            for (Path truthFile : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = truthFile.getFileName().toString();
                String kind = name.substring(4, name.length() - 4);
                Path read = outDir.resolve(name);
                String text = Files.exists(read) ? Files.readString(read, StandardCharsets.UTF_8) : "";
                double cer = Math.min(1.0, Cer.of(Files.readString(truthFile, StandardCharsets.UTF_8), text));
                byKind.computeIfAbsent(kind, k -> new double[2]);
                byKind.get(kind)[0] += cer;
                byKind.get(kind)[1]++;
                n++;
            }
        }
        double total = byKind.values().stream().mapToDouble(v -> v[0]).sum();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.3f | %.3f | %.3f | %.3f%s", label, n, n * 60 / seconds,
                mean(byKind.get("clean")), mean(byKind.get("degraded")), mean(byKind.get("handwriting")), total / n,
                extra);
    }

    /**
     * A table of mean CER by page kind, one column per reader: {@code outDirAndLabels} is
     * out dir, label, out dir, label ...; the last row is over all pages.
     */
    static String kinds(Path dir, List<String> outDirAndLabels) throws Exception {
        List<Path> truths;
        try (Stream<Path> s = Files.list(dir.resolve("pages"))) {
            truths = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Map<String, List<Path>> byKind = new java.util.LinkedHashMap<>();
        for (Path t : truths) {
            String name = t.getFileName().toString();
            byKind.computeIfAbsent(name.substring(4, name.length() - 4), k -> new ArrayList<>()).add(t);
        }
        byKind.put("all", truths);
        StringBuilder out = new StringBuilder("| kind | pages |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int i = 1; i < outDirAndLabels.size(); i += 2) {
            out.append(' ').append(outDirAndLabels.get(i)).append(" |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        for (Map.Entry<String, List<Path>> e : byKind.entrySet()) {
            out.append("| ").append(e.getKey()).append(" | ").append(e.getValue().size()).append(" |");
            for (int i = 0; i < outDirAndLabels.size(); i += 2) {
                double sum = 0;
                for (Path truth : e.getValue()) {
                    Path read = Path.of(outDirAndLabels.get(i)).resolve(truth.getFileName());
                    String text = Files.exists(read) ? Files.readString(read, StandardCharsets.UTF_8) : "";
                    sum += Math.min(1.0, Cer.of(Files.readString(truth, StandardCharsets.UTF_8), text));
                }
                out.append(String.format(Locale.ROOT, " %.3f |", sum / e.getValue().size()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double mean(double[] v) {
        return v == null || v[1] == 0 ? Double.NaN : v[0] / v[1];
    }
}
