package org.pobox.understand.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;

/** HanLP word segmentation with person-name recognition and offsets; one segmenter per thread. */
public final class Segmenter {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true)
            .enableOffset(true)
            .enablePartOfSpeechTagging(true));

    private Segmenter() {}

    public static List<Term> segment(String text) {
        return SEGMENT.get().seg(text);
    }

    /** HanLP's person-name tags: nr (Chinese), nr1, nr2, nrf, nrj. */
    public static boolean isPersonName(Term t) {
        return t.nature != null && t.nature.toString().startsWith("nr");
    }
}
