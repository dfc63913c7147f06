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
    private static final Pattern ADDRESS_CUE = Pattern.compile("(家庭住址|联系地址|通讯地址|住址|地址|家住)[:： ]*");
    private static final Pattern CONTACT_CUE = Pattern.compile("电话|手机|联系方式|身份证|地址|住址");
    private static final Pattern PHONE_CUE = Pattern.compile("电话|手机|联系方式|座机|Tel|TEL");
    private static final Set<String> NOT_NAMES = Set.of("群众", "党员", "村民", "知情", "匿名", "一名", "一位", "老百姓",
            "居民", "职工", "干部", "网民", "农民", "本村", "全体", "部分", "一群", "教师", "退休", "无名");
    private static final String ANON = "匿名";
    /** "X的手机号是" right before a number: X says whose number it is. */
    private static final Pattern OWNED_NUMBER = Pattern.compile(
            "(\\p{IsHan}{1,6})的(?:手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|号码)(?:是|为)?[:：]?$");
    /** A closing line that is one short word (a name, or 此致, 敬礼, 一群村民): tested with {@link #looksLikeName}. */
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^\\s*(\\p{IsHan}{2,4})\\s*$");
    private static final Set<String> CLOSING = Set.of("此致", "敬礼", "致敬", "敬上", "谢谢", "顺祝", "举报人", "反映人", "知情人", "情况反映", "举报信");
    /** The commonest Chinese surnames (about 290): a signature word not starting with one is rarely a name. */
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦向柳邢路岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝巩井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠桑荆谌银扬明沙伏岑习胥蔺付";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙");

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
        List<Integer> phoneStarts = new ArrayList<>();
        Matcher mm = MOBILE.matcher(digits);
        while (mm.find()) {
            if (inside(spans, mm.start())) continue;
            phones.add(mm.group().replaceAll("[ \\n-]", ""));
            phoneStarts.add(mm.start());
            spans.add(new Span(mm.start(), mm.end(), "phone"));
            evidence.add(new Evidence("mobile number", mm.start(), mm.end(), "1[3-9] and 9 digits"));
        }
        Pattern landline = Pattern.compile("(?<![0-9])\\(?" + areaCode + "\\)?[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])");
        Matcher lm = landline.matcher(digits);
        while (lm.find()) {
            String number = lm.group().replaceAll("[^0-9]", "");
            if (ownPhones.contains(number) || inside(spans, lm.start())) continue;
            phones.add(areaCode + "-" + number.substring(areaCode.length()));
            phoneStarts.add(lm.start());
            spans.add(new Span(lm.start(), lm.end(), "phone"));
            evidence.add(new Evidence("landline", lm.start(), lm.end(), "area code " + areaCode));
        }
        Matcher local = LOCAL.matcher(digits);
        while (local.find()) {
            String number = local.group().replaceAll("[^0-9]", "");
            if (ownPhones.contains(number) || inside(spans, local.start())) continue;
            if (!PHONE_CUE.matcher(text.substring(Math.max(0, local.start() - 8), local.start())).find()) continue;
            phones.add(areaCode + "-" + number);
            phoneStarts.add(local.start());
            spans.add(new Span(local.start(), local.end(), "phone"));
            evidence.add(new Evidence("local number", local.start(), local.end(), "after a phone cue"));
        }
        // the first number the letter does not give as someone else's (他的手机号是…, 镇政府公布的电话…)
        for (int i = 0; i < phones.size(); i++) {
            if (!someoneElses(text, phoneStarts.get(i))) { phone = phones.get(i); break; }
        }

        int signatureStart = -1;
        String name = null;
        Matcher nc = NAME_CUE.matcher(text);
        while (nc.find()) {
            String found = nameAfter(text, terms, nc.end(), !nc.group(1).equals("我叫"));
            if (found == null && nc.group(1).equals("我叫")) found = nameBeforePunctuation(text, nc.end());
            if (found == null) continue;
            name = found; // the last cue is the signature: it wins over a name in the body
            if (signatureStart < 0 && nc.start() >= Math.min(closingStart(text), text.length() / 2)) signatureStart = nc.start();
            evidence.add(new Evidence(nc.group(1), nc.start(), nc.end(), "name follows a signature cue"));
        }
        if (name == null) {
            // a line of its own in the closing part that is a name and nothing else: a signature without a cue
            int tail = closingStart(text);
            Matcher alone = NAME_LINE.matcher(text).region(tail, text.length());
            while (alone.find()) {
                String candidate = alone.group(1);
                if (looksLikeName(candidate)) {
                    name = candidate;
                    evidence.add(new Evidence("signature line", alone.start(1), alone.end(1), "a name alone on a closing line"));
                    if (signatureStart < 0) signatureStart = alone.start(1);
                    break;
                }
            }
        }
        if (name == null) {
            // the cue itself may be misread: take a person name from the closing lines
            int tail = closingStart(text);
            for (Term t : terms) {
                if (t.offset >= tail && Segmenter.isPersonName(t) && looksLikeName(t.word) && t.word.length() <= 3
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
        // 实名 = the writer gives a name; an ID number written out is a name whose characters OCR lost.
        // A phone or an address alone, or a signature like 一名老党员, is anonymous.
        boolean signed = name != null || idShaped;
        if (!signed && text.contains(ANON)) {
            int at = text.indexOf(ANON);
            evidence.add(new Evidence(ANON, at, at + ANON.length(), "says it is anonymous"));
        }
        return new Found(reporter, signed, signatureStart, spans, evidence);
    }

    /**
     * A number the text gives as someone else's: "X的手机号是", "他的电话", "公布的电话" right before
     * it, where X is not the writer (我, 本人).
     */
    static boolean someoneElses(String text, int at) {
        String before = text.substring(Math.max(0, at - 14), at).replaceAll("\\s", "");
        Matcher m = OWNED_NUMBER.matcher(before);
        if (!m.find()) return false;
        String owner = m.group(1);
        return !(owner.endsWith("我") || owner.endsWith("本人") || owner.endsWith("我们") || owner.endsWith("我家"));
    }

    /** 我叫卢某某，...: two to four characters up to a punctuation mark. */
    private static String nameBeforePunctuation(String text, int from) {
        int end = from;
        while (end < text.length() && Normalizer.isHan(text.charAt(end)) && end - from < 5) end++;
        if (end >= text.length() || "，,。；;、 （(".indexOf(text.charAt(end)) < 0) return null;
        String run = text.substring(from, end);
        return looksLikeName(run) ? run : null;
    }

    /** Two to four characters starting with a common surname, none of the words anonymous writers sign with. */
    static boolean looksLikeName(String s) {
        if (s.length() < 2 || s.length() > 4 || s.contains("某")) return false;
        if (NOT_NAMES.stream().anyMatch(s::contains) || CLOSING.contains(s)) return false;
        boolean compound = s.length() >= 3 && COMPOUND_SURNAMES.contains(s.substring(0, 2));
        return compound || SURNAMES.indexOf(s.charAt(0)) >= 0;
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
            if (Segmenter.isPersonName(t) && t.word.length() >= 2 && t.word.length() <= 4
                    && !placeOrGroup(text, from, from + t.word.length())) return t.word;
        }
        return null;
    }

    private static final Pattern PLACE_SUFFIX = Pattern.compile("^(?:村|镇|乡|社区|街道|小区|县|区|市|屯)");

    /**
     * Whether what HanLP took for a name is part of a place or a group the writer signs as
     * (举报人：柳塘村村民: the village 柳塘, an anonymous villager): the word is followed by a place
     * suffix, or the words after the cue are one of the anonymous signatures.
     */
    private static boolean placeOrGroup(String text, int from, int nameEnd) {
        if (PLACE_SUFFIX.matcher(text.substring(nameEnd, Math.min(text.length(), nameEnd + 2))).find()) return true;
        int end = from;
        while (end < text.length() && Normalizer.isHan(text.charAt(end)) && end - from < 10) end++;
        String run = text.substring(from, end);
        return NOT_NAMES.stream().anyMatch(run::contains);
    }
}
