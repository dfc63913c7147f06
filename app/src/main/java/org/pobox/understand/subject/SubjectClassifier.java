package org.pobox.understand.subject;

import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pobox.letter.Json;
import org.pobox.understand.Evidence;
import org.pobox.understand.text.Match;
import org.pobox.understand.text.Normalizer;
import org.pobox.understand.text.PhraseMatcher;
import org.pobox.understand.text.Segmenter;

/**
 * Subject = taxonomy phrase rules combined with a naive Bayes model over words and bigrams.
 * The rules explain, the model generalises to phrasings the taxonomy does not list; without a
 * model the rules decide alone.
 */
public final class SubjectClassifier {
    public static final String OTHER = "其他";
    /**
     * The model's share of the score when taxonomy phrases were found; alone it decides only when
     * none were. Measured: on wording it never saw, the model alone falls far below the phrases.
     */
    private static final double MODEL_WEIGHT = 0.15;
    private static final double ALPHA = 0.1;
    /** A category beside the main one must reach this combined score and have a phrase of its own. */
    private static final double SECONDARY = 0.12;

    private record Cue(String category, String topic) {}

    private final Taxonomy taxonomy;
    private final PhraseMatcher<Cue> phrases;
    private final NaiveBayes model;

    public SubjectClassifier(Taxonomy taxonomy, NaiveBayes model) {
        this.taxonomy = taxonomy;
        this.model = model;
        Map<String, Cue> map = new HashMap<>();
        for (Taxonomy.Category c : taxonomy.categories()) {
            for (Taxonomy.Topic t : c.topics()) for (String p : t.phrases()) map.putIfAbsent(p, new Cue(c.name(), t.name()));
        }
        this.phrases = new PhraseMatcher<>(map);
    }

    public NaiveBayes model() {
        return model;
    }

    public SubjectResult classify(String text, List<Term> terms) {
        Map<String, Double> hits = new LinkedHashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Match<Cue> m : phrases.find(text)) {
            hits.merge(m.value().category(), 1.0, Double::sum);
            evidence.add(new Evidence(m.phrase(), m.start(), m.end(), m.value().category() + "/" + m.value().topic()));
        }
        double totalHits = hits.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> p = model == null ? Map.of() : model.posterior(Features.of(text, terms));
        double modelWeight = model == null ? 0 : totalHits == 0 ? 1.0 : MODEL_WEIGHT;
        double ruleWeight = 1 - modelWeight;
        Map<String, Double> score = new LinkedHashMap<>();
        for (String c : taxonomy.names()) {
            double s = ruleWeight * (totalHits == 0 ? 0 : hits.getOrDefault(c, 0.0) / totalHits)
                    + modelWeight * p.getOrDefault(c, 0.0);
            score.put(c, s);
        }
        String main = score.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).orElse(OTHER);
        List<String> all = new ArrayList<>();
        all.add(main);
        score.entrySet().stream()
                .filter(e -> !e.getKey().equals(main) && e.getValue() >= SECONDARY && hits.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> all.add(e.getKey()));
        Taxonomy.Category cat = taxonomy.category(main);
        String method = model == null ? "rules" : "rules+naive_bayes";
        evidence.sort(Comparator.comparingInt(Evidence::start));
        return new SubjectResult(main, all, cat == null ? null : cat.discipline(), score, method, evidence);
    }

    /** Trains the model from labelled letters (their raw text; normalised and segmented here). */
    public static NaiveBayes train(List<LabelledLetter> letters) {
        List<List<String>> docs = new ArrayList<>(letters.size());
        List<String> labels = new ArrayList<>(letters.size());
        for (LabelledLetter l : letters) {
            String text = Normalizer.normalize(l.text());
            docs.add(Features.of(text, Segmenter.segment(text)));
            labels.add(l.subject());
        }
        return NaiveBayes.train(docs, labels, ALPHA);
    }

    public static void save(NaiveBayes model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Json.MAPPER.writeValue(file.toFile(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NaiveBayes load(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), NaiveBayes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
