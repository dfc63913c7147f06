package org.pobox.ocr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.pobox.intake.Intake;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;

/** Puts the pages read by OCR, in order, into one letter. */
public class LetterAssembler {

    public Letter assemble(Exchange exchange) {
        List<?> read = exchange.getIn().getBody(List.class);
        List<Page> pages = new ArrayList<>(read.size());
        for (Object o : read) {
            PageText t = (PageText) o;
            pages.add(new Page(pages.size() + 1, t.text(), t.confidence()));
        }
        String id = exchange.getIn().getHeader(Intake.LETTER_ID, String.class);
        String name = exchange.getIn().getHeader(Intake.SAFE_NAME, String.class);
        Instant received = exchange.getIn().getHeader(Intake.RECEIVED_AT, Instant.class);
        return Letter.of(id, List.of(name), exchange.getIn().getHeader(Intake.ARCHIVE_NAME, String.class), received, pages);
    }
}
