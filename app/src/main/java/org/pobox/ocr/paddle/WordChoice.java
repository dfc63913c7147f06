package org.pobox.ocr.paddle;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.utility.Predefine;
import java.util.Arrays;
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

    /** HanLP's total of its core dictionary's frequencies. */
    private static final double TOTAL = Predefine.TOTAL_FREQUENCY;
    /** Characters either side of a doubtful one that the words are looked for in. */
    private static final int REACH = 3;
    /** A character the dictionary does not have as a word: rarer than any word it has. */
    private static final double UNSEEN = Math.log(0.5 / TOTAL);

    /**
     * Measured with bench/paddle-profile.sh's engine on four corpora (generated and devset-worded,
     * hard and ordinary pages): mean CER fell as the weight rose to 0.8 and no further (1.2 was
     * worse on the devset-worded hard pages); at 0.3 it was about 8% higher than at 0.8.
     */
    static final double DEFAULT_WEIGHT = 0.8;

    private static final String CLOSING = "”’」』）", OPENING = "“‘「『（";
    /** Log odds for a closing mark that closes a quotation, and against one that closes nothing. */
    private static final double PAIRING = 3;

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
            int at = doubt.at(), from = Math.max(0, at - REACH), to = Math.min(text.length, at + REACH + 1);
            char read = text[at];
            char bestOption = read;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < doubt.options().length; i++) {
                char option = doubt.options()[i];
                if (option != read && sameCharacter(option, read)) {
                    continue;
                }
                text[at] = option;
                Split split = split(text, from, to, at - from);
                // a Chinese character is changed only for a word it makes: by how often single
                // characters occur alone, 吕田 (a name) became 吕由
                boolean allowed = option == read || split.inWord() || !Character.isIdeographic(option);
                double score = Math.log(doubt.probs()[i]) + weight * split.logProbability()
                        + pairing(text, at);
                if (allowed && score > best) {
                    best = score;
                    bestOption = option;
                }
            }
            text[at] = bestOption;
        }
        return line.withText(new String(text));
    }

    /**
     * A closing mark answers an opening one before it on the line; one that closes nothing is
     * more likely a comma the hand curled (，read as ”). A quotation rarely runs over a line end
     * in a letter; when it does, the recogniser's own certainty can still outweigh this.
     */
    private static double pairing(char[] text, int at) {
        int k = CLOSING.indexOf(text[at]);
        if (k < 0) {
            return 0;
        }
        for (int i = at - 1; i >= 0; i--) {
            if (text[i] == CLOSING.charAt(k)) {
                return -PAIRING;
            }
            if (text[i] == OPENING.charAt(k)) {
                return PAIRING;
            }
        }
        return -PAIRING;
    }

    /**
     * The same character in another form (領 and 领): a letter written in traditional characters
     * keeps them; search folds both forms to one anyway.
     */
    private static boolean sameCharacter(char a, char b) {
        return HanLP.convertToSimplifiedChinese(String.valueOf(a)).equals(HanLP.convertToSimplifiedChinese(String.valueOf(b)));
    }

    /**
     * @param logProbability of the likeliest split into words
     * @param inWord         whether the character looked at is part of a word of two or more in it
     */
    record Split(double logProbability, boolean inWord) {
    }

    /** The likeliest split of text[from, to) into dictionary and seed words (unigram). */
    Split split(char[] text, int from, int to, int look) {
        int n = to - from;
        double[] best = new double[n + 1];
        int[] start = new int[n + 1];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        char[] window = Arrays.copyOfRange(text, from, to);
        for (int i = 0; i < n; i++) {
            if (best[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            // a character of its own, whatever it is
            relax(best, start, i, i + 1, single(window[i]));
            for (Map.Entry<String, CoreDictionary.Attribute> word : CoreDictionary.trie.commonPrefixSearchWithValue(window, i)) {
                int end = i + word.getKey().length();
                if (end <= n && word.getKey().length() > 1) {
                    relax(best, start, i, end, Math.log((word.getValue().totalFrequency + 1) / TOTAL));
                }
            }
            for (int end = i + 2; end <= Math.min(n, i + LONGEST_SEED) && !seedWords.isEmpty(); end++) {
                if (seedWords.contains(new String(window, i, end - i))) {
                    relax(best, start, i, end, Math.log(SEED_FREQUENCY / TOTAL));
                }
            }
        }
        boolean inWord = false;
        for (int end = n; end > 0; end = start[end]) {
            if (start[end] <= look && look < end) {
                inWord = end - start[end] > 1;
            }
        }
        return new Split(best[n], inWord);
    }

    private static void relax(double[] best, int[] start, int from, int to, double logProbability) {
        if (best[from] + logProbability > best[to]) {
            best[to] = best[from] + logProbability;
            start[to] = from;
        }
    }

    private static double single(char c) {
        CoreDictionary.Attribute a = CoreDictionary.get(String.valueOf(c));
        return a == null ? UNSEEN : Math.log((a.totalFrequency + 1) / TOTAL);
    }
}
