package org.pobox.ocr;

import java.util.regex.Pattern;

/**
 * Tells an envelope from a letter page by what is written on it: a recipient block ending in
 * 收 (e.g. "…邮政专用信箱 收", "…巡视组 收"), a post code, a stamp box, sender lines. An envelope
 * is short; a letter page that merely mentions a post box is not one.
 */
public final class Envelopes {

    /** Letters pages run to hundreds of characters; an envelope carries a few addresses. */
    public static final int MAX_CHARS = 160;

    private static final Pattern RECIPIENT = Pattern.compile("(信箱|巡视组|同志|领导|收件人|办公室)\\s*(亲)?收\\s*$", Pattern.MULTILINE);
    private static final Pattern POST_BOX = Pattern.compile("邮政专用信箱|\\d{3,4}\\s*信箱");
    private static final Pattern OTHER = Pattern.compile("邮政编码|邮编|贴邮票处|寄件人|寄信人|\\b\\d{6}\\b");

    private Envelopes() {
    }

    public static boolean isEnvelope(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        long chars = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (chars > MAX_CHARS) {
            return false;
        }
        int signals = 0;
        if (RECIPIENT.matcher(text).find()) {
            signals += 2;
        }
        if (POST_BOX.matcher(text).find()) {
            signals++;
        }
        if (OTHER.matcher(text).find()) {
            signals++;
        }
        return signals >= 2;
    }
}
