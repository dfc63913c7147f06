package org.pobox.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pobox.index.ReporterField;
import org.pobox.keys.FieldCipher;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/**
 * The investigators' search: the search box, facets with counts, a date range, sorting and paging,
 * under the reader's {@link Access}. Each word is looked up in both analyses of the text (cjk
 * bigrams never miss a character sequence; smartcn words rank real words higher) and in the
 * typed transcripts. Both analyses fold what is typed as they fold the letters (the mapping's
 * {@code letter_cjk} and {@code letter_smartcn}): traditional characters to simplified, full-width
 * letters and digits to half-width, and a line break or space between Chinese characters ignored,
 * so a phrase that crosses a line of the scan is found; nothing here needs to know.
 */
public class LetterFinder {

    static final String[] TEXT_FIELDS = {"text", "text.smartcn", "transcript_text", "transcript_text.smartcn"};
    /** What a result line shows; the text itself comes only as snippets. */
    static final List<String> LIST_FIELDS = List.of("id", "registration_no", "file_names", "received_at", "letter_date",
            "subject", "subjects", "discipline", "region", "target_level", "in_scope", "signed", "late",
            "needs_review", "box", "page_count", "ocr_confidence", "duplicate_of", "repeat_count", "sealed");
    /** The most rows one export may hold: no bulk export. */
    public static final int EXPORT_LIMIT = 5_000;
    private static final int WINDOW = 10_000;

    private final EngineClient engine;
    private final ElasticsearchClient client;
    private final String alias;
    private final IdentityValues identities;
    private volatile boolean pairs;
    private volatile long pairsCheckedAt = Long.MIN_VALUE;
    private final FieldCipher reporters;

    public LetterFinder(EngineClient engine, String alias) {
        this.engine = engine;
        this.client = engine.client();
        this.reporters = engine.keys().reporters();
        this.alias = alias;
        this.identities = new IdentityValues(engine, alias, java.time.Clock.systemUTC());
    }

    public record Results(long total, long tookMs, List<Map<String, Object>> hits,
                          Map<String, List<Facets.Bucket>> facets, SearchText parsed) {
    }

