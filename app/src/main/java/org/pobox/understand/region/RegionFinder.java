package org.pobox.understand.region;

import org.pobox.understand.Evidence;
import org.pobox.understand.people.TargetFinder;
import org.pobox.understand.text.FuzzyPhraseMatcher;
import org.pobox.understand.text.Match;
import org.pobox.understand.text.PhraseMatcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the reported problem happened. Every place name is resolved through the gazetteer
 * (villages to their town, aliases to the canonical name, district organs to 区直机关, other
 * places to 即墨区外), then weighed: a place named as the writer's home counts little, a place
 * that is the unit of a reported post counts most.
 */
public final class RegionFinder {
    private static final String CLAUSE_END = "。！？；，,;!?\n";
    private static final int RESIDENCE_WINDOW = 16;
    /** 社区委员会, 小区委员会: 区委 inside a longer word is not the district committee. */
    private static final Set<Character> NOT_DISTRICT_BEFORE = Set.of('社', '小', '园', '景', '城', '校', '新', '片', '街');

    /**
     * A district department or office by its form: (即墨)区 + a name + 局/办公室/委员会/中心 (即墨区行政审批服务局,
     * 区卫生健康局). Departments are renamed and merged often; the seeds cannot list every spelling.
     */
    private static final java.util.regex.Pattern DISTRICT_ORGAN = java.util.regex.Pattern.compile(
            "(?:即墨区|(?<![\\p{IsHan}])区)\\p{IsHan}{2,9}?(?:局|办公室|委员会|服务中心|管理中心)");
    /** Said right after a place, it is where the writer lives: 是港湾村的村民, 是花园村人，. */
    private static final java.util.regex.Pattern RESIDENT_AFTER = java.util.regex.Pattern.compile(
            "^\\s*(?:\\p{IsHan}{1,5}?(?:村|社区|庄))?(?:的)?(?:村民|居民|人[，,。；\\s])");

    private final PhraseMatcher<Place> places;
    private final FuzzyPhraseMatcher<Place> misread;
    private final String districtUnit;

    public RegionFinder(RegionsFile regions, List<Village> villages) {
        Map<String, Place> names = new HashMap<>();
        for (Village v : villages) {
            names.put(v.name(), new Place(v.town(), Place.Kind.VILLAGE));
            names.put(v.fullName(), new Place(v.town(), Place.Kind.VILLAGE));
        }
        for (String t : regions.outside().terms()) names.put(t, new Place(regions.outside().name(), Place.Kind.OUTSIDE));
        for (String t : regions.districtUnits().terms()) {
            names.put(t, new Place(regions.districtUnits().name(), Place.Kind.DISTRICT_UNIT));
        }
        for (RegionsFile.Region r : regions.regions()) {
            Place p = new Place(r.name(), Place.Kind.TOWN);
            names.put(r.name(), p);
            names.put(r.name() + "办事处", p);
            if (r.shortName() != null) {
                for (String suffix : List.of("街道", "镇", "街道办事处", "街道办", "街办", "镇政府", "镇党委", "街道党工委")) {
                    names.put(r.shortName() + suffix, p);
                }
            }
            for (String a : r.aliasList()) names.put(a, p);
        }
        this.misread = new FuzzyPhraseMatcher<>(names);
        this.districtUnit = regions.districtUnits().name();
        for (String cue : regions.residenceCues()) names.putIfAbsent(cue, new Place(null, Place.Kind.RESIDENCE_CUE));
        this.places = new PhraseMatcher<>(names);
    }

    /**
     * @param text       normalised body text
     * @param unitStarts positions where a reported post begins (a place right before one is its unit)
     * @param signatureStart where the writer's signature block starts, or -1
     */
    public RegionResult find(String text, List<Integer> unitStarts, int signatureStart) {
        return find(text, unitStarts, List.of(), signatureStart);
    }

