package org.pobox.understand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pobox.understand.duplicates.DuplicateSignature;
import org.pobox.understand.round.Seeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores the understanding on the development set, letters written and labelled outside this
 * project ({@code shared/devset/letters.jsonl}, conventions in its README). Only measures: nothing
 * here feeds rules, seeds or the model. Prints a table of every field, the same split by the
 * devset's hard cases, and each mistake, so a change can be judged on wording pobox never wrote.
 */
public final class DevsetEvaluate {

    /** One devset letter with the labels this evaluation scores. */
    record Labelled(String id, String body, String envelope, LocalDate received, String subject, String secondary,
                    String region, String targetLevel, boolean inScope, boolean signed, String reporterName,
                    String reporterPhone, String thirdPartyPhone, String duplicateOf, List<String> hard,
                    List<String> pages, List<String> envelopePages) {}

    /** What the understanding made of one letter. */
    /** @param storedEnvelope the envelope's text as the index keeps it (UnderstandStage's envelope mask), or null */
    record Read(LetterUnderstanding u, String duplicateOf, String shared, double ms, double cpuMs, String storedEnvelope) {}

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The devset's level names (posts.yaml level names, one spelt shorter) to posts.yaml codes. */
    private static final Map<String, String> LEVELS = Map.of(
            "区领导班子成员", "district_leadership", "区法院检察院党组主要负责人", "court_procuratorate_head",
            "市管干部", "city_managed", "下一级党组织主要负责人", "next_level_head", "其他干部", "other_cadre");

