package org.pobox.understand.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory band-key index: what the search index does with a terms query on the band keys,
 * for tools and tests. Returns the earliest letter that a new one repeats.
 */
public final class DuplicateIndex {
    private final Map<String, List<String>> byKey = new HashMap<>();
    private final Map<String, DuplicateSignature> signatures = new HashMap<>();

    /** The first indexed letter this one repeats, or null; then indexes it. */
    public synchronized String addAndFind(String id, DuplicateSignature sig) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String k : sig.bandKeys()) candidates.addAll(byKey.getOrDefault(k, List.of()));
        String first = null;
        for (String c : candidates) {
            if (sig.isDuplicateOf(signatures.get(c)) && (first == null || order(c) < order(first))) first = c;
        }
        signatures.put(id, sig);
        order.put(id, order.size());
        for (String k : sig.bandKeys()) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
        return first;
    }

    private final Map<String, Integer> order = new HashMap<>();

    private int order(String id) {
        return order.get(id);
    }
}
