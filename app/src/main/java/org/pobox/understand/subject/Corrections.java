package org.pobox.understand.subject;

import org.pobox.understand.Correction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applies investigators' subject corrections to training letters: the latest correction of a letter wins. */
public final class Corrections {
    public static final String SUBJECT = "subject";

    private Corrections() {}

    public static List<LabelledLetter> apply(List<LabelledLetter> letters, List<Correction> corrections) {
        Map<String, Correction> latest = new HashMap<>();
        corrections.stream()
                .filter(c -> SUBJECT.equals(c.field()))
                .sorted(Comparator.comparing(Correction::when))
                .forEach(c -> latest.put(c.letterId(), c));
        List<LabelledLetter> out = new ArrayList<>(letters.size());
        for (LabelledLetter l : letters) {
            Correction c = latest.get(l.id());
            out.add(c == null ? l : new LabelledLetter(l.id(), l.text(), c.newValue()));
        }
        return out;
    }
}
