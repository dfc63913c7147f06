package org.pobox.understand.round;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;
import java.util.List;

/** One inspection round as described by a {@code seeds/round-*.yaml} file. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Round(
        String code,
        String team,
        String inspectedUnit,
        String district,
        LocalDate workStart,
        LocalDate workEnd,
        LocalDate lastDay,
        Integer mailTransitDays,
        String phone,
        String poBox,
        List<Box> boxes,
        List<String> inScopeLevels,
        List<String> outOfScopeSubjects,
        Forward forward,
        String taxonomy,
        String regions,
        String villages,
        String posts) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Box(int number, String address, String spot) {}

    /** Where letters outside the remit go (转交有关部门). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Forward(String litigationSubject, String litigationTo, String villageCadreTo, String defaultTo) {}

    /** Days a letter is assumed to spend in the mail when neither postmark nor letter date is readable. */
    public int mailTransitDaysOrZero() {
        return mailTransitDays == null ? 0 : mailTransitDays;
    }

    public boolean inScope(String level) {
        return level != null && inScopeLevels.contains(level);
    }

    /** Subjects the remit leaves out whatever the level (涉法涉诉 goes to the political-legal organs). */
    public boolean subjectInScope(String subject) {
        return outOfScopeSubjects == null || !outOfScopeSubjects.contains(subject);
    }
}
