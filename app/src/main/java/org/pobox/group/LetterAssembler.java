package org.pobox.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.Exchange;
import org.pobox.letter.Headers;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;
import org.pobox.ocr.PageText;
import org.pobox.ocr.Review;

/**
 * Puts the pages read, in page order (the page queue finishes them in any order), into one letter
 * and says whether it needs a person's review.
 */
public class LetterAssembler {

    public Letter assemble(Exchange exchange) {
        List<?> read = exchange.getIn().getBody(List.class);
        List<Page> pages = new ArrayList<>(read.size());
        for (Object o : read) {
            pages.add(o instanceof PageText t ? new Page(pages.size() + 1, t.text(), t.confidence()) : (Page) o);
        }
        pages.sort(Comparator.comparingInt(Page::number));
        if (!pages.isEmpty() && pages.stream().allMatch(org.pobox.ocr.Review::unreadable)) {
            // nothing of the scan could be decoded: not a letter with no text, a file for failed/
            throw new org.pobox.scan.BadFileException("no readable page: " + String.join("; ",
                    pages.stream().map(Page::fallback).distinct().toList()));
        }
        String id = exchange.getIn().getHeader(Headers.LETTER_ID, String.class);
        List<?> names = exchange.getIn().getHeader(Headers.FILE_NAMES, List.class);
        List<String> fileNames = names != null ? names.stream().map(String::valueOf).toList()
                : List.of(exchange.getIn().getHeader(Headers.ORIGINAL_NAME,
                        exchange.getIn().getHeader(Headers.SAFE_NAME, String.class), String.class));
        Instant received = exchange.getIn().getHeader(Headers.RECEIVED_AT, Instant.class);
        return Letter.of(id, fileNames, exchange.getIn().getHeader(Headers.ARCHIVE_NAME, String.class), received, pages,
                Review.reasons(pages));
    }
}
