package org.pobox.understand.subject;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** An investigator's correction of one field of one letter: kept with who made it and when. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LabelCorrection(String letterId, String field, String oldValue, String newValue, String who, Instant when) {}
