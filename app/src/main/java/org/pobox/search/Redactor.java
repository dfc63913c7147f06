package org.pobox.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Blanks the reporter's own name, phone, ID number and address out of a letter's text for those
 * who may not see identity: a signed letter usually ends with them, so hiding the {@code reporter}
 * field alone is not enough. Highlight markers inside a value (a hit on the name) are matched too.
 */
final class Redactor {

    static final String BLANK = "［已隐去］";

    private final List<Pattern> patterns = new ArrayList<>();

    Redactor(Map<?, ?> reporter) {
        List<String> values = new ArrayList<>();
        if (reporter != null) {
            for (Object v : reporter.values()) {
                if (v instanceof Collection<?> c) {
                    c.forEach(x -> values.add(String.valueOf(x)));
                } else if (v != null) {
                    values.add(String.valueOf(v));
                }
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        for (String v : values) {
            String s = v.strip();
            if (s.length() < 2) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            String gap = "[\\s" + Highlight.PRE + Highlight.POST + "]*";
            s.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> {
                if (re.length() > 0) {
                    re.append(gap);
                }
                re.append(Pattern.quote(new String(Character.toChars(cp))));
            });
            patterns.add(Pattern.compile(Pattern.quote(Highlight.PRE) + "?" + re + Pattern.quote(Highlight.POST) + "?"));
        }
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(BLANK);
        }
        return out.equals(text) ? out : balanced(out);
    }

    /** Drops highlight markers left without their partner when a blanked value swallowed the other. */
    static String balanced(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
            String c = String.valueOf(s.charAt(i));
            if (c.equals(Highlight.PRE)) {
                if (open) {
                    continue;
                }
                open = true;
            } else if (c.equals(Highlight.POST)) {
                if (!open) {
                    continue;
                }
                open = false;
            }
            out.append(c);
        }
        if (open) {
            out.append(Highlight.POST);
        }
        return out.toString();
    }
}
