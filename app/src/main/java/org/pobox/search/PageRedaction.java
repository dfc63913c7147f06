package org.pobox.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pobox.understand.Understander;

/**
 * What of a page's scan a reader without identity access may not see, decided from the page as
 * stored (its masked text and the OCR's line boxes): the scan shows what the text hides, so the
 * text's masked spans are covered on the image too.
 * <ul>
 *   <li>a letter page: every line whose text holds a masked span ({@code [举报人]}, {@code [电话]},
 *       ...) or one of the writer's values is covered whole, since a line box does not say where
 *       in the line a word sits;</li>
 *   <li>an envelope: everything but the recipient lines (the team's box) is covered: the rest is
 *       the sender, whose handwriting the OCR may not have found at all;</li>
 *   <li>a page whose text hides something the boxes cannot place (no boxes, a span masked from the
 *       page's context but on no single line) is covered entirely: fail closed.</li>
 * </ul>
 *
 * @param boxes boxes to cover (without {@code keepOnly}) or the only boxes left visible (with it),
 *              in the original scan's pixels
 * @param keepOnly everything outside {@code boxes} is covered
 * @param whole the page is covered entirely
 */
public record PageRedaction(List<Box> boxes, boolean keepOnly, boolean whole) {

    public static final PageRedaction NONE = new PageRedaction(List.of(), false, false);
    static final PageRedaction WHOLE = new PageRedaction(List.of(), false, true);

    /** The labels the understanding puts in place of the writer's identity. */
    static final Pattern MASKED = Pattern.compile(String.join("|",
            Understander.MASK_LABELS.stream().map(Pattern::quote).toList()));
    /** An envelope's recipient block: the team's post box or its name, "... 收". */
    private static final Pattern RECIPIENT = Pattern.compile("信箱|巡视组|收件人|(亲)?收\\s*$");

    /** An axis-aligned box around a line's corners. */
    public record Box(double x, double y, double w, double h) {
    }

    public boolean none() {
        return !whole && !keepOnly && boxes.isEmpty();
    }

    /**
     * What to cover on page {@code number} of a stored letter for a reader with {@code access}.
     *
     * @param reporter the letter's writer ({@link LetterReader#reporterOf}), or null
     */
    public static PageRedaction of(Map<String, Object> doc, Map<?, ?> reporter, int number, Access access) {
        if (access.identity()) {
            return NONE;
        }
        Optional<Map<String, Object>> page = page(doc, number);
        if (page.isEmpty()) {
            return WHOLE;
        }
        Redactor values = new Redactor(reporter);
        Map<String, Object> p = page.get();
        List<Map<String, Object>> lines = lines(p);
        if (Boolean.TRUE.equals(p.get("envelope"))) {
            List<Box> keep = new ArrayList<>();
            for (Map<String, Object> l : lines) {
                if (isRecipient(l, values)) {
                    box(l).ifPresent(keep::add);
                }
            }
            return keep.isEmpty() ? WHOLE : new PageRedaction(keep, true, false);
        }
        String text = String.valueOf(p.getOrDefault("text", ""));
        int hiddenInText = hidden(text, values);
        if (hiddenInText == 0) {
            return NONE;
        }
        List<Box> cover = new ArrayList<>();
        int hiddenInLines = 0;
        for (Map<String, Object> l : lines) {
            int n = hidden(String.valueOf(l.getOrDefault("text", "")), values);
            if (n > 0) {
                Optional<Box> b = box(l);
                if (b.isEmpty()) {
                    return WHOLE;
                }
                cover.add(b.get());
                hiddenInLines += n;
            }
        }
        return hiddenInLines < hiddenInText ? WHOLE : new PageRedaction(cover, false, false);
    }

    /** Whether a line of the page may be sent with its box to a reader without identity access. */
    static boolean lineVisible(Map<String, Object> page, Map<String, Object> line, Redactor reporter) {
        if (Boolean.TRUE.equals(page.get("envelope"))) {
            return isRecipient(line, reporter);
        }
        return hidden(String.valueOf(line.getOrDefault("text", "")), reporter) == 0;
    }

    private static boolean isRecipient(Map<String, Object> line, Redactor reporter) {
        String t = String.valueOf(line.getOrDefault("text", ""));
        return RECIPIENT.matcher(t).find() && hidden(t, reporter) == 0;
    }

    /** Masked spans in the text, plus the writer's values still in it. */
    static int hidden(String text, Redactor reporter) {
        int n = 0;
        var m = MASKED.matcher(text);
        while (m.find()) {
            n++;
        }
        var r = Pattern.compile(Pattern.quote(Redactor.BLANK)).matcher(reporter.redact(text));
        while (r.find()) {
            n++;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> page(Map<String, Object> doc, int number) {
        if (doc.get("pages") instanceof List<?> ps) {
            for (Object o : ps) {
                if (o instanceof Map<?, ?> m && m.get("number") instanceof Number n && n.intValue() == number) {
                    return Optional.of((Map<String, Object>) m);
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Map<String, Object> page) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (page.get("lines") instanceof List<?> ls) {
            for (Object o : ls) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    static Optional<Box> box(Map<String, Object> line) {
        if (line.get("xs") instanceof Collection<?> xs && line.get("ys") instanceof Collection<?> ys
                && !xs.isEmpty() && !ys.isEmpty()) {
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (Object x : xs) {
                if (!(x instanceof Number n)) {
                    return Optional.empty();
                }
                x0 = Math.min(x0, n.doubleValue());
                x1 = Math.max(x1, n.doubleValue());
            }
            for (Object y : ys) {
                if (!(y instanceof Number n)) {
                    return Optional.empty();
                }
                y0 = Math.min(y0, n.doubleValue());
                y1 = Math.max(y1, n.doubleValue());
            }
            return Optional.of(new Box(x0, y0, x1 - x0, y1 - y0));
        }
        return Optional.empty();
    }
}
