package org.pobox.understand.subject;

import org.pobox.understand.Evidence;

import java.util.List;
import java.util.Map;

/** The main category, every category found (main first), the discipline, scores and the phrases that fired. */
public record SubjectResult(String subject, List<String> subjects, String discipline, Map<String, Double> scores,
                            String method, List<Evidence> evidence) {}
