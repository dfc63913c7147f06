package org.pobox.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.register.Register;

/**
 * The morning report over a range of days of receipt: counts by day, subject, discipline, region,
 * target level, scope and forwarding, signed or anonymous, late, repeats, pages needing review,
 * failures with reasons, backlog, and the ledger (台账). Built from the index (and failed/, the
 * register and the inbox), never from reporter fields: no identity data.
 *
 * <p>Every registration number is accounted for: a letter in the index is a ledger row; a file
 * that could not become a letter keeps the number the register gave it, shown with its failure
 * and as a ledger row of its own (状态 处理失败), so the ledger in number order has no hole.
 */
public final class Report {

    /** Shown where understanding has not (yet) given a value. */
    public static final String UNCLASSIFIED = "未分类";
    /** A page read with less OCR confidence than this needs a human look. */
    public static final double REVIEW_CONFIDENCE = 0.6;

    /** Only these fields are read from the index: nothing about the writer. */
    private static final String[] FIELDS = {"id", "registration_no", "received_at", "letter_date", "postmark_date",
        "subject", "discipline", "region", "target_level", "in_scope", "forward_to", "signed", "late",
        "duplicate_of", "repeat_count", "page_count", "pages.confidence", "box"};

    /** A file in failed/: the number the register gave it (empty if it was never registered) and why. */
    public record Failure(String registrationNo, String reason) {
    }

    /** The ledger's status of a file that could not become a letter. */
    public static final String FAILED = "处理失败";

    public record LedgerRow(String registrationNo, String receivedAt, String letterDate, String box, String subject,
                            String region, String scope, String status) {
    }

    public record Data(LocalDate from, LocalDate to, int letters, Map<String, Integer> perDay,
                       Map<String, Integer> bySubject, Map<String, Integer> byDiscipline, Map<String, Integer> byRegion,
                       Map<String, Integer> byTargetLevel, Map<String, Integer> scope, Map<String, Integer> forwardedTo,
                       Map<String, Integer> signed, int late, int newDuplicates, Map<String, Integer> mostRepeated,
                       int pagesNeedingReview, Map<String, Failure> failures, int backlog, List<LedgerRow> ledger) {
    }

    private Report() {
    }

