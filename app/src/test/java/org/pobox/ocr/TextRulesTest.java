package org.pobox.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pobox.letter.Page;

/** The text rules of the OCR stage: text layers worth using, envelopes, review reasons. */
class TextRulesTest {

    @Test
    void aTextLayerOfRealCharactersIsUsedAndBrokenEncodingsAreNot() {
        assertThat(TextLayers.usable("巡视组的领导同志们，你们好！我村村主任挪用扶贫资金。")).isTrue();
        assertThat(TextLayers.usable("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD巡视")).isFalse();
        assertThat(TextLayers.usable("\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A")).isFalse();
        assertThat(TextLayers.usable("第1页")).isFalse();
    }

    @Test
    void anEnvelopeIsShortAndAddressedAndALetterMentioningAPostBoxIsNot() {
        assertThat(Envelopes.isEnvelope("北京市西城区邮政专用信箱1001号\n中央第三巡视组 收\n邮政编码 100032")).isTrue();
        assertThat(Envelopes.isEnvelope("山东省济南市 250001\n省委巡视组办公室收")).isTrue();
        String letter = "巡视组的领导同志们，你们好！我们按照公告写信到邮政专用信箱，反映村主任挪用扶贫资金修建办公楼的问题，"
                + "群众意见很大，请求上级派人调查，以上情况属实。村委会换届时花钱拉票，选举过程不公开不透明，请领导重视。"
                + "举报人：李永利 2020年7月18日";
        assertThat(Envelopes.isEnvelope(letter)).isFalse();
        assertThat(Envelopes.isEnvelope("")).isFalse();
    }

    @Test
    void reviewIsAskedForLowConfidenceLittleTextAndHandwriting() {
        String text = "巡视组的领导同志们，你们好！我村村主任挪用扶贫资金修建办公楼，群众意见很大。";
        List<Page.Line> sure = List.of(line(0.99), line(0.98), line(0.97), line(0.99));
        List<Page.Line> middling = List.of(line(0.85), line(0.82), line(0.97), line(0.86));
        assertThat(Review.reasons(List.of(page(text, 0.97, 0.01, sure)))).isEmpty();
        assertThat(Review.reasons(List.of(page(text, 0.70, 0.3, sure)))).containsExactly(Review.LOW_CONFIDENCE);
        assertThat(Review.reasons(List.of(page("此致", 0.97, 0.0, sure)))).containsExactly(Review.LITTLE_TEXT);
        assertThat(Review.reasons(List.of(page(text, 0.86, 0.05, middling)))).containsExactly(Review.HANDWRITING_SUSPECTED);
        // Tesseract's line scores are lower on clean print: they do not suggest handwriting
        Page tesseract = new Page(1, text, 0.9, "tesseract", null, 0.01, false, middling);
        assertThat(Review.reasons(List.of(tesseract))).isEmpty();
        // an envelope's text does not count as the letter's
        Page envelope = new Page(1, text, 0.5, "paddle", null, 0.5, true, List.of());
        assertThat(Review.reasons(List.of(envelope, page(text, 0.97, 0.01, sure)))).isEmpty();
    }

    @Test
    void aPageWithManyDoubtfulCharactersIsReviewedEvenWhenItsLinesScoreHigh() {
        String text = "巡视组的领导同志们，你们好！我村村主任挪用扶贫资金修建办公楼，群众意见很大。";
        List<Page.Line> sure = List.of(line(0.98), line(0.97), line(0.99), line(0.97));
        // a hurried hand: every line above 0.95 on average, yet one character in 30 doubtful
        assertThat(Review.reasons(List.of(page(text, 0.975, 0.033, sure)))).containsExactly(Review.HANDWRITING_SUSPECTED);
        // clean print has a few doubtful characters too, and is not sent to review for them
        assertThat(Review.reasons(List.of(page(text, 0.99, 0.013, sure)))).isEmpty();
        // Tesseract's share is not on the same scale
        assertThat(Review.reasons(List.of(new Page(1, text, 0.95, "tesseract", null, 0.04, false, sure)))).isEmpty();
    }

    /**
     * A letter written in traditional characters: the recogniser cannot write some of them, so
     * its text may lack words that are on the scan. A simplified letter that names one
     * traditional character (a shop sign, a name) is not such a letter.
     */
    @Test
    void aLetterInTraditionalCharactersIsPutBeforeAReader() {
        List<Page.Line> sure = List.of(line(0.99), line(0.98), line(0.97), line(0.99));
        String traditional = "巡視組的領導同志們：我們村的幹部把扶貧款挪作他用，群衆意見很大，請求上級派人調查處理。";
        String simplified = "巡视组的领导同志们：我们村的干部把扶贫款挪作他用，群众意见很大，请求上级派人调查处理。"
                + "他在镇上开的店叫「鑫發超市」。";

        assertThat(Review.reasons(List.of(page(traditional, 0.99, 0.01, sure)))).containsExactly(Review.TRADITIONAL_SCRIPT);
        assertThat(Review.reasons(List.of(page(simplified, 0.99, 0.01, sure)))).isEmpty();
    }

    private static Page page(String text, double confidence, double lowShare, List<Page.Line> lines) {
        return new Page(1, text, confidence, "paddle", null, lowShare, false, lines);
    }

    private static Page.Line line(double score) {
        return new Page.Line("行", score, new double[4], new double[4]);
    }
}