    /** @param postRegions regions implied by reported posts (副区长 → 区直机关), weighed like a post's unit */
    public RegionResult find(String text, List<Integer> unitStarts, List<TargetFinder.PostRegion> postRegions,
                             int signatureStart) {
        List<Match<Place>> exact = places.find(text);
        List<Match<Place>> found = inTheirTowns(withOrgans(withMisread(text), text));
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new HashMap<>();
        Map<String, Double> residenceOnly = new LinkedHashMap<>();
        boolean firstProblemPlace = true;
        for (Match<Place> m : found) {
            Place p = m.value();
            if (p.kind() == Place.Kind.RESIDENCE_CUE) continue;
            if (p.kind() == Place.Kind.DISTRICT_UNIT && m.start() > 0
                    && NOT_DISTRICT_BEFORE.contains(text.charAt(m.start() - 1))) continue;
            boolean residence = (signatureStart >= 0 && m.start() >= signatureStart) || afterResidenceCue(found, m, text)
                    || residentAfter(found, m, text);
            if (residence) {
                residenceOnly.merge(p.region(), 1.0, Double::sum);
                evidence.computeIfAbsent(p.region(), k -> new ArrayList<>())
                        // the writer's home is not quoted: it can identify the writer
                        .add(new Evidence("", m.start(), m.end(), "writer's home, weighed low"));
                continue;
            }
            // a village read with one character off may be another village (马山前村 for 马山后村): weighed low
            double w = p.kind() == Place.Kind.VILLAGE && !exact.contains(m) ? 0.3 : 1.0;
            String note = p.kind().name().toLowerCase();
            if (isUnitOfPost(m, unitStarts)) { w += 2; note += ", unit of a reported post"; }
            if (firstProblemPlace) { w += 0.5; firstProblemPlace = false; }
            score.merge(p.region(), w, Double::sum);
            evidence.computeIfAbsent(p.region(), k -> new ArrayList<>())
                    .add(new Evidence(m.phrase(), m.start(), m.end(), note));
        }
        for (TargetFinder.PostRegion p : postRegions) {
            if (signatureStart >= 0 && p.start() >= signatureStart) continue;
            score.merge(p.region(), 2.0, Double::sum);
            evidence.computeIfAbsent(p.region(), k -> new ArrayList<>())
                    .add(new Evidence(p.title(), p.start(), p.end(), "post of a district-level organ"));
        }
        Map<String, Double> pool = score.isEmpty() ? residenceOnly : score;
        String best = null;
        double bestScore = 0;
        double total = 0;
        for (var e : pool.entrySet()) {
            total += e.getValue();
            if (e.getValue() > bestScore) { best = e.getKey(); bestScore = e.getValue(); }
        }
        if (best == null) return new RegionResult(null, 0, List.of());
        return new RegionResult(best, bestScore / total, evidence.getOrDefault(best, List.of()));
    }

    /** District organs found by their form ({@link #DISTRICT_ORGAN}) where no listed name matched. */
    private List<Match<Place>> withOrgans(List<Match<Place>> found, String text) {
        // on the text without line breaks: a department's name is often wrapped
        org.pobox.understand.text.Flowed flowed = org.pobox.understand.text.Flowed.of(text);
        java.util.regex.Matcher m = DISTRICT_ORGAN.matcher(flowed.text());
        List<Match<Place>> out = new ArrayList<>(found);
        while (m.find()) {
            int s = flowed.original(m.start()), e = flowed.originalEnd(m.end());
            if (found.stream().anyMatch(f -> f.start() < e && s < f.end() && f.value().kind() != Place.Kind.DISTRICT_UNIT)) continue;
            out.removeIf(f -> f.start() >= s && f.end() <= e);
            out.add(new Match<>(m.group(), s, e, new Place(districtUnit, Place.Kind.DISTRICT_UNIT)));
        }
        out.sort(java.util.Comparator.comparingInt(Match::start));
        return out;
    }

