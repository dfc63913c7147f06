package org.pobox.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pobox.letter.Json;

/**
 * The letters index's settings and mapping as an index is created with them:
 * {@code index/letters-mapping.json} with its {@code traditional_to_simplified} character filter
 * filled in from HanLP's traditional → simplified conversion (HanLP is already how pobox
 * understands letters; Elasticsearch has no such conversion built in, and ICU is a plugin).
 * <p>
 * Why one character for one, not HanLP's phrase rules: the same fold runs on the letter's text
 * and on what is typed, so any piece of a letter typed in either script finds it. A phrase rule
 * (乾隆 stays 乾隆 while 乾 alone becomes 干) would fold a query that cuts a phrase in half
 * differently from the indexed text, and miss. The price is a few characters that simplified
 * Chinese already merged anyway (乾/幹 → 干, 後 → 后, 髮/發 → 发) matching each other.
 * A {@code mapping} character filter keeps offsets, so highlights stay on the displayed text.
 */
public final class LetterMapping {

    private static final String RESOURCE = "/index/letters-mapping.json";
    private static volatile String json;

    private LetterMapping() {
    }

    /** The body of the request that creates a letters index (settings with analysis, and mappings). */
    public static String json() {
        String j = json;
        if (j == null) {
            synchronized (LetterMapping.class) {
                if (json == null) {
                    json = build();
                }
                j = json;
            }
        }
        return j;
    }

    /** The mapping's {@code properties} alone. */
    public static com.fasterxml.jackson.databind.JsonNode properties() {
        return read().path("mappings").path("properties");
    }

    private static String build() {
        ObjectNode root = read();
        ObjectNode filter = (ObjectNode) root.path("settings").path("analysis").path("char_filter")
                .path("traditional_to_simplified");
        ArrayNode rules = filter.putArray("mappings");
        traditionalToSimplified().forEach((t, s) -> rules.add(t + "=>" + s));
        return root.toString();
    }

    private static ObjectNode read() {
        try (InputStream in = LetterMapping.class.getResourceAsStream(RESOURCE)) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Every Han character that HanLP converts to another single character, mapped to its final
     * simplified form (a chain such as 薴 → 苧 → 苎 is followed to its end, so the index and the
     * query agree whatever form was typed). About 4,000 pairs; a second to compute, once per JVM,
     * only when an index is created.
     */
    public static Map<String, String> traditionalToSimplified() {
        Map<Integer, Integer> fold = new TreeMap<>();
        for (int cp = 0x2E80; cp <= 0x323AF; cp++) {
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                continue;
            }
            String one = new String(Character.toChars(cp));
            String simplified = HanLP.convertToSimplifiedChinese(one);
            if (!simplified.equals(one) && simplified.codePointCount(0, simplified.length()) == 1) {
                fold.put(cp, simplified.codePointAt(0));
            }
        }
        fold.putAll(phraseOnlyPairs(fold));
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : fold.entrySet()) {
            int to = e.getValue();
            List<Integer> seen = new ArrayList<>(List.of(e.getKey()));
            while (fold.containsKey(to) && !seen.contains(to)) {
                seen.add(to);
                to = fold.get(to);
            }
            if (to != e.getKey()) {
                out.put(new String(Character.toChars(e.getKey())), new String(Character.toChars(to)));
            }
        }
        return out;
    }

    /**
     * Characters that HanLP turns back to simplified only inside phrases, because alone they are
     * simplified characters too: 答覆 is 答复, 明瞭 is 明了, 憑藉 is 凭借, but 覆, 瞭 and 藉 stay.
     * A letter typed in traditional characters writes them that way, so they are folded as well,
     * when HanLP's conversion tables (its {@code tc/s2t.txt} and {@code tc/t2s.txt}, in the jar)
     * use the character for the same simplified one in at least {@value #PHRASE_EVIDENCE}
     * phrases: often enough to be the usual spelling, not a rare reading (座 for 坐 once, 沈 the
     * surname). Missing tables (another HanLP packaging) only lose these few pairs.
     */
    static Map<Integer, Integer> phraseOnlyPairs(Map<Integer, Integer> fold) {
        Map<Integer, Map<Integer, Integer>> seen = new TreeMap<>();
        for (String table : List.of("s2t", "t2s")) {
            try (InputStream in = HanLP.class.getResourceAsStream("/data/dictionary/tc/" + table + ".txt")) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    int[] left = line.substring(0, eq).strip().codePoints().toArray();
                    int[] right = line.substring(eq + 1).strip().codePoints().toArray();
                    int[] simplified = table.equals("s2t") ? left : right;
                    int[] traditional = table.equals("s2t") ? right : left;
                    if (simplified.length != traditional.length || simplified.length < 2) {
                        continue;
                    }
                    for (int i = 0; i < simplified.length; i++) {
                        int s = simplified[i];
                        int t = traditional[i];
                        if (s != t && !fold.containsKey(t) && !fold.containsKey(s)) {
                            seen.computeIfAbsent(t, k -> new TreeMap<>()).merge(s, 1, Integer::sum);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read HanLP's conversion table " + table, e);
            }
        }
        Map<Integer, Integer> out = new TreeMap<>();
        seen.forEach((t, counts) -> counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> best.getValue() >= PHRASE_EVIDENCE)
                .ifPresent(best -> out.put(t, best.getKey())));
        return out;
    }

    private static final int PHRASE_EVIDENCE = 10;
}
