package org.pobox.understand.dates;

import org.pobox.understand.identity.OcrDigits;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in letters and postmarks: 2020年7月20日, 2020.07.26, 2020-7-26, 二〇二〇年七月二十日,
 * and 7月20日 (the round's year). The letter date is the last date near the end of the body;
 * the postmark date is the latest date on the envelope.
 */
public final class DateFinder {
    private static final Pattern ARABIC = Pattern.compile(
            "(?<![0-9])(20[0-9]{2})\\s*[^0-9\\s]\\s*([0-9]{1,2})\\s*[^0-9\\s]\\s*([0-9]{1,2})(?![0-9])");
    private static final Pattern NO_YEAR = Pattern.compile("(?<![0-9年.\\-/])([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日");
    /** 二〇二〇年七月二十日; OCR reads 〇 as O or 0 and 十 as +, and sprinkles junk into the year. */
    private static final Pattern CHINESE = Pattern.compile(
            "([二〇零一两三四五六七八九Oo0@=]{4,6})年([一二三四五六七八九十+]{1,2})月([一二三四五六七八九十+]{1,3})日");
    private static final String CN_DIGITS = "〇一二三四五六七八九";
    /**
     * A postmark's date with its year cut short: printed in two digits (20.05.29), or its first
     * digit lost where the ring crosses it (020.05.29, or 2 020.05.29 with a gap read in).
     */
    private static final Pattern SHORT_YEAR = Pattern.compile(
            "(?<![0-9])(?:([0-9])\\s)?([0-9]{2,3})\\s*[.\\-/]\\s*([0-9]{1,2})\\s*[.\\-/]\\s*([0-9]{1,2})(?![0-9])");

    private final int defaultYear;

    public DateFinder(int defaultYear) {
        this.defaultYear = defaultYear;
    }

    public record Found(LocalDate date, int start, int end) {}

    public List<Found> all(String text) {
        // dates are short runs: read look-alikes next to even a single digit (2O2O.O7.26)
        String digits = OcrDigits.read(text, 1);
        List<Found> out = new ArrayList<>();
        Matcher m = ARABIC.matcher(digits);
        while (m.find()) add(out, m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        m = NO_YEAR.matcher(digits);
        while (m.find()) add(out, m, defaultYear, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        m = CHINESE.matcher(text);
        while (m.find()) {
            String y = m.group(1).replaceAll("[Oo0]", "〇").replaceAll("[@=]", "");
            int year = 0;
            for (char c : y.toCharArray()) year = year * 10 + cnDigit(c);
            if (y.length() != 4 || year < 2000) year = defaultYear; // the round's year when OCR garbled it
            add(out, m, year, cnNumber(m.group(2).replace('+', '十')), cnNumber(m.group(3).replace('+', '十')));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** The date the letter was written: the last date in the closing part (last quarter) of the body. */
    public Found letterDate(String body) {
        List<Found> dates = all(body);
        if (dates.isEmpty()) return null;
        Found last = dates.get(dates.size() - 1);
        return last.start() >= body.length() * 3 / 4 || body.length() - last.end() < 60 ? last : null;
    }

    /**
     * The postmark: the latest date on the envelope. A date whose year is cut short counts when
     * what is left of the year ends the round's year or the one before (a letter posted in
     * December, received in January); any other year is left alone.
     */
    public Found postmark(String envelope) {
        if (envelope == null || envelope.isBlank()) return null;
        List<Found> found = new ArrayList<>(all(envelope));
        Matcher m = SHORT_YEAR.matcher(OcrDigits.read(envelope, 1));
        while (m.find()) {
            String year = (m.group(1) == null ? "" : m.group(1)) + m.group(2);
            for (int y : new int[] {defaultYear, defaultYear - 1}) {
                if (String.valueOf(y).endsWith(year)) {
                    add(found, m, y, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    break;
                }
            }
        }
        Found best = null;
        for (Found f : found) if (best == null || f.date().isAfter(best.date())) best = f;
        return best;
    }

    private static void add(List<Found> out, Matcher m, int y, int mo, int d) {
        try {
            out.add(new Found(LocalDate.of(y, mo, d), m.start(), m.end()));
        } catch (DateTimeException ignored) {
            // not a calendar date (OCR noise): no date
        }
    }

    private static int cnDigit(char c) {
        if (c == '零') return 0;
        if (c == '两') return 2;
        return Math.max(0, CN_DIGITS.indexOf(c));
    }

    /** 七 → 7, 十 → 10, 十二 → 12, 二十 → 20, 二十五 → 25. */
    private static int cnNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) return cnDigit(s.charAt(0));
        int tens = ten == 0 ? 1 : cnDigit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : cnDigit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
