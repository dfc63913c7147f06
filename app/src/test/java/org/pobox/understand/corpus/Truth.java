package org.pobox.understand.corpus;

import java.time.LocalDate;
import java.util.List;

/** The true labels of a generated letter. */
public record Truth(String subject, List<String> subjects, String region, String targetLevel, boolean inScope,
                    String forwardTo, boolean signed, String reporterName, String phone, String idNumber,
                    String address, LocalDate letterDate, LocalDate postmarkDate, boolean late, List<String> hardCases) {}
