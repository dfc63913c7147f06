package org.pobox.understand;

import java.util.List;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Letter;
import org.pobox.letter.LetterDocument;
import org.pobox.letter.Page;
import org.pobox.understand.duplicates.DuplicateSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The understand step of the pipeline: classifies a letter, takes the writer's identity out of
 * its searchable text, and links it to the first letter of the same matter (重复信访) if one is
 * indexed. Duplicates are linked, never dropped.
 */
public class UnderstandStage {

    private static final Logger LOG = LoggerFactory.getLogger(UnderstandStage.class);

    private final LetterReader reader;
    private final LetterIndex index;

    public UnderstandStage(LetterReader reader, LetterIndex index) {
        this.reader = reader;
        this.index = index;
    }

    public LetterDocument understand(Letter letter) {
        return understand(letter, null);
    }

    /**
     * @param rereadOf the id of this letter when it is an indexed letter read again (a late page
     *                 joined it): it keeps its repeat link and is not counted as a repeat twice
     */
    public LetterDocument understand(Letter letter, String rereadOf) {
        LetterUnderstanding u = reader.understand(letter.text(), null, letter.receivedAt());
        List<Page> masked = letter.pages().stream()
                .map(p -> p.masked(t -> reader.mask(t, u.reporter())))
                .toList();
        Letter searchable = Letter.of(letter.id(), letter.fileNames(), letter.archiveName(), letter.receivedAt(), masked,
                letter.reviewReasons());
        DuplicateSignature signature = reader.signature(searchable.text());

        String duplicateOf = null;
        int repeatCount = 0;
        LetterIndex.Candidate first = rereadOf != null ? null : index.firstOfSameMatter(signature, letter.id());
        if (first != null) {
            duplicateOf = first.id();
            repeatCount = index.countRepeat(first.id());
            LOG.info("letter {} repeats letter {} (repeat {})", shortId(letter.id()), shortId(duplicateOf), repeatCount);
        }
        LOG.info("letter {} understood: subject {}, region {}, in scope {}", shortId(letter.id()), u.subject(),
                u.region(), u.inScope());
        return new LetterDocument(searchable, u, signature, duplicateOf, repeatCount);
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }
}
