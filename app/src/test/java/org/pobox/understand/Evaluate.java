package org.pobox.understand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pobox.understand.corpus.GeneratedLetter;
import org.pobox.understand.corpus.LetterGenerator;
import org.pobox.understand.corpus.OcrNoise;
import org.pobox.understand.corpus.Truth;
import org.pobox.understand.round.Seeds;
import org.pobox.understand.subject.LabelledLetter;

/**
 * Trains the subject model on 70% of a generated corpus and scores every field on the other 30%,
 * on clean text and on text degraded with OCR-like errors.
 * With a fourth argument k, the first k held-out letters are also rendered to page images and
 * read back by the tesseract CLI ({@code chi_sim}); the OCR text is cached under target/ocr-cache.
 * Usage: {@code Evaluate [letters=2000] [error-rate=0.10] [results.md] [ocr-letters=0]}.
 */
public final class Evaluate {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.10;
        Seeds seeds = Seeds.load(Seeds.defaultDir());
        List<GeneratedLetter> clean = new LetterGenerator(seeds, 42).generate(n);
        OcrNoise noise = new OcrNoise(7);
        List<GeneratedLetter> noisy = clean.stream().map(l -> l.withText(noise.degrade(l.body(), rate),
                l.envelope() == null ? null : noise.degrade(l.envelope(), rate))).toList();

        int split = n * 7 / 10;
        // the held-out part must not contain re-sent copies of training letters
        Set<String> trainIds = new HashSet<>();
        List<LabelledLetter> train = new ArrayList<>();
        for (int i = 0; i < split; i++) {
            GeneratedLetter l = clean.get(i);
            trainIds.add(l.id());
            train.add(new LabelledLetter(l.id(), l.body(), l.truth().subject()));
            train.add(new LabelledLetter(l.id() + "~ocr", noisy.get(i).body(), l.truth().subject()));
        }
        Understander reader = new Understander(seeds, null).retrain(train);