    public Results search(SearchRequest req, Access access) {
        SearchText parsed = SearchText.parse(req.text());
        if ((long) (req.page() - 1) * req.size() >= WINDOW) {
            throw new IllegalArgumentException("页码超出范围：只能翻看前 " + WINDOW + " 条结果");
        }
        int from = (req.page() - 1) * req.size();
        int size = Math.min(req.size(), WINDOW - from);
        try {
            SearchResponse<Map> resp = client.search(s -> {
                query(s, req, parsed, access);
                s.from(Math.min(from, WINDOW)).size(size).trackTotalHits(t -> t.enabled(true));
                s.source(src -> src.filter(f -> f.includes(plusReporter(LIST_FIELDS, access))));
                Query marks = marksQuery(parsed, "text");
                Query transcriptMarks = marksQuery(parsed, "transcript_text");
                s.highlight(h -> h.preTags(Highlight.PRE).postTags(Highlight.POST).fragmentSize(80).numberOfFragments(3)
                        .fields(NamedValue.of("text", HighlightField.of(f -> f.matchedFields("text", "text.smartcn")
                                        .type("fvh").noMatchSize(120).highlightQuery(marks))),
                                NamedValue.of("transcript_text", HighlightField.of(f -> f
                                        .matchedFields("transcript_text", "transcript_text.smartcn").type("fvh")
                                        .highlightQuery(transcriptMarks)))));
                for (Map.Entry<String, String> e : Facets.FIELDS.entrySet()) {
                    s.aggregations(e.getKey(), a -> a.terms(t -> t.field(e.getValue()).size(40)));
                }
                s.aggregations(Facets.MONTH, a -> a.dateHistogram(d -> d.field("received_at")
                        .calendarInterval(CalendarInterval.Month).format("yyyy-MM").minDocCount(1)));
                return s;
            }, Map.class);
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Hit<Map> hit : resp.hits().hits()) {
                hits.add(resultLine(hit, access));
            }
            long total = resp.hits().total() == null ? hits.size() : resp.hits().total().value();
            return new Results(total, resp.took(), hits, facets(resp.aggregations()), parsed);
        } catch (IOException e) {
            throw new EngineUnavailableException("search failed: " + e.getMessage(), e);
        }
    }

    /** The rows of an export: the same search, no snippets, at most {@link #EXPORT_LIMIT}. */
    public List<Map<String, Object>> exportRows(SearchRequest req, Access access) {
        SearchText parsed = SearchText.parse(req.text());
        try {
            SearchResponse<Map> resp = client.search(s -> {
                query(s, req, parsed, access);
                return s.size(EXPORT_LIMIT).source(src -> src.filter(f -> f.includes(plusReporter(LIST_FIELDS, access))));
            }, Map.class);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Hit<Map> hit : resp.hits().hits()) {
                rows.add(resultLine(hit, access));
            }
            return rows;
        } catch (IOException e) {
            throw new EngineUnavailableException("export failed: " + e.getMessage(), e);
        }
    }

    /**
     * The search text as the audit may keep it: a word that is exactly some letter's reporter name,
     * phone or ID number is replaced, so the audit never holds identity data.
     */
    public String maskIdentity(String text) {
        String out = text == null ? "" : text;
        for (String term : SearchText.parse(out).marks()) {
            if (identities.contains(term)) {
                out = out.replace(term, IDENTITY_MASK);
            }
        }
        // a phone or ID number typed in any form, whoever's it is (the values above are only whole ones)
        return NUMBER.matcher(out).replaceAll(IDENTITY_MASK);
    }

    /** Seven or more digits, with spaces or dashes between (a phone number, an ID number or most of one). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d(?:[\\s-]?\\d){6,}[Xx]?");

    public static final String IDENTITY_MASK = "［身份信息］";

    private void query(Builder s, SearchRequest req, SearchText parsed, Access access) {
        List<Query> must = new ArrayList<>();
        List<Query> should = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        boolean pairsOnly = pairsAnalyzerAvailable();
        for (String w : parsed.words()) {
            String analyzer = pairsOnly ? pairsAnalyzer(w) : null;
            // most_fields by hand: the bigram fields may take the pairs-only analyzer, smartcn never
            List<Query> fields = new ArrayList<>();
            for (String f : TEXT_FIELDS) {
                String a = f.endsWith(".smartcn") ? null : analyzer;
                fields.add(Query.of(q -> q.match(m -> m.field(f).query(w).operator(Operator.And).analyzer(a))));
            }
            must.add(Query.of(q -> q.bool(b -> b.should(fields).minimumShouldMatch("1"))));
            should.add(Query.of(q -> q.matchPhrase(p -> p.field("text").query(w).boost(2f).analyzer(analyzer))));
        }
        for (String p : parsed.phrases()) {
            String analyzer = pairsOnly ? pairsAnalyzer(p) : null;
            must.add(Query.of(q -> q.multiMatch(m -> m.query(p).fields("text", "transcript_text").type(TextQueryType.Phrase)
                    .analyzer(analyzer))));
        }
        for (String x : parsed.excluded()) {
            mustNot.add(Query.of(q -> q.multiMatch(m -> m.query(x).fields("text", "transcript_text").type(TextQueryType.Phrase))));
        }
        if (!access.sealed()) {
            mustNot.add(Query.of(q -> q.term(t -> t.field("sealed").value(true))));
        }
        // no special case for a reporter's name or number: the indexed text is masked already, and
        // hiding the hits exactly when the words are someone's identity would say who wrote (issue 15)
        for (Map.Entry<String, List<String>> f : req.filters().entrySet()) {
            List<String> values = f.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
            if (values.isEmpty()) {
                continue;
            }
            if (Facets.MONTH.equals(f.getKey())) {
                List<Query> months = new ArrayList<>();
                for (String v : values) {
                    YearMonth ym = YearMonth.parse(v);
                    months.add(Query.of(q -> q.range(r -> r.date(d -> d.field("received_at")
                            .gte(ym.atDay(1).toString()).lt(ym.plusMonths(1).atDay(1).toString())))));
                }
                filter.add(Query.of(q -> q.bool(b -> b.should(months).minimumShouldMatch("1"))));
                continue;
            }
            String field = Facets.FIELDS.get(f.getKey());
            if (field == null) {
                throw new IllegalArgumentException("unknown filter " + f.getKey());
            }
            List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
            filter.add(Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(fv)))));
        }
        if (req.from() != null || req.to() != null) {
            LocalDate from = req.from();
            LocalDate to = req.to();
            filter.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("received_at");
                if (from != null) {
                    d.gte(from.toString());
                }
                if (to != null) {
                    d.lt(to.plusDays(1).toString());
                }
                return d;
            }))));
        }
        s.index(alias).query(q -> q.bool(b -> b.must(must).should(should).mustNot(mustNot).filter(filter)));
        switch (req.sort()) {
            case "date" -> s.sort(o -> o.field(f -> f.field("received_at").order(SortOrder.Desc)));
            case "date_asc" -> s.sort(o -> o.field(f -> f.field("received_at").order(SortOrder.Asc)));
            case "relevance" -> {
                if (parsed.isEmpty()) {
                    s.sort(o -> o.field(f -> f.field("received_at").order(SortOrder.Desc)));
                }
            }
            default -> throw new IllegalArgumentException("unknown sort " + req.sort());
        }
    }

    /**
     * {@code letter_cjk_pairs} for a term that is one run of letters and digits (no punctuation, no
     * space: 补偿款, 2018年), else null (the field's own analyzer). {@code letter_cjk} indexes every
     * character and every pair of neighbours; for such a term the pairs alone, at the same
     * positions, match exactly the same letters (each pair holds its characters), and leave out the
     * single characters whose long position lists made searching two to three times slower. A term
     * with punctuation keeps the single characters: a character alone between two stops has no pair.
     */
    static String pairsAnalyzer(String term) {
        String t = term.replaceAll("\\s+", "");
        boolean oneRun = t.codePointCount(0, t.length()) >= 2
                && t.codePoints().allMatch(c -> Character.isLetter(c) || Character.isDigit(c) || c == '\u3007');
        return oneRun ? "letter_cjk_pairs" : null;
    }

    /**
     * Whether the alias's index has {@code letter_cjk_pairs} (an index made before it, not yet
     * upgraded with {@code pobox reindex --copy}, has not); looked up once a minute.
     */
    private boolean pairsAnalyzerAvailable() {
        long now = System.nanoTime();
        if (pairsCheckedAt != Long.MIN_VALUE && now - pairsCheckedAt < 60_000_000_000L) {
            return pairs;
        }
        boolean found;
        try {
            org.elasticsearch.client.Request get = new org.elasticsearch.client.Request("GET",
                    "/" + alias + "/_settings/index.analysis.analyzer.letter_cjk_pairs.type,index.provided_name");
            try (java.io.InputStream in = engine.rest().performRequest(get).getEntity().getContent()) {
                com.fasterxml.jackson.databind.JsonNode settings = org.pobox.letter.Json.MAPPER.readTree(in);
                found = settings.size() > 0;
                for (com.fasterxml.jackson.databind.JsonNode index : settings) {
                    found &= !index.path("settings").path("index").path("analysis").isMissingNode();
                }
            }
        } catch (IOException | RuntimeException e) {
            found = false;
        }
        pairs = found;
        pairsCheckedAt = now;
        return found;
    }

    /**
     * What a snippet marks: each word and phrase where it stands whole, never the single characters
     * the search also matches on ({@code letter_cjk} indexes every character, so a phrase may begin
     * or end mid-word; smartcn splits what it does not know into characters): a word 补偿款 must
     * not light up every 款 of the letter.
     */
    private static Query marksQuery(SearchText parsed, String field) {
        List<Query> should = new ArrayList<>();
        for (String w : parsed.words()) {
            should.add(Query.of(q -> q.matchPhrase(p -> p.field(field).query(w))));
        }
        for (String p : parsed.phrases()) {
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(p))));
        }
        return Query.of(q -> q.bool(b -> b.should(should)));
    }

    private static List<String> plusReporter(List<String> fields, Access access) {
        // without identity access the reporter is read only to blank it out of snippets; it is
        // never copied into a result line
        List<String> f = new ArrayList<>(fields);
        f.add("reporter");
        return f;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resultLine(Hit<Map> hit, Access access) {
        Map<String, Object> src = hit.source() == null ? Map.of() : hit.source();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", hit.id());
        for (String f : LIST_FIELDS) {
            if (src.containsKey(f) && !"id".equals(f)) {
                line.put(f, src.get(f));
            }
        }
        List<String> snippets = new ArrayList<>();
        if (hit.highlight() != null) {
            hit.highlight().getOrDefault("text", List.of()).forEach(s -> snippets.add(Highlight.joinCjkLines(s)));
            hit.highlight().getOrDefault("transcript_text", List.of()).forEach(s -> snippets.add(Highlight.joinCjkLines(s)));
        }
        line.put("snippets", snippets);
        line.put("score", hit.score());
        Map<String, Object> reporter = ReporterField.open(src.get(ReporterField.FIELD), hit.id(), reporters);
        if (access.identity()) {
            if (reporter != null) {
                line.put("reporter", reporter);
            }
            return line;
        }
        return LetterReader.redactAll(line, new Redactor(reporter));
    }

    private static Map<String, List<Facets.Bucket>> facets(Map<String, Aggregate> aggs) {
        Map<String, List<Facets.Bucket>> out = new LinkedHashMap<>();
        for (String name : Facets.NAMES) {
            Aggregate a = aggs.get(name);
            List<Facets.Bucket> buckets = new ArrayList<>();
            if (a == null) {
                out.put(name, buckets);
                continue;
            }
            if (a.isSterms()) {
                a.sterms().buckets().array().forEach(b -> buckets.add(new Facets.Bucket(b.key().stringValue(), b.docCount())));
            } else if (a.isLterms()) {
                a.lterms().buckets().array().forEach(b -> buckets.add(new Facets.Bucket(
                        b.keyAsString() != null ? b.keyAsString() : String.valueOf(b.key()), b.docCount())));
            } else if (a.isDateHistogram()) {
                a.dateHistogram().buckets().array().forEach(b -> buckets.add(new Facets.Bucket(b.keyAsString(), b.docCount())));
            }
            out.put(name, buckets);
        }
        return out;
    }

}
