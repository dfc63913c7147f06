package org.pobox.understand.subject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applies investigators' subject corrections to training letters: the latest correction of a letter wins. */
public final class CorrectedLabels {
    public static final String SUBJECT = "subject";

    private CorrectedLabels() {}

    public static List<LabelledLetter> apply(List<LabelledLetter> letters, List<LabelCorrection> corrections) {
        Map<String, LabelCorrection> latest = new HashMap<>();
        corrections.stream()
                .filter(c -> SUBJECT.equals(c.field()))
                .sorted(Comparator.comparing(LabelCorrection::when))
                .forEach(c -> latest.put(c.letterId(), c));
        List<LabelledLetter> out = new ArrayList<>(letters.size());
        for (LabelledLetter l : letters) {
            LabelCorrection c = latest.get(l.id());
            out.add(c == null ? l : new LabelledLetter(l.id(), l.text(), c.newValue()));
        }
        return out;
    }
}
