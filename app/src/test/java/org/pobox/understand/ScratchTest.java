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
        List<Double> dupC = new ArrayList<>(), dupN = new ArrayList<>(), nonC = new ArrayList<>(), nonN = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            GeneratedLetter l = clean.get(i);
            if (l.duplicateOf() == null) continue;
            int o = idx.get(l.duplicateOf());
            dupC.add(sc.get(i).similarity(sc.get(o)));
            dupN.add(sn.get(i).similarity(sn.get(o)));
            double mc = 0, mn = 0;
            for (int x = 0; x < i; x++) {
                GeneratedLetter y = clean.get(x);
                String root = y.duplicateOf() == null ? y.id() : y.duplicateOf();
                if (root.equals(l.duplicateOf())) continue;
                mc = Math.max(mc, sc.get(i).similarity(sc.get(x)));
                mn = Math.max(mn, sn.get(i).similarity(sn.get(x)));
            }
            nonC.add(mc); nonN.add(mn);
        }
        Collections.sort(dupC); Collections.sort(dupN); Collections.sort(nonC); Collections.sort(nonN);
        System.out.printf("k=2w dupClean min/p5/med %.2f %.2f %.2f | dupNoisy min/p5/med %.2f %.2f %.2f | nonClean max p95 %.2f %.2f | nonNoisy %.2f %.2f%n",
            dupC.get(0), dupC.get(dupC.size()/20), dupC.get(dupC.size()/2), dupN.get(0), dupN.get(dupN.size()/20), dupN.get(dupN.size()/2),
            nonC.get(nonC.size()-1), nonC.get(nonC.size()*95/100), nonN.get(nonN.size()-1), nonN.get(nonN.size()*95/100));
    }
}