    /**
     * A village written right after a town or a place outside (大信镇天山社区, 平度市新兴社区) is in that
     * town or outside, whatever village of the same (or a similar) name the gazetteer knows.
     */
    private static List<Match<Place>> inTheirTowns(List<Match<Place>> found) {
        List<Match<Place>> out = new ArrayList<>(found.size());
        Match<Place> before = null;
        for (Match<Place> m : found) {
            Match<Place> kept = m;
            if (m.value().kind() == Place.Kind.VILLAGE && before != null && m.start() - before.end() <= 1
                    && (before.value().kind() == Place.Kind.TOWN || before.value().kind() == Place.Kind.OUTSIDE)) {
                kept = new Match<>(m.phrase(), m.start(), m.end(), new Place(before.value().region(), before.value().kind()));
            }
            out.add(kept);
            if (m.value().kind() != Place.Kind.RESIDENCE_CUE) before = kept;
        }
        return out;
    }

    /** A place followed by 的村民/居民/人 — or a village of a town so followed — is the writer's home. */
    private static boolean residentAfter(List<Match<Place>> found, Match<Place> place, String text) {
        Match<Place> last = place;
        for (Match<Place> m : found) {
            if (m.start() >= last.end() && m.start() - last.end() <= 1 && m.value().kind() != Place.Kind.RESIDENCE_CUE) last = m;
        }
        int end = last.end();
        return RESIDENT_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12))).find();
    }

    /** Exact matches, then place names misread by one character where nothing matched. */
    private List<Match<Place>> withMisread(String text) {
        List<Match<Place>> found = new ArrayList<>(places.find(text));
        List<int[]> taken = new ArrayList<>();
        for (Match<Place> m : found) taken.add(new int[] {m.start(), m.end()});
        found.addAll(misread.find(text, taken));
        found.sort(java.util.Comparator.comparingInt(Match::start));
        return found;
    }

    /** The village names written in a text: specific enough to tell one matter from another. */
    public List<String> villageNames(String text) {
        List<String> out = new ArrayList<>();
        for (Match<Place> m : places.find(text)) if (m.value().kind() == Place.Kind.VILLAGE) out.add(m.phrase());
        return out;
    }

    /** Every place a text names, as written. */
    public List<String> placeNames(String text) {
        List<String> out = new ArrayList<>();
        for (Match<Place> m : withMisread(text)) if (m.value().kind() != Place.Kind.RESIDENCE_CUE) out.add(m.phrase());
        return out;
    }

    /**
     * The places a text names that are smaller than a town (villages, district organs, places
     * outside), as written: a town is shared by too many unrelated letters to tell matters apart.
     */
    public List<String> specificPlaceNames(String text) {
        List<String> out = new ArrayList<>();
        for (Match<Place> m : places.find(text)) {
            Place.Kind k = m.value().kind();
            if (k == Place.Kind.VILLAGE || k == Place.Kind.DISTRICT_UNIT || k == Place.Kind.OUTSIDE) out.add(m.phrase());
        }
        return out;
    }

    private static boolean isUnitOfPost(Match<Place> m, List<Integer> unitStarts) {
        for (int s : unitStarts) if (s >= m.start() && s - m.end() <= 4) return true;
        return false;
    }

    /** A residence cue earlier in the same clause, close before the place. */
    private static boolean afterResidenceCue(List<Match<Place>> found, Match<Place> place, String text) {
        for (Match<Place> m : found) {
            if (m.value().kind() != Place.Kind.RESIDENCE_CUE || m.end() > place.start()) continue;
            if (place.start() - m.end() > RESIDENCE_WINDOW) continue;
            boolean sameClause = true;
            for (int i = m.end(); i < place.start(); i++) {
                if (CLAUSE_END.indexOf(text.charAt(i)) >= 0) { sameClause = false; break; }
            }
            if (sameClause) return true;
        }
        return false;
    }
}
