package org.pobox.understand.identity;

import com.hankcs.hanlp.seg.common.Term;
import org.pobox.understand.Evidence;
import org.pobox.understand.Reporter;
import org.pobox.understand.text.Normalizer;
import org.pobox.understand.text.Segmenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who wrote the letter: a name after a signature cue (举报人, 反映人, 我叫 ...), phones (mobile,
 * landline with the district's area code), 18-digit ID numbers checked by their check character,
 * and an address after an address cue. Signed = a name and at least one way to reach the writer.
 */
public final class ReporterFinder {
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9](?:[ \\n-]?[0-9]){9}(?![0-9])");
    private static final Pattern ID = Pattern.compile("(?<![0-9])[1-9](?:\\n?[0-9]){16}\\n?[0-9Xx×](?![0-9Xx])");
    private static final Pattern LOCAL = Pattern.compile("(?<![0-9])[2-9][0-9]{3}[ -]?[0-9]{4}(?![0-9])");
    private static final Pattern NAME_CUE = Pattern.compile(
            "(实名举报人|举报人|反映人|控告人|检举人|来信人|署名|签名|联系人|本人姓名|姓名|我叫"
            // the same cues with one character misread by OCR, when a colon follows
            + "|(?:举报.|举.人|.?报人|反映.|反.人|.?映人)(?=[:：]))[:： ]*");
    /** A signature line whose name OCR destroyed still says the letter was signed. */
    private static final Pattern SIGNATURE_LINE = Pattern.compile("举报|报人|映人|反映人|实名|署名|签名");
    private static final Pattern ADDRESS_CUE = Pattern.compile("(家庭住址|联系地址|通讯地址|住址|地址|家住)[:： ]*");
    private static final Pattern CONTACT_CUE = Pattern.compile("电话|手机|联系方式|身份证|地址|住址");
    private static final Pattern PHONE_CUE = Pattern.compile("电话|手机|联系方式|座机|Tel|TEL");
    private static final Set<String> NOT_NAMES = Set.of("群众", "党员", "村民", "知情", "匿名", "一名", "一位", "老百姓",
            "居民", "职工", "干部", "网民", "农民", "本村", "全体", "部分", "一群", "教师", "退休", "无名");
    private static final String ANON = "匿名";

    private final String areaCode;
    private final Set<String> ownPhones;

    /**
     * @param roundPhone the team's own number, e.g. 0532-66788689: quoted by letters, never the writer's
     */
    public ReporterFinder(String roundPhone) {
        String digits = roundPhone == null ? "" : roundPhone.replaceAll("[^0-9]", "");
        this.areaCode = digits.length() > 8 ? digits.substring(0, digits.length() - 8) : "0532";
        this.ownPhones = digits.isEmpty() ? Set.of() : Set.of(digits, digits.substring(Math.max(0, digits.length() - 8)));
    }

    public record Span(int start, int end, String kind) {}

    public record Found(Reporter reporter, boolean signed, int signatureStart, List<Span> spans,
                        List<Evidence> evidence) {}

    /** @param text normalised body text; @param terms its HanLP terms */
    public Found find(String text, List<Term> terms) {
        String digits = OcrDigits.read(text);
        List<Span> spans = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();

        String id = null;
        boolean idShaped = false;
        Matcher im = ID.matcher(digits);
        while (im.find()) {
            String candidate = im.group().replace("\n", "").replace('×', 'X').toUpperCase();
            idShaped = true; // even with a misread digit, an ID number written out means a real name
            if (IdNumbers.isValid(candidate)) {
                if (id == null) id = candidate;
                spans.add(new Span(im.start(), im.end(), "id_number"));
                evidence.add(new Evidence("ID number", im.start(), im.end(), "18 digits, check character valid"));
            }
        }

        String phone = null;
        List<String> phones = new ArrayList<>();
        Matcher mm = MOBILE.matcher(digits);
        while (mm.find()) {
            if (inside(spans, mm.start())) continue;
            phones.add(mm.group().replaceAll("[ \\n-]", ""));
            spans.add(new Span(mm.start(), mm.end(), "phone"));
            evidence.add(new Evidence("mobile number", mm.start(), mm.end(), "1[3-9] and 9 digits"));
        }
        Pattern landline = Pattern.compile("(?<![0-9])\\(?" + areaCode + "\\)?[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])");
        Matcher lm = landline.matcher(digits);
        while (lm.find()) {
            String number = lm.group().replaceAll("[^0-9]", "");
            if (ownPhones.contains(number) || inside(spans, lm.start())) continue;
            phones.add(areaCode + "-" + number.substring(areaCode.length()));
            spans.add(new Span(lm.start(), lm.end(), "phone"));
            evidence.add(new Evidence("landline", lm.start(), lm.end(), "area code " + areaCode));
        }
        Matcher local = LOCAL.matcher(digits);
        while (local.find()) {
            String number = local.group().replaceAll("[^0-9]", "");
            if (ownPhones.contains(number) || inside(spans, local.start())) continue;
            if (!PHONE_CUE.matcher(text.substring(Math.max(0, local.start() - 8), local.start())).find()) continue;
            phones.add(areaCode + "-" + number);
            spans.add(new Span(local.start(), local.end(), "phone"));
            evidence.add(new Evidence("local number", local.start(), local.end(), "after a phone cue"));
        }
        if (!phones.isEmpty()) phone = phones.get(0);

        int signatureStart = -1;
        String name = null;
        Matcher nc = NAME_CUE.matcher(text);
        while (nc.find()) {
            String found = nameAfter(text, terms, nc.end(), !nc.group(1).equals("我叫"));
            if (found == null) continue;
            name = found; // the last cue is the signature: it wins over a name in the body
            if (signatureStart < 0 && nc.start() >= Math.min(closingStart(text), text.length() / 2)) signatureStart = nc.start();
            evidence.add(new Evidence(nc.group(1), nc.start(), nc.end(), "name follows a signature cue"));
        }
        if (name == null) {
            // the cue itself may be misread: take a person name from the closing lines
            int tail = closingStart(text);
            for (Term t : terms) {
                if (t.offset >= tail && Segmenter.isPersonName(t) && t.word.length() >= 2 && t.word.length() <= 3
                        && !t.word.contains("某") && onShortLine(text, t.offset) && !text.substring(0, tail).contains(t.word)) {
                    name = t.word;
                    evidence.add(new Evidence("closing lines", t.offset, t.offset + t.word.length(), "person name in the signature"));
                    if (signatureStart < 0) signatureStart = t.offset;
                    break;
                }
            }
        }
        if (name != null) {
            int from = 0;
            while ((from = text.indexOf(name, from)) >= 0) {
                spans.add(new Span(from, from + name.length(), "name"));
                from += name.length();
            }
        }

        String address = null;
        Matcher ac = ADDRESS_CUE.matcher(text);
        while (ac.find()) {
            int end = ac.end();
            while (end < text.length() && end - ac.end() < 40 && "，。；,;\n".indexOf(text.charAt(end)) < 0) end++;
            String tail = text.substring(ac.end(), end);
            Matcher next = CONTACT_CUE.matcher(tail);
            if (next.find()) { end = ac.end() + next.start(); tail = tail.substring(0, next.start()); }
            tail = tail.strip();
            if (tail.length() < 3 || tail.chars().noneMatch(c -> Normalizer.isHan((char) c))) continue;
            spans.add(new Span(ac.end(), end, "address"));
            // "家住某村" says where the writer lives; only a street number makes it a contact address
            if (!tail.matches(".*[0-9号室楼].*")) continue;
            if (address == null) address = tail;
            evidence.add(new Evidence(ac.group(1), ac.start(), ac.end(), "address follows an address cue"));
            if (signatureStart < 0 && ac.start() > text.length() / 2) signatureStart = ac.start();
        }

        Reporter reporter = new Reporter(name, phone, id, address);
        boolean contact = reporter.hasContact() || idShaped;
        boolean signatureLine = SIGNATURE_LINE.matcher(text).region(closingStart(text), text.length()).find();
        boolean signed = contact && (name != null || signatureLine);
        if (!signed && text.contains(ANON)) {
            int at = text.indexOf(ANON);
            evidence.add(new Evidence(ANON, at, at + ANON.length(), "says it is anonymous"));
        }
        return new Found(reporter, signed, signatureStart, spans, evidence);
    }

    /** Signature lines are short; a name inside a long line is someone the letter talks about. */
    private static boolean onShortLine(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return (end < 0 ? text.length() : end) - start <= 14;
    }

    /** Where the closing part starts: at 此致 or 敬礼 after the first third, else the last quarter. */
    public static int closingStart(String text) {
        int at = text.length() * 3 / 4;
        for (String word : new String[] {"此致", "敬礼"}) {
            int i = text.indexOf(word, text.length() / 3);
            if (i >= 0 && i < at) at = i;
        }
        return at;
    }

    private static boolean inside(List<Span> spans, int pos) {
        for (Span s : spans) if (pos >= s.start() && pos < s.end()) return true;
        return false;
    }

    /**
     * The name right after a cue: a bounded run of 2-3 characters (举报人：张丽华), else a person name
     * HanLP recognises starting there (举报人张丽华电话...).
     */
    private static String nameAfter(String text, List<Term> terms, int from, boolean allowPlain) {
        if (allowPlain) {
            // OCR often drops the space between the name and the contact that follows it
            // (举报人:刘秀英电话:...): the name ends where a contact cue begins
            int far = from;
            while (far < text.length() && Normalizer.isHan(text.charAt(far)) && far - from < 8) far++;
            Matcher contact = CONTACT_CUE.matcher(text.substring(from, far));
            if (contact.find() && contact.start() >= 2 && contact.start() <= 4) {
                String name = text.substring(from, from + contact.start());
                if (!name.contains("某") && NOT_NAMES.stream().noneMatch(name::contains)) return name;
            }
            int end = from;
            while (end < text.length() && Normalizer.isHan(text.charAt(end)) && end - from < 5) end++;
            String run = text.substring(from, end);
            boolean bounded = end >= text.length() || !Normalizer.isHan(text.charAt(end));
            if (bounded && run.length() >= 2 && run.length() <= 4 && !run.contains("某")
                    && NOT_NAMES.stream().noneMatch(run::contains)) return run;
        }
        for (Term t : terms) {
            if (t.offset < from) continue;
            if (t.offset > from) break;
            if (Segmenter.isPersonName(t) && t.word.length() >= 2 && t.word.length() <= 4) return t.word;
        }
        return null;
    }
}
