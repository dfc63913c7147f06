package org.pobox.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pobox.understand.duplicates.DuplicateSignature;

/**
 * An in-memory band-key index: what the search index does with a terms query on the band keys,
 * for tools and tests. A new letter is linked to the first letter of the matter it repeats best.
 */
public final class DuplicateIndex {
    private final Map<String, List<String>> byKey = new HashMap<>();
    private final Map<String, DuplicateSignature> signatures = new HashMap<>();
    private final Map<String, String> firstOf = new HashMap<>();

    /** The first letter of the matter this one repeats, or null; then indexes it. */
    public synchronized String addAndFind(String id, DuplicateSignature sig) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String k : sig.bandKeys()) candidates.addAll(byKey.getOrDefault(k, List.of()));
        String best = null;
        double bestScore = 0;
        for (String c : candidates) {
            DuplicateSignature other = signatures.get(c);
            if (!sig.isDuplicateOf(other)) continue;
            double s = sig.score(other);
            if (s > bestScore) { best = c; bestScore = s; }
        }
        String first = best == null ? null : firstOf.get(best);
        signatures.put(id, sig);
        firstOf.put(id, first == null ? id : first);
        for (String k : sig.bandKeys()) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
        return first;
    }

    public synchronized int candidates(DuplicateSignature sig) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String k : sig.bandKeys()) candidates.addAll(byKey.getOrDefault(k, List.of()));
        return candidates.size();
    }
}
