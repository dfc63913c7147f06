package org.pobox.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.pobox.letter.Json;
import org.pobox.understand.Reporter;
import org.pobox.understand.Understander;

/**
 * What people type is masked like what OCR read, before it is stored or searchable: a transcript
 * goes through the same {@link Understander#mask} as a page's text (cues, phones, ID numbers,
 * addresses, the letter's own writer); a correction's values lose phone and ID numbers and the
 * writer's own values. (A correction is a short label, which the full mask would take for a
 * signature standing alone.)
 */
final class TextMask {

    /** Seven or more digits with spaces or dashes between: a phone or ID number, or most of one. */
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\s-]?\\d){6,}[Xx]?");

    private final Supplier<Understander> understander;

    /** @param understander built on first use: loading the seeds and the segmenter takes seconds */
    TextMask(Supplier<Understander> understander) {
        this.understander = memoized(understander);
    }

    String transcript(String text, Map<?, ?> reporter) {
        return understander.get().mask(text, reporter(reporter));
    }

    /** Every string in a correction's value (a label, a list, targets as objects), masked. */
    Object correction(Object value, Map<?, ?> reporter) {
        if (value instanceof String s) {
            String out = s;
            if (reporter != null) {
                for (Map.Entry<?, ?> e : reporter.entrySet()) {
                    if (e.getValue() != null && String.valueOf(e.getValue()).strip().length() >= 2) {
                        out = out.replace(String.valueOf(e.getValue()).strip(), label(String.valueOf(e.getKey())));
                    }
                }
            }
            return NUMBER.matcher(out).replaceAll("[号码]");
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, correction(v, reporter)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(correction(v, reporter)));
            return out;
        }
        return value;
    }

    private static String label(String field) {
        return switch (field) {
            case "phone" -> "[电话]";
            case "id_number" -> "[身份证号]";
            case "address" -> "[地址]";
            default -> "[举报人]";
        };
    }

    private static Reporter reporter(Map<?, ?> stored) {
        return stored == null ? Reporter.NONE : Json.MAPPER.convertValue(stored, Reporter.class);
    }

    private static <T> Supplier<T> memoized(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
