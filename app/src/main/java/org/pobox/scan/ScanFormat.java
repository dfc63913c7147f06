package org.pobox.scan;

import java.util.Arrays;
import java.util.Locale;

/** The scan formats pobox reads, recognised by their first bytes (magic numbers), never by the file name. */
public enum ScanFormat {
    JPEG("JPEG", "jpg", "jpeg", "jpe"),
    PNG("PNG", "png"),
    TIFF("TIFF", "tif", "tiff"),
    PDF("PDF", "pdf");

    private final String label;
    private final String[] extensions;

    ScanFormat(String label, String... extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    /** The format a file name's extension promises, if it is one of ours. */
    static ScanFormat byExtension(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> Arrays.asList(f.extensions).contains(ext)).findFirst().orElse(null);
    }

    /** The format of these leading bytes, or null. */
    static ScanFormat byMagic(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        // little- and big-endian TIFF, and BigTIFF (43)
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)
                || startsWith(head, length, 'I', 'I', 43, 0) || startsWith(head, length, 'M', 'M', 0, 43)) {
            return TIFF;
        }
        // the PDF header may follow some junk, within the first 1024 bytes (as readers accept)
        String ascii = new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (ascii.contains("%PDF-")) {
            return PDF;
        }
        return null;
    }

    static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
