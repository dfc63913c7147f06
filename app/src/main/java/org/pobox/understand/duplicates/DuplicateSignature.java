package org.pobox.understand.duplicates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What tells one matter (重复信访) from another: a MinHash of the letter's own sentences
 * (salutation and closing lines dropped) and the particulars of the matter, written out: people
 * named, places, and the numbers of amounts and dates of events.
 * <p>
 * Petition letters share most of their wording (salutations, closings, the same complaints in the
 * same phrases), so similar text alone links unrelated letters. A re-sent letter is the same
 * matter: most sentences the same <em>and</em> the same people, places and amounts. So a link
 * needs both: similar text, particulars that agree where both letters have them, and at least one
 * kind of particular shared. {@link #bandKeys()} (text bands plus one key per person and place)
 * find candidates with one terms query; {@link #isDuplicateOf} confirms.
 */
public record DuplicateSignature(long[] text, List<String> names, List<String> places, List<String> numbers, int bands) {

    /** Stored with the signature: a signature of another version never matches (a reindex recomputes them). */
    public static final int VERSION = 2;
    /** Text this similar, about the same people or places, is the same matter re-sent. */
    public static final double SIMILAR_TEXT = 0.45;
    /** Text this similar is a re-sent copy when some particulars (even only numbers) agree. */
    public static final double NEAR_TEXT = 0.7;
    /** Text this similar is a re-sent copy even without particulars, unless particulars disagree. */
    public static final double SAME_TEXT = 0.75;
    /**
     * Rewritten more freely, or read through a poor scan: enough when two kinds of particulars agree
     * (people and places, or places and numbers) and none disagrees.
     */
    public static final double REWRITTEN_TEXT = 0.25;
    /** Two lists of one kind agree when this share of the shorter one is in the other. */
    public static final double AGREE = 0.5;

    public List<String> bandKeys() {
        int rows = text.length / bands;
        List<String> out = new ArrayList<>(bands + names.size() + places.size());
        for (int b = 0; b < bands; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) h = MinHasher.mix(h ^ text[b * rows + r]);
            out.add(b + "_" + Long.toHexString(h));
        }
        // a copy rewritten (or scanned) beyond the text bands is still found by the people and places it names
        for (String n : names) out.add("n_" + n);
        for (String p : places) out.add("p_" + p);
        return out;
    }

    /** Estimated Jaccard similarity of the two texts' shingles. */
    public double similarity(DuplicateSignature other) {
        if (text.length != other.text.length) return 0;
        int same = 0;
        for (int i = 0; i < text.length; i++) if (text[i] == other.text[i]) same++;
        return same / (double) text.length;
    }

    public boolean isDuplicateOf(DuplicateSignature other) {
        if (other == null || text.length != other.text.length) return false;
        int names = agreement(this.names, other.names, true);
        int places = agreement(this.places, other.places, true);
        int numbers = agreement(this.numbers, other.numbers, false);
        if (names < 0 || places < 0 || numbers < 0) return false; // another person, place or sum: another matter
        double s = similarity(other);
        return s >= SAME_TEXT
                || s >= NEAR_TEXT && names + places + numbers >= 1
                || s >= SIMILAR_TEXT && names + places >= 1
                || s >= REWRITTEN_TEXT && names + places + numbers >= 2;
    }

    /** Orders confirmed candidates: text similarity plus the kinds of particulars shared. */
    public double score(DuplicateSignature other) {
        return similarity(other) + agreement(names, other.names, true) + agreement(places, other.places, true)
                + agreement(numbers, other.numbers, false);
    }

    /** What the two letters share, for the explanation of a link. */
    public String shared(DuplicateSignature other) {
        StringBuilder out = new StringBuilder(String.format("text %.2f", similarity(other)));
        append(out, "people", names, other.names);
        append(out, "places", places, other.places);
        append(out, "numbers", numbers, other.numbers);
        return out.toString();
    }

    /**
     * 1 = both name some and they agree, 0 = one names none, -1 = both name some and they differ.
     * With {@code misread}, a word of three or more characters with one character misread is the
     * same word (OCR of another scan); never for numbers: 2017 and 2019 are two years.
     */
    static int agreement(List<String> a, List<String> b, boolean misread) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        int shared = 0;
        for (String x : shorter) if (longer.stream().anyMatch(y -> misread ? sameWord(x, y) : x.equals(y))) shared++;
        return shared >= AGREE * shorter.size() ? 1 : -1;
    }

    static boolean sameWord(String x, String y) {
        if (x.equals(y)) return true;
        if (x.length() != y.length() || x.length() < 3) return false;
        int differ = 0;
        for (int i = 0; i < x.length(); i++) if (x.charAt(i) != y.charAt(i)) differ++;
        return differ <= 1;
    }

    private static void append(StringBuilder out, String label, List<String> a, List<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(new LinkedHashSet<>(b));
        if (!both.isEmpty()) out.append("; ").append(label).append(' ').append(String.join(", ", both));
    }

    /** The stored form ({@code dup_sig}, not indexed). */
    public ObjectNode toJson() {
        ObjectNode sig = JsonNodeFactory.instance.objectNode();
        sig.put("version", VERSION);
        var t = sig.putArray("text");
        for (long v : text) t.add(v);
        names.forEach(sig.putArray("names")::add);
        places.forEach(sig.putArray("places")::add);
        numbers.forEach(sig.putArray("numbers")::add);
        sig.put("bands", bands);
        return sig;
    }

    /** The stored signature of an indexed letter; null when it is of another version (reindex). */
    public static DuplicateSignature fromJson(JsonNode sig) {
        if (sig == null || sig.path("version").asInt() != VERSION) return null;
        JsonNode t = sig.path("text");
        long[] text = new long[t.size()];
        for (int i = 0; i < text.length; i++) text[i] = t.get(i).asLong();
        return new DuplicateSignature(text, strings(sig.path("names")), strings(sig.path("places")),
                strings(sig.path("numbers")), sig.path("bands").asInt());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
