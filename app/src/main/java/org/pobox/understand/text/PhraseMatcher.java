package org.pobox.understand.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds dictionary phrases in a text in one pass (HanLP's Aho-Corasick double-array trie) and
 * keeps the longest, leftmost non-overlapping ones, so 副区长 is not also read as 区长.
 * Immutable after construction, safe to share between threads.
 */
public final class PhraseMatcher<V> {
    private final AhoCorasickDoubleArrayTrie<V> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean empty;

    public PhraseMatcher(Map<String, V> phrases) {
        TreeMap<String, V> sorted = new TreeMap<>();
        phrases.forEach((k, v) -> { if (k != null && !k.isBlank()) sorted.put(k, v); });
        empty = sorted.isEmpty();
        if (!empty) trie.build(sorted);
    }

    public List<Match<V>> find(String text) {
        if (empty || text.isEmpty()) return List.of();
        List<Match<V>> all = new ArrayList<>();
        for (AhoCorasickDoubleArrayTrie<V>.Hit<V> h : trie.parseText(text)) {
            all.add(new Match<>(text.substring(h.begin, h.end), h.begin, h.end, h.value));
        }
        all.sort(Comparator.comparingInt((Match<V> m) -> m.start()).thenComparingInt(m -> -(m.end() - m.start())));
        List<Match<V>> kept = new ArrayList<>();
        int covered = -1;
        for (int i = 0; i < all.size(); i++) {
            Match<V> m = all.get(i);
            if (m.start() < covered) continue;
            // a longer phrase starting a little later may still win over this one
            Match<V> best = m;
            for (int j = i + 1; j < all.size() && all.get(j).start() < best.end(); j++) {
                Match<V> o = all.get(j);
                if (o.end() - o.start() > best.end() - best.start()) best = o;
            }
            if (best != m) continue;
            kept.add(m);
            covered = m.end();
        }
        return kept;
    }
}
