package org.pobox.understand.people;

import com.hankcs.hanlp.seg.common.Term;
import org.pobox.understand.Evidence;
import org.pobox.understand.Target;
import org.pobox.understand.text.FuzzyPhraseMatcher;
import org.pobox.understand.text.Match;
import org.pobox.understand.text.Normalizer;
import org.pobox.understand.text.PhraseMatcher;
import org.pobox.understand.text.Segmenter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reported persons: a post title from posts.yaml, the person's name next to it (HanLP's name
 * recognition, or the 王某/王某某 form letters use), and the unit written before the title.
 */
public final class TargetFinder {
    private static final Pattern ROLE_SUFFIX = Pattern.compile(
            "(常务)?(副)?(代)?(书记|支书|主任|区长|镇长|局长|院长|检察长|主席|部长|科长|科员|所长|站长|会计|常委)$");
    private static final Pattern MASKED_NAME = Pattern.compile("\\p{IsHan}某某?");
    private static final String[] UNIT_CUT = {"反映", "举报", "控告", "检举", "现任", "原任", "担任", "的", "是", "系", "在", "和", "与", "及", "对", "把", "被", "向", "了", "将", "为", "原", "任"};
    private static final int UNIT_MAX = 12;

    private final PhraseMatcher<PostsFile.Post> posts;
    private final FuzzyPhraseMatcher<PostsFile.Post> misread;
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<String, String> levelRegion = new HashMap<>();

    public TargetFinder(PostsFile file) {
        Map<String, PostsFile.Post> byTitle = new HashMap<>();
        for (PostsFile.Post p : file.posts()) byTitle.put(p.title(), p);
        this.posts = new PhraseMatcher<>(byTitle);
        this.misread = new FuzzyPhraseMatcher<>(byTitle);
        for (PostsFile.Level l : file.levels()) {
            rank.put(l.code(), l.rank());
            if (l.region() != null) levelRegion.put(l.code(), l.region());
        }
    }

    /** A region implied by a post itself (a district leader's problem is a district organ's). */
    public record PostRegion(String region, int start, int end, String title) {}

    public record Found(List<Target> targets, String highestLevel, boolean villageCadre, List<Integer> postStarts,
                        List<PostRegion> postRegions, List<Evidence> evidence) {}

    /**
     * @param text   normalised body text
     * @param terms  HanLP terms of the same text (with offsets)
     * @param exclude a name that is not a target (the writer's), or null
     * @param ignoreFrom positions from here on (the signature block) are not searched, or -1
     */
    public Found find(String text, List<Term> terms, String exclude, int ignoreFrom) {
        Map<String, Target> targets = new LinkedHashMap<>();
        List<Integer> starts = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<PostRegion> postRegions = new ArrayList<>();
        boolean village = false;
        String best = null;
        List<Match<PostsFile.Post>> found = new ArrayList<>(posts.find(text));
        List<int[]> taken = new ArrayList<>();
        for (Match<PostsFile.Post> m : found) taken.add(new int[] {m.start(), m.end()});
        found.addAll(misread.find(text, taken));
        found.sort(java.util.Comparator.comparingInt(Match::start));
        for (Match<PostsFile.Post> m : found) {
            if (ignoreFrom >= 0 && m.start() >= ignoreFrom) continue;
            PostsFile.Post post = m.value();
            String name = nameNear(text, terms, m.start(), m.end());
            if (name != null && name.equals(exclude)) continue;
            String prefix = unitBefore(text, m.start());
            if (name != null && prefix.endsWith(name)) prefix = prefix.substring(0, prefix.length() - name.length());
            String unitPart = ROLE_SUFFIX.matcher(post.title()).replaceAll("");
            String unit = prefix.endsWith(unitPart) ? prefix : prefix + unitPart; // 南阡村 + 村(支书)
            Target t = new Target(name, post.title(), unit.isEmpty() ? null : unit, post.level());
            String key = name != null ? name : post.title() + "|" + unit;
            Target before = targets.get(key);
            if (before == null || rankOf(t.level()) > rankOf(before.level())) targets.put(key, t);
            starts.add(m.start());
            String implied = levelRegion.get(post.level());
            if (implied != null) postRegions.add(new PostRegion(implied, m.start(), m.end(), post.title()));
            evidence.add(new Evidence(m.phrase(), m.start(), m.end(), "post → " + post.level()));
            if (post.village()) village = true;
            if (best == null || rankOf(post.level()) > rankOf(best)) best = post.level();
        }
        return new Found(List.copyOf(targets.values()), best, village, starts, postRegions, evidence);
    }

    public int rankOf(String level) {
        return level == null ? 0 : rank.getOrDefault(level, 0);
    }

    /** The name right after the title (区长王某), or right before it (王某区长, 王某（区长）). */
    private static String nameNear(String text, List<Term> terms, int start, int end) {
        Matcher after = MASKED_NAME.matcher(text).region(end, Math.min(text.length(), end + 3));
        if (after.lookingAt()) return after.group();
        for (Term t : terms) {
            if (t.offset >= end && t.offset <= end + 1 && Segmenter.isPersonName(t)) return t.word;
            int termEnd = t.offset + t.word.length();
            if (termEnd <= start && termEnd >= start - 1 && Segmenter.isPersonName(t)) return t.word;
            if (t.offset > end + 1) break;
        }
        int from = Math.max(0, start - 4);
        Matcher before = MASKED_NAME.matcher(text).region(from, start);
        String last = null;
        while (before.find()) if (before.end() >= start - 1) last = before.group();
        return last;
    }

    /** The unit written before the title: Han characters back to a clause break, cut at verbs and particles. */
    private static String unitBefore(String text, int start) {
        int i = start;
        while (i > 0 && start - i < UNIT_MAX && Normalizer.isHan(text.charAt(i - 1))) i--;
        String span = text.substring(i, start);
        int cut = 0;
        for (String w : UNIT_CUT) {
            int at = span.lastIndexOf(w);
            if (at >= 0 && at + w.length() > cut) cut = at + w.length();
        }
        span = span.substring(cut);
        if (MASKED_NAME.matcher(span).matches()) return "";
        return span;
    }
}
