package org.pobox.understand;

import com.hankcs.hanlp.seg.common.Term;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pobox.understand.dates.DateFinder;
import org.pobox.understand.duplicates.DuplicateSignature;
import org.pobox.understand.duplicates.MinHasher;
import org.pobox.understand.identity.OcrDigits;
import org.pobox.understand.identity.ReporterFinder;
import org.pobox.understand.people.TargetFinder;
import org.pobox.understand.region.RegionFinder;
import org.pobox.understand.region.RegionResult;
import org.pobox.understand.round.Round;
import org.pobox.understand.round.Seeds;
import org.pobox.understand.subject.LabelledLetter;
import org.pobox.understand.subject.NaiveBayes;
import org.pobox.understand.subject.SubjectClassifier;
import org.pobox.understand.subject.SubjectResult;
import org.pobox.understand.subject.Taxonomy;
import org.pobox.understand.text.Normalizer;
import org.pobox.understand.text.Segmenter;

/**
 * The understand stage: one call turns a letter's OCR text (and its envelope's, if scanned) into
 * the fields. Built once from a round's seeds and an optional subject model; immutable
 * and thread-safe afterwards (HanLP segmenters are per thread).
 */
public final class Understander {
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9Xx](?:[ \\n-]?[0-9Xx]){9,}");
    private static final Pattern MASKED_NAME = Pattern.compile("\\p{IsHan}某某?");
    /** A word on its own or after a label or a space; not a clause between commas or before a full stop. */
    private static final Pattern SIGNATURE_WORD = Pattern.compile("(?m)(?:^|(?<=[\\s:：]))(\\p{IsHan}{2,4})(?=$|[\\s,，])");
    /** A line ending like a sentence is prose (often the tail of a paragraph the scan wrapped), not a signature. */
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?.]\\s*$");
    private static final Pattern LABELLED_VALUE = Pattern.compile("(?m)^\\s*\\p{IsHan}{1,5}[:：]\\s*(\\p{IsHan}{2,4})\\s*$");
    private static final java.util.Set<String> CLOSING_WORDS = java.util.Set.of("此致", "敬礼", "举报人", "反映人", "知情人");
    /** Lines this short that do not end a sentence are salutations, closings, signatures and dates. */
    private static final int SHORT_LINE = 16;
    private static final Pattern CLOSING_LINE = Pattern.compile("此致|敬礼|顺祝|致礼");
    /** Amounts, counts, years and months: two or more digits (longer numbers are masked phones and IDs). */
    private static final Pattern PARTICULAR_NUMBER = Pattern.compile("(?<![0-9])[0-9]{2,8}(?![0-9])");
    /** Public hotlines many letters quote (政务服务, 纪检监察, 组织部, police): not a particular of a matter. */
    private static final java.util.Set<String> SERVICE_NUMBERS = java.util.Set.of("12345", "12388", "12380", "110", "12315", "12320");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Seeds seeds;
    private final Round round;
    private final SubjectClassifier subjects;
    private final RegionFinder regions;
    private final TargetFinder targets;
    private final ReporterFinder reporters;
    private final DateFinder dates;
    private final MinHasher minHasher = new MinHasher();

    public Understander(Seeds seeds, NaiveBayes model) {
        this.seeds = seeds;
        this.round = seeds.round();
        this.subjects = new SubjectClassifier(seeds.taxonomy(), model);
        this.regions = new RegionFinder(seeds.regions(), seeds.villages());
        this.targets = new TargetFinder(seeds.posts());
        this.reporters = new ReporterFinder(round.phone());
        this.dates = new DateFinder(round.workStart().getYear());
    }

    /** The reader for {@code <pobox.home>/seeds} with the model at {@code modelFile} if that file exists. */
    public static Understander fromSeeds(Path seedsDir, Path modelFile) {
        Seeds seeds = Seeds.load(seedsDir);
        NaiveBayes model = modelFile != null && Files.exists(modelFile) ? SubjectClassifier.load(modelFile) : null;
        return new Understander(seeds, model);
    }

    /** A reader with a model trained on these letters (e.g. after applying corrections). */
    public Understander retrain(List<LabelledLetter> letters) {
        return new Understander(seeds, SubjectClassifier.train(letters));
    }

    public NaiveBayes model() {
        return subjects.model();
    }

    public Round round() {
        return round;
    }

    /**
     * @param bodyText     the letter's OCR text (pages joined)
     * @param envelopeText the envelope page's OCR text, or null
     * @param receivedAt   when pobox received the scan
     */
    public LetterUnderstanding understand(String bodyText, String envelopeText, Instant receivedAt) {
        String text = Normalizer.normalize(bodyText);
        String envelope = envelopeText == null ? null : Normalizer.normalize(envelopeText);
        List<Term> terms = Segmenter.segment(text);
        List<Explanation> explain = new ArrayList<>();

        ReporterFinder.Found who = reporters.find(text, terms);
        Reporter reporter = who.reporter();
        boolean signed = who.signed();
        if (envelope != null && !signed) {
            ReporterFinder.Found sender = reporters.find(envelope, Segmenter.segment(envelope));
            reporter = merge(reporter, sender.reporter());
            signed = reporter.name() != null && reporter.hasContact();
        }
        explain.add(new Explanation("signed", String.valueOf(signed), "signature cues + phone/ID/address",
                signed ? 1 : 0, who.evidence()));

        TargetFinder.Found reported = targets.find(text, terms, reporter.name(), who.signatureStart());
        explain.add(new Explanation("targets", reported.highestLevel(), "posts.yaml titles + HanLP names",
                reported.targets().size(), reported.evidence()));

        SubjectResult subject = subjects.classify(text, terms);
        explain.add(new Explanation("subject", subject.subject(), subject.method(),
                subject.scores().getOrDefault(subject.subject(), 0.0), subject.evidence()));

        RegionResult region = regions.find(text, reported.postStarts(), reported.postRegions(), who.signatureStart());
        explain.add(new Explanation("region", region.region(), "gazetteer, problem place over writer's home",
                region.score(), region.evidence()));

        // the remit covers the inspected district only: a cadre elsewhere is another body's business
        boolean inScope = round.inScope(reported.highestLevel()) && round.subjectInScope(subject.subject())
                && !seeds.regions().outside().name().equals(region.region());
        String forwardTo = inScope ? null : forwardTo(subject.subject(), reported);
        explain.add(new Explanation("in_scope", String.valueOf(inScope),
                "target level in round remit " + round.inScopeLevels() + ", subject not in " + round.outOfScopeSubjects()
                        + ", region in the district", inScope ? 1 : 0, reported.evidence()));

        DateFinder.Found letterDate = dates.letterDate(text);
        DateFinder.Found postmark = dates.postmark(envelope);
        LocalDate posted;
        String basis;
        if (postmark != null) { posted = postmark.date(); basis = "postmark"; }
        else if (letterDate != null) { posted = letterDate.date(); basis = "letter date"; }
        else {
            posted = receivedAt == null ? null
                    : receivedAt.atZone(CHINA).toLocalDate().minusDays(round.mailTransitDaysOrZero());
            basis = "received date less " + round.mailTransitDaysOrZero() + " days in the mail";
        }
        boolean late = posted != null && posted.isAfter(round.lastDay());
        List<Evidence> dateEvidence = new ArrayList<>();
        if (postmark != null) dateEvidence.add(new Evidence(postmark.date().toString(), postmark.start(), postmark.end(), "envelope"));
        if (letterDate != null) dateEvidence.add(new Evidence(letterDate.date().toString(), letterDate.start(), letterDate.end(), "body"));
        explain.add(new Explanation("late", String.valueOf(late), basis + " after " + round.lastDay(), late ? 1 : 0, dateEvidence));

        return new LetterUnderstanding(subject.subject(), subject.subjects(), subject.discipline(), region.region(),
                reported.targets(), reported.highestLevel(), inScope, forwardTo, signed, reporter,
                letterDate == null ? null : letterDate.date(), postmark == null ? null : postmark.date(),
                receivedAt, late, explain);
    }

    /**
     * The text with the writer's identity replaced: phones, ID numbers, addresses after an address
     * cue, and every occurrence of the writer's name (the body's, or {@code known}'s). This is what
     * goes into the searchable text field.
     */
    public String mask(String text, Reporter known) {
        String norm = Normalizer.normalize(text);
        ReporterFinder.Found found = reporters.find(norm, Segmenter.segment(norm));
        List<ReporterFinder.Span> spans = new ArrayList<>(found.spans());
        for (Reporter r : List.of(found.reporter(), known == null ? Reporter.NONE : known)) {
            addAll(spans, norm, r.name(), "name");
            addAll(spans, norm, r.address(), "address");
            addAll(spans, norm, r.idNumber(), "id_number");
        }
        // a short word standing alone in the closing lines is probably a signature whose cue OCR garbled;
        // the closing lines may start mid-line, and that point is no line start for ^ or the look-behind
        Matcher alone = SIGNATURE_WORD.matcher(norm);
        alone.region(ReporterFinder.closingStart(norm), norm.length()).useAnchoringBounds(false).useTransparentBounds(true);
        while (alone.find()) {
            if (CLOSING_WORDS.contains(alone.group(1)) || SENTENCE_END.matcher(lineOf(norm, alone.start(1))).find()) continue;
            spans.add(new ReporterFinder.Span(alone.start(1), alone.end(1), "name"));
        }
        // "label: short value" on a line of its own is a form field: a name whatever its garbled label
        Matcher field = LABELLED_VALUE.matcher(norm);
        while (field.find()) spans.add(new ReporterFinder.Span(field.start(1), field.end(1), "name"));
        // any long run of digits is masked too, valid or not: an ID with one misread digit is still an ID
        Matcher longNumber = LONG_NUMBER.matcher(OcrDigits.read(norm));
        while (longNumber.find()) spans.add(new ReporterFinder.Span(longNumber.start(), longNumber.end(), "number"));
        spans.sort(Comparator.comparingInt(ReporterFinder.Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (ReporterFinder.Span s : spans) {
            if (s.end() <= at) continue;
            if (s.start() > at) out.append(text, at, s.start());
            if (s.start() >= at) out.append(label(s.kind()));
            at = Math.max(at, s.end());
        }
        out.append(text.substring(Math.min(at, text.length())));
        return out.toString();
    }

    public String mask(String text) {
        return mask(text, null);
    }

    /** What an envelope's front says about where and when it went, not who sent it. */
    private static final Pattern ENVELOPE_KEPT = Pattern.compile(
            "信箱|巡视组|收件人|收$|亲启$|^中国邮政$|^邮资|^[0-9]+(\\.[0-9]{1,2})?元$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{6}$");

    /**
     * The mask for an envelope page ({@code pageText}, its lines too): what tells where and when it
     * was posted is kept (the recipient's lines, the postmark's date, the postal code of the boxes
     * on its first line, the stamp's 中国邮政 and value); every other piece is written as
     * [寄件人]: an envelope's sender is its writer, signed letter or not, and their name, address,
     * phone and postal code are no more for the engine than the body's. What OCR made of the
     * postmark's ring goes too. The scan shows a lead the whole envelope. Then masked as any text.
     */
    public UnaryOperator<String> envelopeMask(String pageText, Reporter known) {
        String first = pageText == null ? "" : pageText.strip().lines().findFirst().orElse("");
        Set<String> codes = new HashSet<>();
        for (String token : first.split("\\s+")) {
            if (POSTAL_CODE.matcher(token).matches()) codes.add(token);
        }
        return text -> {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                List<String> kept = new ArrayList<>();
                for (String token : line.strip().split("\\s+")) {
                    if (token.isEmpty()) continue;
                    if (ENVELOPE_KEPT.matcher(token).find() || codes.contains(token) || dates.postmark(token) != null) {
                        kept.add(token);
                    } else if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(SENDER_LABEL)) {
                        kept.add(SENDER_LABEL); // one label for a run of the sender's pieces
                    }
                }
                lines.add(String.join(" ", kept));
            }
            return mask(String.join("\n", lines), known);
        };
    }

    /**
     * The signature for repeats (重复信访) of a letter's searchable (masked) text: a MinHash of its
     * own sentences and the particulars of its matter. Store {@code bandKeys()} in a keyword field
     * and {@code toJson()} beside it.
     */
    public DuplicateSignature signature(String text) {
        String own = ownSentences(Normalizer.normalize(text));
        // a word split by a line break is one word again; the matter's particulars are read from this
        String flowed = own.replaceAll("\\s+", "");
        // a person the letter is about: named beside a post, or a name written more than once; HanLP
        // also reads "names" into common wording (党和政府), and those, like boilerplate, are in every letter
        List<Term> terms = Segmenter.segment(flowed);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Term t : terms) {
            if (Segmenter.isPersonName(t) && t.word.length() >= 2 && t.word.length() <= 4 && !t.word.contains("某")
                    && t.word.chars().allMatch(c -> Normalizer.isHan((char) c))) seen.merge(t.word, 1, Integer::sum);
        }
        // HanLP reads some place names as person names (田横 of 田横镇)
        List<String> placeWords = regions.placeNames(flowed);
        java.util.Set<String> names = new java.util.TreeSet<>();
        seen.forEach((name, n) -> {
            if ((n >= 2 || count(flowed, name) >= 2) && placeWords.stream().noneMatch(p -> p.contains(name))) names.add(name);
        });
        for (org.pobox.understand.Target t : targets.find(flowed, terms, null, -1).targets()) {
            if (t.name() != null && !t.name().contains("某") && placeWords.stream().noneMatch(p -> p.contains(t.name()))) {
                names.add(t.name());
            }
        }
        java.util.Set<String> places = new java.util.TreeSet<>(regions.specificPlaceNames(flowed));
        java.util.Set<String> numbers = new java.util.TreeSet<>();
        Matcher number = PARTICULAR_NUMBER.matcher(flowed);
        while (number.find()) if (!SERVICE_NUMBERS.contains(number.group())) numbers.add(number.group());
        return minHasher.signature(own, names, places, numbers);
    }

    /**
     * The letter without its salutation, closing, signature and date: short lines that do not end a
     * sentence (尊敬的巡视组领导：, 此致, 敬礼！, 一名老党员, 2020年5月18日). Every letter has them, and a
     * re-sent copy changes its date: they say nothing about the matter.
     */
    static String ownSentences(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.length() <= SHORT_LINE && !SENTENCE_END.matcher(l).find()) continue;
            if (l.length() <= SHORT_LINE && CLOSING_LINE.matcher(l).find()) continue;
            out.append(l).append('\n');
        }
        return out.toString();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
        return n;
    }

    private String forwardTo(String subject, TargetFinder.Found reported) {
        Round.Forward f = round.forward();
        if (subject.equals(f.litigationSubject())) return f.litigationTo();
        if (reported.villageCadre() && targets.rankOf(reported.highestLevel()) <= 1) return f.villageCadreTo();
        Taxonomy.Category c = seeds.taxonomy().category(subject);
        return c != null && c.forwardTo() != null ? c.forwardTo() : f.defaultTo();
    }

    private static Reporter merge(Reporter body, Reporter envelope) {
        return new Reporter(body.name() != null ? body.name() : envelope.name(),
                body.phone() != null ? body.phone() : envelope.phone(),
                body.idNumber() != null ? body.idNumber() : envelope.idNumber(),
                body.address() != null ? body.address() : envelope.address());
    }

    private static void addAll(List<ReporterFinder.Span> spans, String text, String value, String kind) {
        if (value == null || value.length() < 2) return;
        for (int from = text.indexOf(value); from >= 0; from = text.indexOf(value, from + value.length())) {
            spans.add(new ReporterFinder.Span(from, from + value.length(), kind));
        }
    }

    private static String lineOf(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /**
     * Every label {@link #mask} puts in place of the writer's identity: what hides something on a
     * page, which the scan must then hide too ({@code search.PageRedaction} covers the lines that
     * hold one).
     */
    public static final List<String> MASK_LABELS = List.of("[举报人]", "[电话]", "[身份证号]", "[地址]", "[号码]", "[寄件人]");
    /** An envelope's sender block, masked whole ({@link #envelopeMask}). */
    static final String SENDER_LABEL = MASK_LABELS.get(5);

    private static String label(String kind) {
        return switch (kind) {
            case "phone" -> MASK_LABELS.get(1);
            case "id_number" -> MASK_LABELS.get(2);
            case "address" -> MASK_LABELS.get(3);
            case "number" -> MASK_LABELS.get(4);
            default -> MASK_LABELS.get(0);
        };
    }
}
