package org.pobox.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facets of the search page: name in the API → field in the index. */
public final class Facets {

    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("subject", "subjects");
        m.put("discipline", "discipline");
        m.put("region", "region");
        m.put("target_level", "target_level");
        m.put("in_scope", "in_scope");
        m.put("signed", "signed");
        m.put("late", "late");
        m.put("needs_review", "needs_review");
        m.put("box", "box");
        FIELDS = java.util.Collections.unmodifiableMap(m);
    }

    /** The month facet: a date histogram of {@code received_at}, values {@code yyyy-MM}. */
    public static final String MONTH = "month";

    public static final List<String> NAMES;

    static {
        java.util.ArrayList<String> n = new java.util.ArrayList<>(FIELDS.keySet());
        n.add(MONTH);
        NAMES = List.copyOf(n);
    }

    private Facets() {
    }

    public record Bucket(String value, long count) {
    }
}
