package org.pobox.understand.subject;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial naive Bayes with additive smoothing: small, fast, and good on short texts with
 * few labelled examples. Immutable once trained; stored as JSON counts.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NaiveBayes(double alpha, Map<String, Integer> classDocs, Map<String, Map<String, Integer>> counts,
                         Map<String, Long> totals, int vocabulary) {

    public static NaiveBayes train(List<List<String>> docs, List<String> labels, double alpha) {
        Map<String, Integer> classDocs = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        java.util.Set<String> vocab = new java.util.HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            String label = labels.get(i);
            classDocs.merge(label, 1, Integer::sum);
            Map<String, Integer> c = counts.computeIfAbsent(label, k -> new HashMap<>());
            for (String f : docs.get(i)) {
                c.merge(f, 1, Integer::sum);
                vocab.add(f);
            }
            totals.merge(label, (long) docs.get(i).size(), Long::sum);
        }
        return new NaiveBayes(alpha, classDocs, counts, totals, vocab.size());
    }

    /** Posterior probability of each class (softmax of the log scores, length-tempered). */
    public Map<String, Double> posterior(List<String> features) {
        int n = classDocs.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> log = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (String label : classDocs.keySet()) {
            Map<String, Integer> c = counts.get(label);
            double denominator = Math.log(totals.get(label) + alpha * (vocabulary + 1));
            double s = Math.log(classDocs.get(label) / (double) n);
            for (String f : features) s += Math.log(c.getOrDefault(f, 0) + alpha) - denominator;
            log.put(label, s);
            max = Math.max(max, s);
        }
        // naive Bayes is overconfident on long texts: temper by the feature count before the softmax
        double temper = Math.max(1.0, features.size() / 20.0);
        double sum = 0;
        Map<String, Double> p = new LinkedHashMap<>();
        for (var e : log.entrySet()) {
            double v = Math.exp((e.getValue() - max) / temper);
            p.put(e.getKey(), v);
            sum += v;
        }
        for (var e : p.entrySet()) e.setValue(e.getValue() / sum);
        return p;
    }
}
