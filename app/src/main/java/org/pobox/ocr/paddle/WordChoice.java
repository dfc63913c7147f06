package org.pobox.ocr.paddle;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses among the recogniser's alternatives for a doubtful character by the words they make
 * (issue 16): a hurried hand makes 蓝 and 监, 己 and 已 look alike to the recogniser, not to a reader,
 * who knows which one makes a word with its neighbours. Each doubtful character in turn takes the
 * option that maximises the recogniser's log probability plus {@link #weight} times the log
 * probability of the best split of its neighbourhood into words, word frequencies from HanLP's core
 * dictionary (the one the understand stage segments with) and the words of the round's seeds
 * (places, posts, the taxonomy's phrases: 鳌山卫, 村支书), which letters to this team use far more
 * often than the dictionary's sources do.
 */
final class WordChoice {

    /** HanLP's total of its core dictionary's frequencies (Predefine.TOTAL_FREQUENCY). */
    private static final double TOTAL = 25_146_057;
    /** Characters either side of a doubtful one that the words are looked for in. */
    private static final int REACH = 3;
    /** A character the dictionary does not have as a word: rarer than any word it has. */
    private static final double UNSEEN = Math.log(0.5 / TOTAL);

    static final double DEFAULT_WEIGHT = 0.3;

    /** A word of the seeds counts as often as a common word of the dictionary. */
    private static final int SEED_FREQUENCY = 200;
    /** Seed words longer than this are phrases the dictionary's words already cover. */
    static final int LONGEST_SEED = 8;

    private final double weight;
    private final Set<String> seedWords;

    /** @param weight how much the words count against the recogniser; 0: the recogniser alone */
    WordChoice(double weight) {
        this(weight, Set.of());
    }

    WordChoice(double weight, Set<String> seedWords) {
        this.weight = weight;
        this.seedWords = seedWords;
    }

    TextRecognizer.Line choose(TextRecognizer.Line line) {
        if (weight <= 0 || line.doubts().isEmpty()) {
            return line;
        }
        char[] text = line.text().toCharArray();
        for (TextRecognizer.Doubt doubt : line.doubts()) {
            int from = Math.max(0, doubt.at() - REACH), to = Math.min(text.length, doubt.at() + REACH + 1);
            char bestOption = text[doubt.at()];
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < doubt.options().length; i++) {
                text[doubt.at()] = doubt.options()[i];
                double score = Math.log(doubt.probs()[i]) + weight * words(text, from, to);
                if (score > best) {
                    best = score;
                    bestOption = doubt.options()[i];
                }
            }
            text[doubt.at()] = bestOption;
        }
        return line.withText(new String(text));
    }

    /** Log probability of the likeliest split of text[from, to) into dictionary words (unigram). */
    double words(char[] text, int from, int to) {
        double[] best = new double[to - from + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        char[] window = java.util.Arrays.copyOfRange(text, from, to);
        for (int i = 0; i < window.length; i++) {
            if (best[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            // a character of its own, whatever it is
            best[i + 1] = Math.max(best[i + 1], best[i] + single(window[i]));
            List<Map.Entry<String, CoreDictionary.Attribute>> found = CoreDictionary.trie.commonPrefixSearchWithValue(window, i);
            for (Map.Entry<String, CoreDictionary.Attribute> word : found) {
                int end = i + word.getKey().length();
                if (end <= window.length && word.getKey().length() > 1) {
                    best[end] = Math.max(best[end], best[i] + Math.log((word.getValue().totalFrequency + 1) / TOTAL));
                }
            }
            for (int end = i + 2; end <= Math.min(window.length, i + LONGEST_SEED) && !seedWords.isEmpty(); end++) {
                if (seedWords.contains(new String(window, i, end - i))) {
                    best[end] = Math.max(best[end], best[i] + Math.log(SEED_FREQUENCY / TOTAL));
                }
            }
        }
        return best[window.length];
    }

    private static double single(char c) {
        CoreDictionary.Attribute a = CoreDictionary.get(String.valueOf(c));
        return a == null ? UNSEEN : Math.log((a.totalFrequency + 1) / TOTAL);
    }
}
