package org.pobox.understand.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases that OCR misread by one character (one substituted, dropped or inserted), by
 * the symmetric-deletion method: each phrase is indexed with each of its characters deleted,
 * and each window of the text is looked up the same way. Only phrases of four or more Chinese
 * characters are indexed: shorter ones would match too much. Immutable, thread-safe.
 */
public final class FuzzyPhraseMatcher<V> {
    private static final int MIN_LENGTH = 4;

    private record Entry<V>(String phrase, V value) {}

    private final Map<String, List<Entry<V>>> index = new HashMap<>();
    private final int minWindow, maxWindow;

    public FuzzyPhraseMatcher(Map<String, V> phrases) {
        int min = Integer.MAX_VALUE, max = 0;
        for (Map.Entry<String, V> pv : phrases.entrySet()) {
            String p = pv.getKey();
            if (p == null || p.length() < MIN_LENGTH || !p.chars().allMatch(c -> Normalizer.isHan((char) c))) continue;
            Entry<V> e = new Entry<>(p, pv.getValue());
            put(p, e);
            for (int i = 0; i < p.length(); i++) put(p.substring(0, i) + p.substring(i + 1), e);
            min = Math.min(min, p.length() - 1);
            max = Math.max(max, p.length() + 1);
        }
        this.minWindow = min;
        this.maxWindow = max;
    }

    private void put(String key, Entry<V> e) {
        List<Entry<V>> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(e)) list.add(e);
    }

    /** Misread phrases in {@code text} that do not overlap {@code taken} spans ([start, end) pairs). */
    public List<Match<V>> find(String text, List<int[]> taken) {
        List<Match<V>> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Match<V> best = null;
            for (int w = maxWindow; w >= minWindow && best == null; w--) {
                int end = i + w;
                if (end > text.length() || !allHan(text, i, end) || overlaps(taken, i, end)) continue;
                String window = text.substring(i, end);
                Entry<V> e = lookup(window);
                // the phrase must start and end where the window does, so the window is not a misread neighbour
                if (e != null && (window.charAt(0) == e.phrase().charAt(0)
                        || window.charAt(w - 1) == e.phrase().charAt(e.phrase().length() - 1))) {
                    best = new Match<>(window, i, end, e.value());
                }
            }
            if (best != null) { out.add(best); i = best.end(); } else i++;
        }
        return out;
    }

    private Entry<V> lookup(String window) {
        List<Entry<V>> hit = index.get(window);
        if (hit != null) return hit.get(0);
        for (int j = 0; j < window.length(); j++) {
            hit = index.get(window.substring(0, j) + window.substring(j + 1));
            if (hit != null && Math.abs(hit.get(0).phrase().length() - window.length()) <= 1) return hit.get(0);
        }
        return null;
    }

    private static boolean allHan(String text, int from, int to) {
        for (int k = from; k < to; k++) if (!Normalizer.isHan(text.charAt(k))) return false;
        return true;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) if (start < t[1] && t[0] < end) return true;
        return false;
    }
}
