package org.pobox.letter;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file that is one page of a letter, by its name: {@code name_p1.jpg}, {@code name-p2.png},
 * {@code name_page3.tif}, {@code name-1.jpg}, {@code name_2.jpg}. A bare number after a dash or
 * underscore counts only as one digit 1-9: {@code scan-0004.pdf} or {@code page-10.png} is a counter, not a page
 * (use {@code _p10} for the tenth page).
 *
 * @param letter the letter's name, lower case, without the page suffix and extension
 * @param page   the page number (1-based)
 */
public record PageFileName(String letter, int page) {

    private static final Pattern PAGE = Pattern.compile(
            "^(.+?)[_-](?:(?:p|page)(\\d{1,3})|([1-9]))\\.(jpe?g|png|tiff?|pdf)$", Pattern.CASE_INSENSITIVE);

    /**
     * The page group of this letter in a round, {@code <round>/<letter>}: the one key for "the
     * same letter" in the register (its number), in the index ({@code page_group}, which a late
     * page joins) and here.
     */
    public String pageGroup(String roundCode) {
        return pageGroup(roundCode, letter);
    }

    public static String pageGroup(String roundCode, String letter) {
        return roundCode + "/" + letter;
    }

    public static Optional<PageFileName> parse(String fileName) {
        Matcher m = PAGE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int page = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        return page < 1 ? Optional.empty() : Optional.of(new PageFileName(m.group(1).toLowerCase(Locale.ROOT), page));
    }
}
