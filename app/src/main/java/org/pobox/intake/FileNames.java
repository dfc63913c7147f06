package org.pobox.intake;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Safe file names from whatever a scanner or a citizen's e-mail attachment calls a file.
 *
 * <p>A <em>plain</em> name ({@link #isPlain}) is one pobox hands to Camel's file component and
 * uses on disk as it is: letters, digits, marks and a few punctuation characters, NFC, no
 * {@code ..}, no leading dash, space or dot, at most {@value #MAX_UTF8_BYTES} bytes. Camel reads
 * a backslash as a path separator and decodes {@code %2F} in a move expression, so nothing else
 * ever reaches it: the inbox renames such a file to a plain name first and keeps the original
 * exactly (see {@link Inbox}). {@link #sanitise} always returns a plain name.
 */
public final class FileNames {

    /** Control and format characters: bidi overrides that make "gpj.exe" display as "exe.jpg", zero-width ones. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    /** A path separator, also percent-encoded (a URL copied into a name). */
    private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]|%2[fF]|%5[cC]");
    /** Everything a plain name may not contain. */
    private static final Pattern NOT_PLAIN_CHAR = Pattern.compile("[^\\p{L}\\p{M}\\p{N} ._()+,\\-]");
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_(][\\p{L}\\p{M}\\p{N} ._()+,\\-]*");
    static final int MAX_UTF8_BYTES = 200;

    private FileNames() {
    }

    /** Whether pobox may use this name on disk and give it to Camel as it is. */
    public static boolean isPlain(String name) {
        return name != null && PLAIN.matcher(name).matches() && !name.contains("..") && !name.endsWith(" ")
                && !name.endsWith(".") && Normalizer.isNormalized(name, Normalizer.Form.NFC)
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_UTF8_BYTES;
    }

    /**
     * A plain name for display-safe storage: never empty, no path separators (also not
     * percent-encoded), no "..", no control, bidi or zero-width characters, NFC; Chinese is kept.
     */
    public static String sanitise(String name) {
        String cleaned = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
        cleaned = INVISIBLE.matcher(cleaned).replaceAll("");
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATOR.split(cleaned)) {
            String p = part.strip();
            if (!p.isEmpty() && !p.chars().allMatch(c -> c == '.')) {
                parts.add(p);
            }
        }
        // composed again: taking out an invisible character can leave a letter and its mark apart
        cleaned = Normalizer.normalize(String.join("_", parts), Normalizer.Form.NFC);
        cleaned = NOT_PLAIN_CHAR.matcher(cleaned).replaceAll("_");
        cleaned = cleaned.replaceAll("\\.{2,}", ".");
        // no hidden files, no name a shell reads as an option
        cleaned = cleaned.replaceAll("^[.\\s\\-+,)]+", "").replaceAll("[.\\s]+$", "");
        cleaned = truncate(cleaned, MAX_UTF8_BYTES).replaceAll("[.\\s]+$", "");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    /**
     * The name quoted, with every invisible character (control, bidi, zero-width, line breaks)
     * and backslash written as {@code \\uXXXX}: a name shown to a person as it is, not as it
     * pretends to be.
     */
    public static String visible(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '"' || INVISIBLE.matcher(new String(Character.toChars(cp))).matches()) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** Cut to {@code maxBytes} of UTF-8, keeping a short extension and whole characters. */
    static String truncate(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = maxBytes - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : stem.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
        }
        // a mark cut from its base letter would start the extension's neighbour: keep the stem NFC
        return Normalizer.normalize(out, Normalizer.Form.NFC) + ext;
    }
}
