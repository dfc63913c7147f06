package org.pobox.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit: who did what, when, from where. For a search: the query, its filters and
 * the hit count. Never identity data: a letter is named by its id, a page by its number.
 *
 * @param outcome {@code ok}, {@code denied}, {@code failed}, {@code locked}, ...
 */
public record AuditEntry(Instant at, String user, String action, String ip, String outcome, String query,
                         Map<String, Object> filters, Long hits, String letterId, Integer page, String detail) {

    public static AuditEntry of(String user, String action, String ip, String outcome) {
        return new AuditEntry(Instant.now(), user, action, ip, outcome, null, null, null, null, null, null);
    }

    public AuditEntry search(String q, Map<String, Object> f, long n) {
        return new AuditEntry(at, user, action, ip, outcome, q, f, n, letterId, page, detail);
    }

    public AuditEntry letter(String id, Integer pageNumber) {
        return new AuditEntry(at, user, action, ip, outcome, query, filters, hits, id, pageNumber, detail);
    }

    public AuditEntry detail(String d) {
        return new AuditEntry(at, user, action, ip, outcome, query, filters, hits, letterId, page, d);
    }
}