        StringBuilder md = new StringBuilder();
        md.append("# understand: evaluation on generated letters\n\n");
        md.append(String.format("%d letters (seed 42), model trained on %d (clean + one degraded copy each), "
                + "scored on the held-out rest; degraded = %.0f%% character errors (OcrNoise).%n%n", n, split, rate * 100));
        md.append("| metric | clean | degraded |\n|---|---|---|\n");
        int ocrCount = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Map<String, String> a = score(reader, clean, split, trainIds);
        Map<String, String> b = score(reader, noisy, split, trainIds);
        Map<String, String> c = ocrCount == 0 ? null : score(reader, ocred(clean, split, ocrCount), 0, trainIds);
        if (c != null) {
            md.setLength(md.lastIndexOf("| metric"));
            md.append("| metric | clean | degraded | tesseract OCR of rendered pages |\n|---|---|---|---|\n");
        }
        for (String k : a.keySet()) {
            md.append("| ").append(k).append(" | ").append(a.get(k)).append(" | ").append(b.get(k));
            if (c != null) md.append(" | ").append(c.get(k));
            md.append(" |\n");
        }
        md.append(unseenWording(seeds, rate));
        System.out.println(md);
        if (args.length > 2) Files.writeString(Path.of(args[2]), md.toString());
    }

    /**
     * Subject on wording the model never saw: train on letters made from one half of the sentence
     * templates, test on letters made from the other half.
     */
    static String unseenWording(Seeds seeds, double rate) {
        List<LabelledLetter> train = new ArrayList<>();
        for (GeneratedLetter l : new LetterGenerator(seeds, 43).onlyTemplateHalf(0).generate(700)) {
            train.add(new LabelledLetter(l.id(), l.body(), l.truth().subject()));
        }
        Understander rules = new Understander(seeds, null);
        Understander both = rules.retrain(train);
        List<GeneratedLetter> test = new LetterGenerator(seeds, 44).onlyTemplateHalf(1).generate(300);
        OcrNoise noise = new OcrNoise(9);
        StringBuilder md = new StringBuilder("\nSubject on unseen wording (train: 700 letters from half of the sentence templates; "
                + "test: 300 letters from the other half):\n\n| | clean | degraded |\n|---|---|---|\n");
        for (var entry : Map.of("rules only", rules, "rules + naive Bayes", both).entrySet()) {
            List<String> truth = new ArrayList<>(), clean = new ArrayList<>(), noisy = new ArrayList<>();
            for (GeneratedLetter l : test) {
                truth.add(l.truth().subject());
                clean.add(entry.getValue().understand(l.body(), l.envelope(), l.receivedAt()).subject());
                noisy.add(entry.getValue().understand(noise.degrade(l.body(), rate), null, l.receivedAt()).subject());
            }
            md.append("| macro-F1, ").append(entry.getKey()).append(" | ").append(f(macroF1(truth, clean)))
                    .append(" | ").append(f(macroF1(truth, noisy))).append(" |\n");
        }
        return md.toString();
    }

    /** The first {@code count} held-out letters (and the letters they repeat), rendered and OCRed. */
    static List<GeneratedLetter> ocred(List<GeneratedLetter> letters, int split, int count) throws Exception {
        Path cache = Path.of("target/ocr-cache");
        Files.createDirectories(cache);
        Map<String, GeneratedLetter> byId = new HashMap<>();
        for (GeneratedLetter l : letters) byId.put(l.id(), l);
        java.util.TreeMap<String, GeneratedLetter> chosen = new java.util.TreeMap<>();
        for (int i = split; i < letters.size() && chosen.size() < count; i++) {
            GeneratedLetter l = letters.get(i);
            chosen.put(l.id(), l);
            // a re-sent letter comes with the letter it repeats, so links can be scored
            if (l.duplicateOf() != null) chosen.put(l.duplicateOf(), byId.get(l.duplicateOf()));
        }
        List<GeneratedLetter> out = new ArrayList<>();
        for (GeneratedLetter l : chosen.values()) {
            out.add(l.withText(ocr(cache, l.id() + "-body", l.body()), l.envelope() == null ? null : ocr(cache, l.id() + "-env", l.envelope())));
        }
        return out;
    }

    private static String ocr(Path cache, String name, String text) throws Exception {
        Path txt = cache.resolve(name + ".txt");
        if (Files.exists(txt)) return Files.readString(txt);
        Path png = cache.resolve(name + ".png");
        org.pobox.understand.corpus.LetterImages.write(text, png, name.hashCode());
        ProcessBuilder pb = new ProcessBuilder("tesseract", png.toString(), "stdout", "-l", "chi_sim", "--psm", "6");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String result = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("tesseract failed on " + png);
        Files.writeString(txt, result);
        Files.delete(png);
        return result;
    }

    static Map<String, String> score(Understander reader, List<GeneratedLetter> letters, int split, Set<String> trainIds) {
        List<GeneratedLetter> test = new ArrayList<>();
        for (int i = split; i < letters.size(); i++) {
            GeneratedLetter l = letters.get(i);
            if (trainIds.contains(l.id())) continue; // an original brought in only to score duplicate links
            if (l.duplicateOf() == null || !trainIds.contains(l.duplicateOf())) test.add(l);
        }
        for (int i = 0; i < Math.min(30, test.size()); i++) reader.understand(test.get(i).body(), test.get(i).envelope(), test.get(i).receivedAt());

        List<String> truthSubject = new ArrayList<>(), predSubject = new ArrayList<>();
        int region = 0, inScope = 0, signed = 0, level = 0, forward = 0, late = 0, letterDate = 0, postmark = 0;
        int phones = 0, phonesFound = 0, ids = 0, idsFound = 0, names = 0, namesFound = 0, leaks = 0;
        double subjectsJaccard = 0;
        long[] nanos = new long[test.size()];
        for (int i = 0; i < test.size(); i++) {
            GeneratedLetter l = test.get(i);
            Truth t = l.truth();
            long start = System.nanoTime();
            LetterUnderstanding u = reader.understand(l.body(), l.envelope(), l.receivedAt());
            nanos[i] = System.nanoTime() - start;
            truthSubject.add(t.subject());
            predSubject.add(u.subject());
            subjectsJaccard += jaccard(t.subjects(), u.subjects());
            if (Objects.equals(t.region(), u.region())) region++;
            if (t.inScope() == u.inScope()) inScope++;
            if (t.signed() == u.signed()) signed++;
            if (Objects.equals(t.targetLevel(), u.targetLevel())) level++;
            if (Objects.equals(t.forwardTo(), u.forwardTo())) forward++;
            if (t.late() == u.late()) late++;
            if (Objects.equals(t.letterDate(), u.letterDate())) letterDate++;
            if (Objects.equals(t.postmarkDate(), u.postmarkDate())) postmark++;
            if (t.phone() != null) {
                phones++;
                if (u.reporter().phone() != null && digits(u.reporter().phone()).equals(digits(t.phone()))) phonesFound++;
            }
            if (t.idNumber() != null) {
                ids++;
                if (t.idNumber().equals(u.reporter().idNumber())) idsFound++;
            }
            if (t.reporterName() != null) {
                names++;
                if (t.reporterName().equals(u.reporter().name())) namesFound++;
            }
            String masked = reader.mask(l.body(), u.reporter());
            if (leaks(masked, t)) leaks++;
        }
        Arrays.sort(nanos);
        int m = test.size();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("held-out letters", String.valueOf(m));
        out.put("subject macro-F1 (target ≥ 0.90)", f(macroF1(truthSubject, predSubject)));
        out.put("subject accuracy", f(acc(truthSubject, predSubject)));
        out.put("subjects (all) mean Jaccard", f(subjectsJaccard / m));
        out.put("region accuracy (≥ 0.95)", f(region / (double) m));
        out.put("target_level accuracy", f(level / (double) m));
        out.put("in_scope accuracy (≥ 0.93)", f(inScope / (double) m));
        out.put("forward_to accuracy", f(forward / (double) m));
        out.put("signed accuracy (≥ 0.97)", f(signed / (double) m));
        out.put("phone recall (≥ 0.97)", f(phonesFound / (double) phones) + " of " + phones);
        out.put("ID number recall", f(idsFound / (double) ids) + " of " + ids);
        out.put("reporter name recall", f(namesFound / (double) names) + " of " + names);
        out.put("letters whose masked text leaks phone/ID/name", String.valueOf(leaks));
        out.put("letter_date accuracy", f(letterDate / (double) m));
        out.put("postmark_date accuracy", f(postmark / (double) m));
        out.put("late accuracy", f(late / (double) m));
        out.put("median understand() time", String.format("%.2f ms", nanos[m / 2] / 1e6));
        double[] pr = duplicates(reader, letters);
        out.put("duplicate-link precision (≥ 0.90)", f(pr[0]));
        out.put("duplicate-link recall (≥ 0.90)", f(pr[1]) + " of " + (int) pr[2]);
        return out;
    }

    /** Links every letter, in arrival order, to the first earlier letter it repeats (whole corpus). */
    static double[] duplicates(Understander reader, List<GeneratedLetter> letters) {
        DuplicateIndex index = new DuplicateIndex();
        int predicted = 0, correct = 0, actual = 0;
        Set<String> present = new HashSet<>();
        for (GeneratedLetter l : letters) present.add(l.id());
        for (GeneratedLetter l : letters) {
            String link = index.addAndFind(l.id(), reader.signature(l.body()));
            if (l.duplicateOf() != null && present.contains(l.duplicateOf())) actual++;
            if (link != null) {
                predicted++;
                if (root(letters, link).equals(l.duplicateOf() == null ? "" : l.duplicateOf())) correct++;
            }
        }
        return new double[] {predicted == 0 ? 1 : correct / (double) predicted, actual == 0 ? 1 : correct / (double) actual, actual};
    }

    private static String root(List<GeneratedLetter> letters, String id) {
        for (GeneratedLetter l : letters) if (l.id().equals(id)) return l.duplicateOf() == null ? l.id() : l.duplicateOf();
        return id;
    }

    static boolean leaks(String masked, Truth t) {
        String plain = masked.replaceAll("[ \\-]", "");
        return t.phone() != null && plain.contains(digits(t.phone()))
                || t.idNumber() != null && plain.contains(t.idNumber())
                || t.reporterName() != null && masked.contains(t.reporterName());
    }

    static double macroF1(List<String> truth, List<String> pred) {
        Set<String> labels = new LinkedHashSet<>(truth);
        double sum = 0;
        for (String c : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean t = truth.get(i).equals(c), p = c.equals(pred.get(i));
                if (t && p) tp++; else if (p) fp++; else if (t) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / labels.size();
    }

    static double acc(List<String> a, List<String> b) {
        int ok = 0;
        for (int i = 0; i < a.size(); i++) if (a.get(i).equals(b.get(i))) ok++;
        return ok / (double) a.size();
    }

    private static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) union.size();
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    private static String f(double v) {
        return String.format("%.3f", v);
    }

    private Evaluate() {}
}
