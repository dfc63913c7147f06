package org.pobox.understand.duplicates;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The matters of the letters this process understood in the last minute. The index shows a new
 * letter to searches only about a second after it is written, and copies of one matter often come
 * in the same batch (the same letter mailed to several boxes): without this, the second copy read
 * right after the first, or beside it on the other worker, would find no first letter.
 */
public final class RecentMatters {

    /** Longer than the index takes to show a letter to searches (its refresh interval, 1 s). */
    private static final long KEEP_NANOS = 60_000_000_000L;

    /** A letter just understood: its id, the first letter of its matter (itself if it is the first). */
    private record Seen(String id, String firstId, DuplicateSignature signature, long at) {
    }

    /** The first letter of the matter, and how alike the two letters are. */
    public record First(String id, double score, String shared) {
    }

    private final Deque<Seen> seen = new ArrayDeque<>();

    /** The first letter of the same matter among the recent letters (other than {@code id}), or null. */
    public synchronized First firstOf(DuplicateSignature signature, String id) {
        forgetOld();
        First best = null;
        for (Seen s : seen) {
            if (!s.id().equals(id) && signature.isDuplicateOf(s.signature())) {
                double score = signature.score(s.signature());
                if (best == null || score > best.score()) {
                    best = new First(s.firstId(), score, "with " + s.id() + ": " + signature.shared(s.signature()));
                }
            }
        }
        return best;
    }

    /** Remembers a letter understood now; {@code firstId} is its own id when it is the first of its matter. */
    public synchronized void add(String id, String firstId, DuplicateSignature signature) {
        forgetOld();
        seen.addLast(new Seen(id, firstId, signature, System.nanoTime()));
    }

    private void forgetOld() {
        long now = System.nanoTime();
        while (!seen.isEmpty() && now - seen.peekFirst().at() > KEEP_NANOS) {
            seen.removeFirst();
        }
    }
}
