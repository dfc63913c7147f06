package org.pobox.intake;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The letters being read right now, by id, so that the same bytes taken twice at once (two
 * copies under two names, one on each worker) are read once: the first copy reads the letter,
 * every other copy waits for how that ended and then only adds its name (or fails with the
 * same reason). The index cannot tell: a letter is in it only once it is read.
 */
final class InFlight {

    /** How the first copy of some bytes ended. */
    enum Outcome { INDEXED, FAILED, UNFINISHED }

    /**
     * @param reason   why the first copy failed (FAILED)
     * @param letterId the letter the bytes are in (INDEXED): their own, or the letter of pages they are in
     */
    record Result(Outcome outcome, String reason, String letterId) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Result>> reading = new ConcurrentHashMap<>();

    /** Null when the caller now reads the letter {@code id} (and must {@link #done} it), else the first copy's future. */
    CompletableFuture<Result> claim(String id) {
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> other = reading.putIfAbsent(id, mine);
        return other;
    }

    void done(String id, Result result) {
        CompletableFuture<Result> f = reading.remove(id);
        if (f != null) {
            f.complete(result);
        }
    }

    /**
     * How the first copy ended. Not interruptible: a copy interrupted while it waits (a forced
     * shutdown) would otherwise fail to failed/ for no fault of its own; the first copy always
     * ends, and tells.
     */
    static Result await(CompletableFuture<Result> first) {
        try {
            return first.join();
        } catch (java.util.concurrent.CompletionException e) {
            return new Result(Outcome.UNFINISHED, null, null);
        }
    }
}
