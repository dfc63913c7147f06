package org.pobox.understand;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What pobox understood of one letter, with the stable field names (snake_case in JSON).
 * {@code reporter} is restricted: the index keeps it in access-controlled fields only.
 * {@code duplicate_of} and {@code repeat_count} are set by the indexer after its band-key query.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LetterUnderstanding(
        String subject,
        List<String> subjects,
        String discipline,
        String region,
        List<Target> targets,
        String targetLevel,
        boolean inScope,
        String forwardTo,
        boolean signed,
        Reporter reporter,
        LocalDate letterDate,
        LocalDate postmarkDate,
        Instant receivedAt,
        boolean late,
        List<Explanation> explain) {

    /** The same understanding with one more explanation (the pipeline's repeat link is found after it). */
    public LetterUnderstanding with(Explanation more) {
        List<Explanation> all = new java.util.ArrayList<>(explain);
        all.add(more);
        return new LetterUnderstanding(subject, subjects, discipline, region, targets, targetLevel, inScope, forwardTo,
                signed, reporter, letterDate, postmarkDate, receivedAt, late, List.copyOf(all));
    }
}
