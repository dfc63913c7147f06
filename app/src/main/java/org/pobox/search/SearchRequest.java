package org.pobox.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search as the page, the API and the CLI ask it.
 *
 * @param text    the search box (see {@link SearchText})
 * @param filters facet name → selected values (any of them); see {@link Facets#NAMES}
 * @param from    received on or after (inclusive), or null
 * @param to      received on or before (inclusive), or null
 * @param sort    {@code relevance}, {@code date} (newest first) or {@code date_asc}
 * @param page    1-based
 */
public record SearchRequest(String text, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                            String sort, int page, int size) {

    public static final int MAX_SIZE = 100;

    public SearchRequest {
        text = text == null ? "" : text.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null || sort.isBlank() ? "relevance" : sort;
        page = Math.max(1, page);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, Map.of(), null, null, "relevance", 1, 20);
    }

    /** The filters as the audit records them (facets plus dates and sort). */
    public Map<String, Object> auditFilters() {
        Map<String, Object> m = new LinkedHashMap<>(filters);
        if (from != null) {
            m.put("from", from.toString());
        }
        if (to != null) {
            m.put("to", to.toString());
        }
        m.put("sort", sort);
        m.put("page", page);
        return m;
    }
}
