package org.pobox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.elasticsearch.client.Request;
import org.pobox.cli.PoboxCli;
import org.pobox.index.LetterDocument;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;
import org.pobox.node.EmbeddedNode;
import org.pobox.node.EngineClient;
import org.pobox.node.NodeConfig;
import org.pobox.pipeline.UnderstandStage;
import org.pobox.search.Access;
import org.pobox.search.LetterFinder;
import org.pobox.search.SearchRequest;
import org.pobox.support.Console;
import org.pobox.testdata.LetterTexts;
import org.pobox.understand.Understander;
import org.pobox.understand.round.Seeds;
import org.pobox.understand.text.Normalizer;

/**
 * Issue 14's known-item bench: does a piece of a letter that an investigator types find that
 * letter? Letters from pobox's own generator (laid out in lines of 25-35 characters, as a page
 * breaks them) and, when the file is there, the development set's letters (written elsewhere,
 * with their own line breaks), understood and masked by {@link UnderstandStage} and indexed as the
 * index route writes them, into a fresh node with the letters mapping (or another mapping file,
 * {@code -Dbench.mapping=FILE}, to measure the one before).
 * <p>
 * From each letter's indexed text (identity already masked), random spans of 6-12 characters that
 * occur in no other letter: one inside a line, one across a line break (typed without it), and
 * one typed in traditional characters (HanLP's simplified → traditional conversion, only when it
 * changes something). Each span is looked for as a phrase and as plain words, three ways:
 * {@code match_phrase} / {@code match} on {@code text} (what a Kibana user sends), {@code pobox
 * search} (the CLI, in-process: its {@code SearchCommand}, snippets, audit and all), and the
 * finder behind the web API. Recall@10: the share of spans whose letter is among the first ten.
 * <p>
 * Usage: KnownItemBench workdir [generated letters=300] [devset letters.jsonl] [seed=14]
 */
public final class KnownItemBench {

    private static final String ALIAS = "known";
    private static final String[] KINDS = {"inline", "line-break", "traditional"};
    private static final String[] WAYS = {"kibana", "cli", "api"};

    record Span(String letterId, String kind, String typed) {
    }

