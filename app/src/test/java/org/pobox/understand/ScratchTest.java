package org.pobox.understand;

import org.junit.jupiter.api.Test;
import org.pobox.understand.corpus.*;
import org.pobox.understand.round.Seeds;
import org.pobox.understand.text.Normalizer;

import java.util.*;

class ScratchTest {
    static Set<String> sh(String text, int k) {
        String t = Normalizer.normalize(text);
        StringBuilder kept = new StringBuilder();
        for (char c : t.toCharArray()) if (Character.isLetterOrDigit(c)) kept.append(c);
        Set<String> s = new HashSet<>();
        for (int i = 0; i + k <= kept.length(); i++) s.add(kept.substring(i, i + k));
        return s;
    }
    static double j(Set<String> a, Set<String> b) { Set<String> u = new HashSet<>(a); u.addAll(b); Set<String> i = new HashSet<>(a); i.retainAll(b); return i.size() / (double) u.size(); }

    @Test
    void print() {
        Seeds seeds = Seeds.load(Seeds.defaultDir());
        List<GeneratedLetter> clean = new LetterGenerator(seeds, 42).generate(400);
        OcrNoise noise = new OcrNoise(7);
        List<String> noisy = clean.stream().map(l -> noise.degrade(l.body(), 0.10)).toList();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < clean.size(); i++) idx.put(clean.get(i).id(), i);
        LetterReader r = new LetterReader(seeds, null);
        List<org.pobox.understand.duplicates.DuplicateSignature> sc = clean.stream().map(l -> r.signature(l.body())).toList();
        List<org.pobox.understand.duplicates.DuplicateSignature> sn = noisy.stream().map(r::signature).toList();
        for (var pair : List.of(sc, sn)) {
            List<String> dupStats = new ArrayList<>(), nonStats = new ArrayList<>();
            int nonOver = 0, nonTotal = 0;
            for (int i = 0; i < clean.size(); i++) {
                GeneratedLetter l = clean.get(i);
                String myRoot = l.duplicateOf() == null ? l.id() : l.duplicateOf();
                for (int x = 0; x < i; x++) {
                    GeneratedLetter y = clean.get(x);
                    String root = y.duplicateOf() == null ? y.id() : y.duplicateOf();
                    double ts = pair.get(i).similarity(pair.get(x)), ks = pair.get(i).keySimilarity(pair.get(x));
                    if (root.equals(myRoot)) dupStats.add(String.format("%.2f/%.2f", ts, ks));
                    else if (ts >= 0.22) { nonTotal++; if (nonStats.size() < 40) nonStats.add(String.format("%.2f/%.2f", ts, ks)); }
                }
            }
            System.out.println("DUP " + dupStats);
            System.out.println("NON(" + nonTotal + ") " + nonStats);
        }
    }
}
