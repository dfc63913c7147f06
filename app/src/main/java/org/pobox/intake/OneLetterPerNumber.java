package org.pobox.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Headers;
import org.pobox.letter.LetterIds;
import org.pobox.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registration number, one letter. The register gives the same bytes their first number back
 * whatever name they come under, so a file whose bytes came before as another kind of file
 * ({@code scan.png}, then {@code scan_p1.png}; {@code a_p1.png}, then {@code b_p1.png}) arrives
 * with the number of the letter those bytes are in, under a letter id of its own (a page group's
 * id is not its page's SHA-256). Before such a letter is read: when the letter that holds its
 * number holds all its bytes, it is that letter (the caller adds its names; nothing is read
 * again); otherwise it takes a number of its own.
 *
 * <p>Two letters of one number are never read at once (the second waits until the first is
 * indexed or has failed), so the check never misses a letter that is being read.
 */
public final class OneLetterPerNumber {

    private static final Logger LOG = LoggerFactory.getLogger(OneLetterPerNumber.class);
    private final LetterIndex index;
    private final Register register;
    /** The letter of a registration number being read now. */
    private final OneAtATime reading = new OneAtATime("registration number");

    public OneLetterPerNumber(LetterIndex index, Register register) {
        this.index = index;
        this.register = register;
    }

    /**
     * The id of the other letter that already holds all of {@code shas} (the SHA-256s of this
     * letter's files) under this letter's number, or null when this letter is one of its own;
     * if another letter holds its number without holding its bytes, this letter is given a number
     * of its own here (header {@link Headers#REGISTRATION_NO}).
     *
     * @param id        this letter's id (for the log)
     * @param pageGroup this letter's page group ({@code <round>/<name>}), null for a single file
     */
    public String otherLetterWithTheseBytes(Exchange exchange, String id, List<String> shas, String pageGroup)
            throws InterruptedException {
        Message in = exchange.getMessage();
        String number = in.getHeader(Headers.REGISTRATION_NO, String.class);
        if (number == null) {
            return null;
        }
        reading.enter(exchange, number, Headers.READING_NUMBER);
        for (ObjectNode other : index.numbered(number)) {
            // a letter of the same id counts too: the same pages under another page group
            String otherId = other.path("id").asText();
            if (bytesOf(other).containsAll(shas)) {
                LOG.info("letter {}: its files' bytes are all in letter {} ({}): not read again", LetterIds.shortId(id),
                        LetterIds.shortId(otherId), number);
                return otherId;
            }
            String own = register.renumber(pageGroup, shas, number);
            in.setHeader(Headers.REGISTRATION_NO, own);
            LOG.warn("letter {} shares bytes with letter {} ({}) but is another letter: numbered {}", LetterIds.shortId(id),
                    LetterIds.shortId(otherId), number, own);
            return null;
        }
        return null;
    }

    /** The SHA-256s of the files an indexed letter was read from: its page files', or its own id for a single file. */
    private static Set<String> bytesOf(ObjectNode letter) {
        Set<String> out = new HashSet<>();
        for (JsonNode p : letter.path("page_files")) {
            out.add(p.path("sha256").asText());
        }
        if (out.isEmpty()) {
            out.add(letter.path("id").asText());
        }
        return out;
    }
}