    private KnownItemBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "app/target/known-item").toAbsolutePath();
        int generated = Integer.parseInt(args.length > 1 ? args[1] : "300");
        Path devset = Path.of(args.length > 2 ? args[2] : "../shared/devset/letters.jsonl");
        long seed = Long.parseLong(args.length > 3 ? args[3] : "14");
        Path home = Path.of(System.getProperty("pobox.home", ".")).toAbsolutePath().normalize();
        Files.createDirectories(work);

        Map<String, List<Letter>> corpora = new LinkedHashMap<>();
        corpora.put("generated", generatedLetters(generated, seed));
        if (Files.isRegularFile(devset)) {
            corpora.put("devset", devsetLetters(devset));
        } else {
            System.out.println("devset: skipped (" + devset + " not found)");
        }

        EmbeddedNode node = new EmbeddedNode(new NodeConfig(home, work.resolve("node-" + System.currentTimeMillis()),
                freePort(), System.getProperty("bench.heap", "1g"), Duration.ofSeconds(180),
                org.pobox.support.TestEngine.keys().nodeTokenFile()));
        node.ensureRunning();
        try (EngineClient engine = org.pobox.support.TestEngine.connect(node)) {
            BenchIndex.create(engine, ALIAS);
            LetterIndex index = new LetterIndex(engine, ALIAS, 1);
            UnderstandStage understand = new UnderstandStage(
                    Understander.fromSeeds(Seeds.defaultDir(), home.resolve("data/subject-model.json")), index);
            Map<String, String> indexedText = new LinkedHashMap<>();
            Map<String, String> corpusOf = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            for (Map.Entry<String, List<Letter>> c : corpora.entrySet()) {
                for (Letter letter : c.getValue()) {
                    LetterDocument doc = understand.understand(letter);
                    Request put = new Request("PUT", "/" + ALIAS + "/_doc/" + doc.id());
                    put.setJsonEntity(index.indexJson(doc, null));
                    engine.rest().performRequest(put);
                    indexedText.put(doc.id(), doc.letter().text());
                    corpusOf.put(doc.id(), c.getKey());
                }
            }
            index.refresh();
            System.out.printf(Locale.ROOT, "indexed %d letters in %.1f s (understood, masked, as the index route writes them)%n",
                    indexedText.size(), (System.nanoTime() - t0) / 1e9);

            List<Span> spans = spans(indexedText, new Random(seed));
            System.setProperty("pobox.home", home.toString());
            System.setProperty("pobox.es.url", node.url());
            System.setProperty("pobox.index.alias", ALIAS);
            // the in-process `pobox search` must present the node's token, as the tests' node wants it
            System.setProperty("pobox.keys", org.pobox.support.TestEngine.keys().dir().toString());
            LetterFinder finder = new LetterFinder(engine, ALIAS);
            // corpus → kind → mode → way → [found, asked]
            Map<String, Map<String, Map<String, Map<String, int[]>>>> score = new TreeMap<>();
            List<String> misses = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%d spans, each asked 6 ways%n", spans.size());
            long q0 = System.nanoTime();
            int done = 0;
            for (Span s : spans) {
                if (++done % 200 == 0) {
                    System.out.printf(Locale.ROOT, "  %d/%d spans, %.0f s%n", done, spans.size(), (System.nanoTime() - q0) / 1e9);
                }
                String corpus = corpusOf.get(s.letterId());
                for (String mode : List.of("phrase", "words")) {
                    for (String way : WAYS) {
                        boolean found = switch (way) {
                            case "kibana" -> kibana(engine, s.typed(), mode.equals("phrase")).contains(s.letterId());
                            case "cli" -> cli(s.typed(), mode.equals("phrase")).contains(s.letterId().substring(0, 12));
                            default -> finder.search(new SearchRequest(mode.equals("phrase") ? "\"" + s.typed() + "\"" : s.typed(),
                                    Map.of(), null, null, "relevance", 1, 10), Access.INVESTIGATOR).hits().stream()
                                    .anyMatch(h -> s.letterId().equals(h.get("id")));
                        };
                        int[] cell = score.computeIfAbsent(corpus, k -> new TreeMap<>()).computeIfAbsent(s.kind(), k -> new TreeMap<>())
                                .computeIfAbsent(mode, k -> new TreeMap<>()).computeIfAbsent(way, k -> new int[2]);
                        cell[1]++;
                        if (found) {
                            cell[0]++;
                        } else {
                            String miss = corpus + " " + s.kind() + ": " + s.typed();
                            if (!misses.contains(miss) && misses.stream().filter(m -> m.startsWith(corpus + " ")).count() < 25) {
                                misses.add(miss);
                            }
                        }
                    }
                }
            }
            report(score, misses);
        } finally {
            node.stop();
        }
    }

    /** The generator's letters, each paragraph broken into lines of one width (25-35 characters), as on a page. */
    static List<Letter> generatedLetters(int n, long seed) {
        LetterTexts texts = new LetterTexts(seed);
        Random widths = new Random(seed + 1);
        List<Letter> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int width = 25 + widths.nextInt(11);
            StringBuilder page = new StringBuilder();
            for (String paragraph : texts.letter().split("\n")) {
                for (int at = 0; at < paragraph.length(); at += width) {
                    page.append(paragraph, at, Math.min(paragraph.length(), at + width)).append('\n');
                }
            }
            out.add(letter("gen", i, List.of(new Page(1, page.toString().strip(), 0.95)), null));
        }
        return out;
    }

    /** The development set's letters: their pages as written (line breaks kept) and the envelope when scanned. */
    static List<Letter> devsetLetters(Path file) throws Exception {
        List<Letter> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int i = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode l = Json.MAPPER.readTree(line);
                List<Page> pages = new ArrayList<>();
                for (JsonNode p : l.path("pages")) {
                    pages.add(new Page(pages.size() + 1, p.asText(), 0.95));
                }
                String envelope = l.path("envelope").isTextual() ? l.path("envelope").asText() : null;
                out.add(letter("dev", i++, pages, envelope));
            }
        }
        return out;
    }

    private static Letter letter(String corpus, int i, List<Page> pages, String envelope) {
        List<Page> all = new ArrayList<>(pages);
        if (envelope != null) {
            all.add(new Page(all.size() + 1, envelope, 0.95, null, null, null, true, List.of()));
        }
        String id = sha256(corpus + i + all.stream().map(Page::text).toList());
        return Letter.of(id, List.of(corpus + "-" + i + ".png"), null, Instant.parse("2020-06-01T00:00:00Z").plusSeconds(i * 60L), all);
    }

    /**
     * Per letter, up to one span of each kind, 6-12 characters (line breaks not counted), with at
     * least four Chinese characters, no mask ({@code [举报人]}...), and found in no other letter
     * once both are folded (traditional → simplified, full-width → half-width) and their line
     * breaks dropped.
     */
    static List<Span> spans(Map<String, String> texts, Random random) {
        Map<String, String> folded = new LinkedHashMap<>();
        texts.forEach((id, t) -> folded.put(id, fold(t)));
        List<Span> out = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String text = e.getValue();
            for (String kind : KINDS) {
                for (int attempt = 0; attempt < 60; attempt++) {
                    String raw = rawSpan(text, random, 6 + random.nextInt(7));
                    if (raw == null || raw.contains("[") || raw.contains("]")
                            || raw.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < 4) {
                        continue;
                    }
                    boolean crosses = raw.contains("\n");
                    if (kind.equals("inline") && crosses || kind.equals("line-break") && !crosses || raw.startsWith("-")) {
                        continue; // (a leading minus would exclude the word)
                    }
                    String typed = raw.replace("\n", "");
                    if (kind.equals("traditional")) {
                        String trad = HanLP.convertToTraditionalChinese(typed);
                        if (trad.equals(typed)) {
                            continue;
                        }
                        typed = trad;
                    }
                    String key = fold(typed);
                    long in = folded.values().stream().filter(t -> t.contains(key)).count();
                    if (in == 1 && folded.get(e.getKey()).contains(key)) {
                        out.add(new Span(e.getKey(), kind, typed));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** {@code length} visible characters from a random start (not on a line break); the line breaks inside kept. */
    private static String rawSpan(String text, Random random, int length) {
        String t = text.replace("\n\n", "\n");
        int start = random.nextInt(Math.max(1, t.length()));
        if (start >= t.length() || Character.isWhitespace(t.charAt(start))) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int visible = 0;
        for (int i = start; i < t.length() && visible < length; i++) {
            char c = t.charAt(i);
            out.append(c);
            if (c != '\n') {
                visible++;
            }
        }
        return visible == length && !out.toString().endsWith("\n") ? out.toString() : null;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s).replaceAll("\\s+", "");
    }

    private static List<String> kibana(EngineClient engine, String typed, boolean phrase) throws Exception {
        return engine.client().search(s -> s.index(ALIAS).size(10).source(src -> src.fetch(false))
                        .query(q -> phrase ? q.matchPhrase(m -> m.field("text").query(typed)) : q.match(m -> m.field("text").query(typed))),
                Map.class).hits().hits().stream().map(h -> h.id()).toList();
    }

    /** {@code pobox search -n 10 WORDS} (or {@code '"PHRASE"'}, quoted as the shell passes it): what it printed. */
    private static String cli(String typed, boolean phrase) {
        return Console.stdout(() -> PoboxCli.execute("search", "-n", "10", phrase ? "\"" + typed + "\"" : typed));
    }

    private static void report(Map<String, Map<String, Map<String, Map<String, int[]>>>> score, List<String> misses) {
        System.out.println();
        System.out.println("| corpus | spans | mode | kibana (match_phrase / match on text) | pobox search | API (LetterFinder) |");
        System.out.println("|---|---|---|---|---|---|");
        for (var corpus : score.entrySet()) {
            for (String mode : List.of("phrase", "words")) {
                int[][] total = new int[WAYS.length][2];
                StringBuilder kinds = new StringBuilder();
                for (var kind : corpus.getValue().entrySet()) {
                    Map<String, int[]> ways = kind.getValue().get(mode);
                    for (int w = 0; w < WAYS.length; w++) {
                        total[w][0] += ways.get(WAYS[w])[0];
                        total[w][1] += ways.get(WAYS[w])[1];
                    }
                }
                for (String kind : corpus.getValue().keySet()) {
                    Map<String, int[]> ways = corpus.getValue().get(kind).get(mode);
                    kinds.append(String.format(Locale.ROOT, "| %s | %d %s | %s | %s | %s | %s |%n", corpus.getKey(),
                            ways.get("kibana")[1], kind, mode, pct(ways.get("kibana")), pct(ways.get("cli")), pct(ways.get("api"))));
                }
                System.out.printf(Locale.ROOT, "| **%s** | **%d all** | **%s** | **%s** | **%s** | **%s** |%n", corpus.getKey(),
                        total[0][1], mode, pct(total[0]), pct(total[1]), pct(total[2]));
                System.out.print(kinds);
            }
        }
        System.out.println();
        System.out.println("spans missed one way or more (first 25 per corpus):");
        misses.forEach(m -> System.out.println("  " + m.replace("\n", "⏎")));
    }

    private static String pct(int[] c) {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", c[1] == 0 ? 0 : c[0] / (double) c[1], c[0], c[1]);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
