package org.pobox.understand;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * Why a field got its value: the method (a rule name or "model"), a score, and the evidence.
 * Evidence never quotes restricted values (reporter name, phone, ID, address): only the cue words.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Explanation(String field, String value, String method, double score, List<Evidence> evidence) {}
