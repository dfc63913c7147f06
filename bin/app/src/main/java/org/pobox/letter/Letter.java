package org.pobox.letter;

import java.time.Instant;
import java.util.List;

/**
 * One letter as indexed: one document per letter, keyed by the SHA-256 of its original file.
 * Field names are the index's (snake_case in JSON, see {@code index/letters-mapping.json}).
 * {@code archiveName} is the original's file name in {@code archive/}: the viewer shows its pages.
 */
public record Letter(
        String id,
        List<String> fileNames,
        String archiveName,
        Instant receivedAt,
        List<Page> pages,
        String text,
        int pageCount,
        double ocrConfidence) {

    /** Builds a letter from its pages: the body text joins pages with a blank line. */
    public static Letter of(String id, List<String> fileNames, String archiveName, Instant receivedAt,
                            List<Page> pages) {
        String text = String.join("\n\n", pages.stream().map(Page::text).toList());
        double confidence = pages.stream().mapToDouble(Page::confidence).average().orElse(0);
        return new Letter(id, List.copyOf(fileNames), archiveName, receivedAt, List.copyOf(pages), text, pages.size(), confidence);
    }
}
