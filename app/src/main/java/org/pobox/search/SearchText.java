package org.pobox.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an investigator types in the one search box: words (all must match), {@code "exact phrases"}
 * and {@code -excluded} words or phrases.
 */
public record SearchText(List<String> words, List<String> phrases, List<String> excluded) {

    private static final Pattern TOKEN = Pattern.compile("(-?)(?:\"([^\"]*)\"|“([^”]*)”|(\\S+))");

    public static SearchText parse(String box) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        if (box != null) {
            Matcher m = TOKEN.matcher(box.replace('\u3000', ' '));
            while (m.find()) {
                boolean minus = !m.group(1).isEmpty();
                String quoted = m.group(2) != null ? m.group(2) : m.group(3);
                String term = (quoted != null ? quoted : m.group(4)).strip();
                if (term.isEmpty() || term.equals("-")) {
                    continue;
                }
                if (minus) {
                    excluded.add(term);
                } else if (quoted != null) {
                    phrases.add(term);
                } else {
                    words.add(term);
                }
            }
        }
        return new SearchText(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded));
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** Everything the page should mark in a letter's text. */
    public List<String> marks() {
        List<String> all = new ArrayList<>(phrases);
        all.addAll(words);
        return all;
    }
}
