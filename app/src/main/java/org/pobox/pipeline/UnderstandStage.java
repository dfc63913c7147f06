package org.pobox.pipeline;

import java.util.List;
import org.pobox.index.LetterDocument;
import org.pobox.index.LetterIndex;
import org.pobox.letter.Letter;
import org.pobox.letter.Page;
import org.pobox.understand.Evidence;
import org.pobox.understand.Explanation;
import org.pobox.understand.LetterUnderstanding;
import org.pobox.understand.Understander;
import org.pobox.understand.duplicates.DuplicateSignature;
import org.pobox.understand.duplicates.RecentMatters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The understand step of the pipeline: classifies a letter, takes the writer's identity out of
 * its searchable text, and links it to the first letter of the same matter (重复信访) if one is
 * indexed. Duplicates are linked, never dropped.
 */
public class UnderstandStage {

    private static final Logger LOG = LoggerFactory.getLogger(UnderstandStage.class);

    /** 30 x 0.2 s: a first letter read by the other worker is indexed well within this. */
    private static final int JUST_SEEN_ATTEMPTS = 30;

    private final Understander reader;
    private final LetterIndex index;
    private final RecentMatters recent = new RecentMatters();

    public UnderstandStage(Understander reader, LetterIndex index) {
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
        return understand(letter, rereadOf, null);
    }

    /**
     * @param indexName the index the letter will be written to when not the alias ({@code pobox
     *                  reindex}'s new index): earlier letters of the same matter are looked for there
     */
    public LetterDocument understand(Letter letter, String rereadOf, String indexName) {
        LetterIndex index = this.index.in(indexName);
        // the envelope gives the postmark date, and its sender lines the writer of an unsigned letter
        LetterUnderstanding u = reader.understand(letter.text(), letter.envelopeText(), letter.receivedAt());
        List<Page> masked = letter.pages().stream()
                .map(p -> p.masked(p.envelope() ? reader.envelopeMask(p.text(), u.reporter()) : t -> reader.mask(t, u.reporter())))
                .toList();
        Letter searchable = Letter.of(letter.id(), letter.fileNames(), letter.archiveName(), letter.receivedAt(), masked,
                letter.reviewReasons());
        DuplicateSignature signature = reader.signature(searchable.text());

        String duplicateOf = null;
        String shared = null;
        int repeatCount = 0;
        if (rereadOf == null) {
            boolean justSeen = false;
            // one lookup at a time: two copies read side by side must not both find no first letter
            synchronized (recent) {
                LetterIndex.Candidate first = index.firstOfSameMatter(signature, letter.id());
                if (first != null) {
                    duplicateOf = first.id();
                    shared = first.shared();
                } else {
                    RecentMatters.First recentFirst = recent.firstOf(signature, letter.id());
                    if (recentFirst != null) {
                        duplicateOf = recentFirst.id();
                        shared = recentFirst.shared();
                        justSeen = true;
                    }
                }
                recent.add(letter.id(), duplicateOf != null ? duplicateOf : letter.id(), signature);
            }
            if (duplicateOf != null) {
                repeatCount = justSeen ? countRepeatOfJustSeen(index, duplicateOf) : index.countRepeat(duplicateOf);
                LOG.info("letter {} repeats letter {} (repeat {})", shortId(letter.id()), shortId(duplicateOf), repeatCount);
            }
        }
        LOG.info("letter {} understood: subject {}, region {}, in scope {}", shortId(letter.id()), u.subject(),
                u.region(), u.inScope());
        LetterUnderstanding understood = duplicateOf == null ? u : u.with(new Explanation("duplicate_of", duplicateOf,
                "similar own sentences + the same people, places and numbers", 1, List.of(new Evidence(shared, 0, 0, "shared"))));
        return new LetterDocument(searchable, understood, signature, duplicateOf, repeatCount);
    }

    /**
     * Counts a repeat on a first letter understood moments ago: it may still be on its way into the
     * index (read by the other worker), so a missing document is waited for, briefly.
     */
    private static int countRepeatOfJustSeen(LetterIndex index, String firstId) {
        for (int attempt = 0; ; attempt++) {
            try {
                return index.countRepeat(firstId);
            } catch (org.pobox.node.EngineUnavailableException e) {
                if (attempt >= JUST_SEEN_ATTEMPTS || !e.getMessage().contains("document_missing")) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }

    /**
     * HanLP loads its dictionaries on first use: done on a spare core while Camel starts, not by the
     * first letter while the other worker waits. Made-up text, nothing logged.
     */
    static void warmUp(Understander reader) {
        Thread t = new Thread(() -> {
            try {
                reader.understand("尊敬的领导：某街道某村干部侵占征地补偿款。此致 敬礼", "", java.time.Instant.now());
            } catch (RuntimeException e) {
                LOG.debug("understanding warm-up failed: {}", e.toString()); // the first letter will say why
            }
        }, "understand-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