    /** @param registerFile the register ({@code pobox.register.file}), read only: the failed files' numbers */
    public static Data build(EngineClient engine, String alias, LocalDate from, LocalDate to, ZoneId zone,
                             Path failedDir, Path inbox, Path registerFile) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<JsonNode> docs = fetch(engine, alias, start, end);
        Map<String, Integer> perDay = new TreeMap<>();
        Map<String, Integer> subject = new TreeMap<>();
        Map<String, Integer> discipline = new TreeMap<>();
        Map<String, Integer> region = new TreeMap<>();
        Map<String, Integer> level = new TreeMap<>();
        Map<String, Integer> scope = new TreeMap<>();
        Map<String, Integer> forwardedTo = new TreeMap<>();
        Map<String, Integer> signed = new TreeMap<>();
        Map<String, Integer> repeated = new TreeMap<>();
        int late = 0;
        int duplicates = 0;
        int review = 0;
        List<LedgerRow> ledger = new ArrayList<>();
        for (JsonNode d : docs) {
            String day = Instant.parse(d.path("received_at").asText()).atZone(zone).toLocalDate().toString();
            perDay.merge(day, 1, Integer::sum);
            subject.merge(text(d, "subject"), 1, Integer::sum);
            discipline.merge(text(d, "discipline"), 1, Integer::sum);
            region.merge(text(d, "region"), 1, Integer::sum);
            level.merge(text(d, "target_level"), 1, Integer::sum);
            String sc = scopeOf(d);
            scope.merge(sc, 1, Integer::sum);
            if (d.path("in_scope").isBoolean() && !d.path("in_scope").asBoolean()) {
                forwardedTo.merge(text(d, "forward_to"), 1, Integer::sum);
            }
            signed.merge(d.path("signed").isBoolean() ? (d.path("signed").asBoolean() ? "署名" : "匿名") : UNCLASSIFIED,
                    1, Integer::sum);
            if (d.path("late").asBoolean(false)) {
                late++;
            }
            if (d.hasNonNull("duplicate_of")) {
                duplicates++;
            }
            if (d.path("repeat_count").asInt(0) > 0) {
                repeated.put(d.path("registration_no").asText(d.path("id").asText().substring(0, 12)),
                        d.path("repeat_count").asInt());
            }
            for (JsonNode p : d.path("pages")) {
                if (p.path("confidence").asDouble(1) < REVIEW_CONFIDENCE) {
                    review++;
                }
            }
            ledger.add(new LedgerRow(d.path("registration_no").asText(""), day, d.path("letter_date").asText(""),
                    text(d, "box"), text(d, "subject"), text(d, "region"), sc,
                    d.hasNonNull("duplicate_of") ? "重复件" : "已登记"));
        }
        Map<String, Failure> failures = failures(failedDir, from, to, registerFile);
        failures.forEach((name, f) -> ledger.add(new LedgerRow(f.registrationNo(),
                LocalDate.parse(name.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE).toString(), "", "", "", "", "",
                FAILED)));
        ledger.sort(java.util.Comparator.comparing(LedgerRow::registrationNo));
        Map<String, Integer> mostRepeated = new java.util.LinkedHashMap<>();
        repeated.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> mostRepeated.put(e.getKey(), e.getValue()));
        return new Data(from, to, docs.size(), perDay, subject, discipline, region, level, scope, forwardedTo,
                signed, late, duplicates, mostRepeated, review, failures, count(inbox), ledger);
    }

    private static String scopeOf(JsonNode d) {
        if (!d.path("in_scope").isBoolean()) {
            return UNCLASSIFIED;
        }
        return d.path("in_scope").asBoolean() ? "本组受理" : "转办";
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        String s = v.isArray() ? (v.size() > 0 ? v.get(0).asText() : "") : v.asText("");
        return s.isBlank() ? UNCLASSIFIED : s;
    }

    private static List<JsonNode> fetch(EngineClient engine, String alias, Instant start, Instant end) {
        try {
            ObjectNode query = Json.MAPPER.createObjectNode();
            query.put("size", 10_000);
            query.set("_source", Json.MAPPER.valueToTree(FIELDS));
            query.putObject("query").putObject("range").putObject("received_at")
                    .put("gte", start.toString()).put("lt", end.toString());
            org.elasticsearch.client.Request req = new org.elasticsearch.client.Request("POST", "/" + alias + "/_search");
            req.setJsonEntity(query.toString());
            JsonNode resp = Json.MAPPER.readTree(engine.rest().performRequest(req).getEntity().getContent());
            List<JsonNode> out = new ArrayList<>();
            resp.path("hits").path("hits").forEach(h -> out.add(h.path("_source")));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index for the report", e);
        }
    }

    /**
     * failed/ files named {@code yyyyMMdd-HHmmss-<sha8>-<name>} whose day is in the range, with the
     * registration number of the file whose SHA-256 begins with {@code <sha8>}.
     */
    private static Map<String, Failure> failures(Path failedDir, LocalDate from, LocalDate to, Path registerFile) {
        Map<String, Failure> out = new TreeMap<>();
        if (!Files.isDirectory(failedDir)) {
            return out;
        }
        Map<String, String> numbers = new java.util.HashMap<>();
        for (Register.Entry e : registerFile == null ? List.<Register.Entry>of() : Register.read(registerFile)) {
            numbers.putIfAbsent(e.letterId().substring(0, Math.min(8, e.letterId().length())), e.number());
        }
        try (Stream<Path> s = Files.list(failedDir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".reason")).toList()) {
                String name = p.getFileName().toString();
                try {
                    LocalDate day = LocalDate.parse(name.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        String file = name.substring(0, name.length() - ".reason".length());
                        String sha8 = file.length() > 24 ? file.substring(16, 24) : "";
                        out.put(file, new Failure(numbers.getOrDefault(sha8, ""),
                                Files.readString(p, StandardCharsets.UTF_8).strip()));
                    }
                } catch (RuntimeException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
