package org.pobox.understand.subject;

import com.hankcs.hanlp.seg.common.Term;
import org.pobox.understand.text.Normalizer;

import java.util.ArrayList;
import java.util.List;

/** What the subject model sees: HanLP words of two or more characters and character bigrams. */
public final class Features {
    private Features() {}

    public static List<String> of(String text, List<Term> terms) {
        List<String> out = new ArrayList<>(terms.size() + text.length());
        for (Term t : terms) {
            if (t.word.length() >= 2 && Normalizer.isHan(t.word.charAt(0))) out.add("w:" + t.word);
        }
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Normalizer.isHan(c)) { prev = 0; continue; }
            if (prev != 0) out.add("b:" + prev + c);
            prev = c;
        }
        return out;
    }
}
