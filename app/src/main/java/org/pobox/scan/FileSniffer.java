package org.pobox.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Says in words what an unsupported file looks like, so the reason in failed/ helps the clerk. */
final class FileSniffer {

    private FileSniffer() {
    }

    static String looksLike(byte[] head, int length) {
        String ascii = new String(head, 0, Math.min(length, 64), StandardCharsets.ISO_8859_1);
        if (ScanFormat.startsWith(head, length, 'P', 'K', 3, 4)) {
            return "a ZIP archive, e.g. a Word or Excel file";
        }
        if (ScanFormat.startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Office document (.doc/.xls)";
        }
        if (ascii.startsWith("GIF8")) {
            return "a GIF image";
        }
        if (ascii.startsWith("BM")) {
            return "a BMP image";
        }
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return "a WebP image";
        }
        if (ascii.startsWith("ftyp", 4)) {
            return "a HEIC photo or video (ISO media)";
        }
        if (ascii.startsWith("%!PS")) {
            return "a PostScript file";
        }
        if (ascii.startsWith("{\\rtf")) {
            return "an RTF document";
        }
        if (isText(head, length)) {
            String start = ascii.stripLeading().toLowerCase();
            return start.startsWith("<") ? "HTML or XML text" : "plain text";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(4, length); i++) {
            hex.append(String.format("%02X ", head[i] & 0xFF));
        }
        return "unknown binary data starting " + hex.toString().strip();
    }

    /** No control characters other than tab, CR and LF, and valid UTF-8 or GB18030 (Chinese Windows' text). */
    private static boolean isText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return decodes(head, length, StandardCharsets.UTF_8) || decodes(head, length, Charset.forName("GB18030"));
    }

    private static boolean decodes(byte[] head, int length, Charset charset) {
        // endOfInput=false: a multi-byte character cut at the end of the sample is still text
        CoderResult result = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), false);
        return !result.isError();
    }
}