    public static List<Labelled> load(Path jsonl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            List<String> pages = new ArrayList<>();
            n.path("pages").forEach(p -> pages.add(p.asText()));
            List<String> envelope = new ArrayList<>();
            n.path("envelope").forEach(p -> envelope.add(p.asText()));
            List<String> hard = new ArrayList<>();
            n.path("hard_cases").forEach(h -> hard.add(h.asText()));
            String level = text(n, "target_level");
            out.add(new Labelled(text(n, "id"), String.join("\n", pages), envelope.isEmpty() ? null : String.join("\n", envelope),
                    LocalDate.parse(text(n, "received_date")), subject(text(n, "subject")), subject(text(n, "secondary_subject")),
                    text(n, "region"), level == null ? null : LEVELS.get(level), n.path("in_scope").asBoolean(),
                    n.path("signed").asBoolean(), text(n, "reporter_name"), text(n, "reporter_phone"),
                    text(n, "third_party_phone"), text(n, "duplicate_of"), hard, pages, envelope));
        }
        return out;
    }

    /** Understands every letter in order of receipt, linking each to the first letter of its matter, as the pipeline does. */
    public static List<Read> read(Understander reader, List<Labelled> letters) {
        for (int i = 0; i < Math.min(20, letters.size()); i++) reader.understand(letters.get(i).body(), letters.get(i).envelope(), null);
        List<Read> out = new ArrayList<>();
        List<DuplicateSignature> signatures = new ArrayList<>();
        List<String> firstOf = new ArrayList<>();
        for (Labelled l : letters) {
            // CPU time too: on a shared, loaded machine wall time says more about the neighbours
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            LetterUnderstanding u = reader.understand(l.body(), l.envelope(), l.received().atStartOfDay(CHINA).plusHours(12).toInstant());
            double ms = (System.nanoTime() - start) / 1e6;
            double cpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            // the index holds masked text: the signature is computed on it, as UnderstandStage does
            DuplicateSignature sig = reader.signature(reader.mask(l.body(), u.reporter()));
            String link = null;
            String shared = null;
            double best = 0;
            for (int j = 0; j < signatures.size(); j++) {
                DuplicateSignature other = signatures.get(j);
                if (!sig.isDuplicateOf(other)) continue;
                double s = sig.score(other);
                if (s > best) { best = s; link = firstOf.get(j); shared = letters.get(j).id() + ": " + sig.shared(other); }
            }
            signatures.add(sig);
            firstOf.add(link == null ? l.id() : link);
            String stored = l.envelope() == null ? null : reader.envelopeMask(l.envelope(), u.reporter()).apply(l.envelope());
            out.add(new Read(u, link, shared, ms, cpuMs, stored));
        }
        return out;
    }

    public static String report(List<Labelled> letters, List<Read> reads, String title) {
        StringBuilder md = new StringBuilder("## " + title + "\n\n");
        Map<String, String> all = scores(letters, reads, i -> true);
        Set<String> hardCases = new TreeSet<>();
        letters.forEach(l -> hardCases.addAll(l.hard()));
        md.append("| metric | all (").append(letters.size()).append(") |");
        List<String> cases = new ArrayList<>(hardCases);
        List<Map<String, String>> split = new ArrayList<>();
        for (String h : cases) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < letters.size(); i++) if (letters.get(i).hard().contains(h)) idx.add(i);
            md.append(' ').append(h).append(" (").append(idx.size()).append(") |");
            split.add(scores(letters, reads, idx::contains));
        }
        md.append("\n|---|---|").append("---|".repeat(cases.size())).append('\n');
        for (String k : all.keySet()) {
            md.append("| ").append(k).append(" | ").append(all.get(k)).append(" |");
            for (Map<String, String> s : split) md.append(' ').append(s.getOrDefault(k, "")).append(" |");
            md.append('\n');
        }
        md.append('\n').append(perClass(letters, reads)).append('\n').append(mistakes(letters, reads));
        return md.toString();
    }

    /** Field scores over the letters {@code in} selects; repeats and time only over all letters. */
    static Map<String, String> scores(List<Labelled> letters, List<Read> reads, java.util.function.IntPredicate in) {
        List<String> truth = new ArrayList<>(), pred = new ArrayList<>();
        int n = 0, region = 0, scope = 0, signed = 0, level = 0, phones = 0, phonesFound = 0, third = 0, thirdTaken = 0;
        int names = 0, namesFound = 0, envelopes = 0, postmarks = 0, sendersKept = 0;
        for (int i = 0; i < letters.size(); i++) {
            if (!in.test(i)) continue;
            Labelled l = letters.get(i);
            LetterUnderstanding u = reads.get(i).u();
            n++;
            truth.add(l.subject());
            pred.add(u.subject());
            if (sameRegion(l.region(), u.region())) region++;
            if (l.inScope() == u.inScope()) scope++;
            if (l.signed() == u.signed()) signed++;
            if (Objects.equals(l.targetLevel(), u.targetLevel())) level++;
            String phone = u.reporter().phone() == null ? null : digits(u.reporter().phone());
            if (l.reporterPhone() != null) {
                phones++;
                if (digits(l.reporterPhone()).equals(phone)) phonesFound++;
            }
            if (l.thirdPartyPhone() != null) {
                third++;
                if (digits(l.thirdPartyPhone()).equals(phone)) thirdTaken++;
            }
            if (l.reporterName() != null) {
                names++;
                if (l.reporterName().equals(u.reporter().name())) namesFound++;
            }
            if (l.envelope() != null) {
                // an envelope's letter was received on its postmark's day (the devset's received_date)
                envelopes++;
                if (l.received().equals(u.postmarkDate())) postmarks++;
                String stored = reads.get(i).storedEnvelope();
                if (l.reporterName() != null && stored.contains(l.reporterName())) sendersKept++;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("subject macro-F1 (≥ 0.90)", f(Evaluate.macroF1(truth, pred)));
        out.put("subject accuracy", f(Evaluate.acc(truth, pred)));
        out.put("region accuracy (≥ 0.96)", f(region / (double) n));
        out.put("in_scope accuracy (≥ 0.95)", f(scope / (double) n));
        out.put("signed accuracy (≥ 0.98)", f(signed / (double) n));
        out.put("target_level accuracy", f(level / (double) n));
        out.put("reporter phone recall (≥ 0.98)", phones == 0 ? "–" : f(phonesFound / (double) phones) + " of " + phones);
        out.put("third-party phone taken (0)", third == 0 ? "–" : thirdTaken + " of " + third);
        out.put("reporter name recall", names == 0 ? "–" : f(namesFound / (double) names) + " of " + names);
        out.put("postmark_date = received_date", envelopes == 0 ? "–" : postmarks + " of " + envelopes);
        out.put("writer's name left in the stored envelope (0)", envelopes == 0 ? "–" : sendersKept + " of " + envelopes);
        if (n == letters.size()) {
            double[] pr = repeats(letters, reads);
            out.put("duplicate_of precision (≥ 0.95)", f(pr[0]) + " (" + (int) pr[3] + " linked)");
            out.put("duplicate_of recall (≥ 0.95)", f(pr[1]) + " of " + (int) pr[2]);
            double[] ms = reads.stream().mapToDouble(Read::ms).sorted().toArray();
            double[] cpuMs = reads.stream().mapToDouble(Read::cpuMs).sorted().toArray();
            out.put("median understand() ms (< 20)", String.format("%.1f wall, %.1f CPU", ms[ms.length / 2], cpuMs[cpuMs.length / 2]));
        }
        return out;
    }

    /** Precision and recall of links: a link is right when it names the first letter of the true matter. */
    static double[] repeats(List<Labelled> letters, List<Read> reads) {
        Map<String, String> truthFirst = new HashMap<>();
        for (Labelled l : letters) {
            String first = l.duplicateOf() == null ? l.id() : truthFirst.getOrDefault(l.duplicateOf(), l.duplicateOf());
            truthFirst.put(l.id(), first);
        }
        int linked = 0, right = 0, actual = 0;
        for (int i = 0; i < letters.size(); i++) {
            Labelled l = letters.get(i);
            String link = reads.get(i).duplicateOf();
            if (l.duplicateOf() != null) actual++;
            if (link == null) continue;
            linked++;
            if (l.duplicateOf() != null && truthFirst.get(l.id()).equals(link)) right++;
        }
        return new double[] {linked == 0 ? 1 : right / (double) linked, actual == 0 ? 1 : right / (double) actual, actual, linked};
    }

    static String perClass(List<Labelled> letters, List<Read> reads) {
        StringBuilder md = new StringBuilder("| subject | support | predicted | F1 |\n|---|---|---|---|\n");
        Set<String> labels = new LinkedHashSet<>();
        letters.forEach(l -> labels.add(l.subject()));
        for (String c : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < letters.size(); i++) {
                boolean t = letters.get(i).subject().equals(c), p = c.equals(reads.get(i).u().subject());
                if (t && p) tp++; else if (p) fp++; else if (t) fn++;
            }
            md.append("| ").append(c).append(" | ").append(tp + fn).append(" | ").append(tp + fp).append(" | ")
                    .append(f(tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn))).append(" |\n");
        }
        return md.toString();
    }

    static String mistakes(List<Labelled> letters, List<Read> reads) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String f : List.of("subject", "region", "in_scope", "signed", "target_level", "phone", "duplicate_of")) {
            byField.put(f, new ArrayList<>());
        }
        for (int i = 0; i < letters.size(); i++) {
            Labelled l = letters.get(i);
            Read r = reads.get(i);
            LetterUnderstanding u = r.u();
            String tag = l.id() + (l.hard().isEmpty() ? "" : " " + l.hard());
            if (!l.subject().equals(u.subject())) {
                byField.get("subject").add(tag + ": " + l.subject() + (l.secondary() == null ? "" : "+" + l.secondary())
                        + " → " + u.subjects() + " " + evidence(u, "subject"));
            }
            if (!sameRegion(l.region(), u.region())) byField.get("region").add(tag + ": " + l.region() + " → " + u.region() + " " + evidence(u, "region"));
            if (l.inScope() != u.inScope()) {
                byField.get("in_scope").add(tag + ": " + l.inScope() + " → " + u.inScope() + " (level " + l.targetLevel()
                        + " → " + u.targetLevel() + ", region " + l.region() + " → " + u.region() + ")");
            }
            if (l.signed() != u.signed()) {
                byField.get("signed").add(tag + ": " + l.signed() + " → " + u.signed() + " (name " + l.reporterName()
                        + " → " + u.reporter().name() + ", phone " + l.reporterPhone() + " → " + u.reporter().phone() + ")");
            }
            if (!Objects.equals(l.targetLevel(), u.targetLevel())) {
                byField.get("target_level").add(tag + ": " + l.targetLevel() + " → " + u.targetLevel() + " " + evidence(u, "targets"));
            }
            String phone = u.reporter().phone() == null ? null : digits(u.reporter().phone());
            boolean missed = l.reporterPhone() != null && !digits(l.reporterPhone()).equals(phone);
            boolean thirdTaken = l.thirdPartyPhone() != null && digits(l.thirdPartyPhone()).equals(phone);
            boolean invented = l.reporterPhone() == null && phone != null;
            if (missed || thirdTaken || invented) {
                byField.get("phone").add(tag + ": " + l.reporterPhone() + " (third party " + l.thirdPartyPhone() + ") → " + phone);
            }
            if (!Objects.equals(l.duplicateOf() == null ? null : "dup", r.duplicateOf() == null ? null : "dup")
                    || l.duplicateOf() != null && r.duplicateOf() != null && !l.duplicateOf().equals(r.duplicateOf())) {
                byField.get("duplicate_of").add(tag + ": " + l.duplicateOf() + " → " + r.duplicateOf()
                        + (r.shared() == null ? "" : " (" + r.shared() + ")"));
            }
        }
        StringBuilder md = new StringBuilder();
        byField.forEach((field, list) -> {
            md.append("### mistakes: ").append(field).append(" (").append(list.size()).append(")\n\n");
            list.forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        });
        return md.toString();
    }

    private static String evidence(LetterUnderstanding u, String field) {
        return u.explain().stream().filter(e -> e.field().equals(field)).findFirst()
                .map(e -> e.evidence().stream().limit(8).map(Evidence::text).toList().toString()).orElse("");
    }

    /** 镇 and 街道 of one place are the same region (灵山, 蓝村 and 大信 changed in 2020). */
    static boolean sameRegion(String truth, String pred) {
        return pred != null && bare(truth).equals(bare(pred));
    }

    private static String bare(String region) {
        return region.replaceAll("(街道|镇)$", "");
    }

    private static String subject(String s) {
        return s == null ? null : s.equals("违反八项规定精神") ? "违反中央八项规定精神" : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    private static String f(double v) {
        return String.format("%.3f", v);
    }

    /** {@code pobox.devset}: the folder holding letters.jsonl; default {@code <pobox.home>/../shared/devset}. */
    public static Path devsetDir() {
        String p = System.getProperty("pobox.devset");
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("pobox.home", ".")).toAbsolutePath().normalize().resolveSibling("shared").resolve("devset");
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : devsetDir();
        List<Labelled> letters = load(dir.resolve("letters.jsonl"));
        Seeds seeds = Seeds.load(Seeds.defaultDir());
        Understander reader = new Understander(seeds, null);
        String md = "# understand on the devset (" + letters.size() + " letters, " + dir + ")\n\n"
                + report(letters, read(reader, letters), "as the pipeline reads them (text), taxonomy phrases only (no model trained)");
        if (Boolean.parseBoolean(System.getProperty("devset.model", "true"))) {
            // the model as `pobox train` would make it before any correction: from pobox's own generated letters
            List<org.pobox.understand.subject.LabelledLetter> train = new ArrayList<>();
            for (var g : new org.pobox.understand.corpus.LetterGenerator(seeds, 42).generate(1500)) {
                train.add(new org.pobox.understand.subject.LabelledLetter(g.id(), g.body(), g.truth().subject()));
            }
            Understander trained = reader.retrain(train);
            md += "\n" + report(letters, read(trained, letters), "with the naive Bayes model trained on 1500 generated letters");
        }
        System.out.println(md);
        int ocr = Integer.getInteger("devset.ocr", 0);
        if (ocr > 0) {
            List<Labelled> read = ocred(letters.subList(0, Math.min(ocr, letters.size())));
            md += "\n" + report(read, read(reader, read), "OCR in the loop: the first " + read.size()
                    + " letters rendered page by page (test LetterImages) and read back by pobox's Paddle engine");
        }
        Path out = Path.of(System.getProperty("devset.out", "target/understand-devset.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
    }

    /**
     * The letters as pobox's own OCR reads them: each page (and the envelope) rendered to an image
     * by the test scan generator and read by {@link org.pobox.ocr.paddle.PaddleEngine}. The OCR text
     * is cached under target/devset-ocr (delete it after changing the engine).
     */
    static List<Labelled> ocred(List<Labelled> letters) throws Exception {
        Path cache = Path.of("target/devset-ocr");
        Files.createDirectories(cache);
        List<Labelled> out = new ArrayList<>();
        try (org.pobox.ocr.paddle.PaddleEngine engine = new org.pobox.ocr.paddle.PaddleEngine()) {
            for (Labelled l : letters) {
                String body = ocrText(engine, cache, l.id() + "-body", l.pages());
                String envelope = l.envelope() == null ? null : ocrText(engine, cache, l.id() + "-envelope", l.envelopePages());
                out.add(new Labelled(l.id(), body, envelope, l.received(), l.subject(), l.secondary(), l.region(),
                        l.targetLevel(), l.inScope(), l.signed(), l.reporterName(), l.reporterPhone(), l.thirdPartyPhone(),
                        l.duplicateOf(), l.hard(), l.pages(), l.envelopePages()));
            }
        }
        return out;
    }

    private static String ocrText(org.pobox.ocr.OcrEngine engine, Path cache, String name, List<String> pages) throws Exception {
        Path txt = cache.resolve(name + ".txt");
        if (Files.exists(txt)) return Files.readString(txt);
        StringBuilder read = new StringBuilder();
        // a page of the devset is a page of the letter: rendered one image each, in order
        for (String page : pages) {
            Path png = cache.resolve(name + ".png");
            org.pobox.understand.corpus.LetterImages.write(page, png, (name + read.length()).hashCode());
            read.append(engine.read(javax.imageio.ImageIO.read(png.toFile())).text()).append('\n');
            Files.delete(png);
        }
        Files.writeString(txt, read.toString());
        return read.toString();
    }

    private DevsetEvaluate() {}
}
