package org.pobox.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Safe file names from whatever a scanner or a citizen's e-mail attachment calls a file. */
public final class FileNames {

    /**
     * Control characters, bidirectional marks and overrides (U+200E/F, U+202A-202E, U+2066-2069,
     * U+061C) that can make "gpj.exe" display as "exe.jpg", and zero-width characters.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u061C\\uFEFF]");
    /** Reserved by Windows or shells in names: the archive may be copied to such systems. */
    private static final Pattern RESERVED = Pattern.compile("[:*?\"<>|]");
    private static final int MAX_UTF8_BYTES = 200;

    private FileNames() {
    }

    /** Never empty, no path separators, no "..", no control or bidi characters; Chinese is kept. */
    public static String sanitise(String name) {
        String cleaned = INVISIBLE.matcher(name == null ? "" : name).replaceAll("");
        cleaned = RESERVED.matcher(cleaned).replaceAll("_");
        List<String> parts = new ArrayList<>();
        for (String part : cleaned.split("[/\\\\]+")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.chars().allMatch(c -> c == '.')) {
                parts.add(p);
            }
        }
        cleaned = String.join("_", parts).replaceAll("\\.{2,}", ".");
        cleaned = cleaned.replaceAll("^[.\\s]+", "").strip(); // no hidden files
        cleaned = truncate(cleaned);
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    /** Cut to a byte length every file system accepts, keeping the extension and whole characters. */
    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_UTF8_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
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
        return out + ext;
    }
}
