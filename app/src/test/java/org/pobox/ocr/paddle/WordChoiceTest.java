package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recogniser's alternatives for a doubtful character, chosen by the words they make. */
class WordChoiceTest {

    private static TextRecognizer.Line line(String text, int at, String options, double... probs) {
        return new TextRecognizer.Line(text, 0.9, 1,
                List.of(new TextRecognizer.Doubt(at, options.toCharArray(), probs)));
    }

    /** The line as pobox's default word choice (no seeds) reads it. */
    private static String chosen(String text, int at, String options, double... probs) {
        return new WordChoice(WordChoice.DEFAULT_WEIGHT).choose(line(text, at, options, probs)).text();
    }

    /** The words of the checkout's seeds. */
    private static Set<String> seeds() {
        return SeedWords.of(Path.of(System.getProperty("pobox.home", ".")).resolve("seeds"));
    }

    @Test
    void aDoubtfulCharacterTakesTheAlternativeThatMakesAWordWithItsNeighbours() {
        TextRecognizer.Line read = line("侵占群数补偿款", 3, "数众", 0.6, 0.4);

        assertThat(new WordChoice(WordChoice.DEFAULT_WEIGHT).choose(read).text()).isEqualTo("侵占群众补偿款");
        assertThat(new WordChoice(0).choose(read).text()).isEqualTo("侵占群数补偿款");
    }

    @Test
    void whenEveryOptionMakesAWordTheRecogniserDecides() {
        assertThat(chosen("他们村里的干部", 0, "他我", 0.8, 0.2))
                .isEqualTo("他们村里的干部");
        assertThat(chosen("我们村里的干部", 0, "我他", 0.8, 0.2))
                .isEqualTo("我们村里的干部");
    }

    @Test
    void theRoundsOwnPlaceNamesCountAsWords() {
        TextRecognizer.Line read = line("我是整山卫街道的", 2, "整鳌", 0.7, 0.3);
        Set<String> seeds = seeds();

        assertThat(seeds).contains("鳌山卫", "鳌山卫街道");
        assertThat(new WordChoice(WordChoice.DEFAULT_WEIGHT, seeds).choose(read).text()).isEqualTo("我是鳌山卫街道的");
    }

    @Test
    void aNameIsNotChangedForACharacterThatIsMoreCommonAlone() {
        assertThat(chosen("以吕田为首的一伙人", 2, "田由", 0.6, 0.4))
                .isEqualTo("以吕田为首的一伙人");
    }

    @Test
    void aLetterInTraditionalCharactersKeepsThem() {
        assertThat(chosen("巡視組的領導同志們", 4, "領领", 0.6, 0.4))
                .isEqualTo("巡視組的領導同志們");
    }

    @Test
    void aFullStopReadAsADegreeSignIsAFullStop() {
        TextRecognizer.Line read = line("收受礼金°村里", 4, "°。", 0.6, 0.3);

        assertThat(new WordChoice(WordChoice.DEFAULT_WEIGHT).choose(read).text()).isEqualTo("收受礼金。村里");
    }

    @Test
    void aClosingQuoteThatClosesNothingIsTheCommaItLooksLikeButAQuotationKeepsIt() {
        assertThat(chosen("没有招标”直接包给了", 4, "”，", 0.6, 0.3))
                .isEqualTo("没有招标，直接包给了");
        assertThat(chosen("他说“没有招标”直接", 7, "”，", 0.6, 0.3))
                .isEqualTo("他说“没有招标”直接");
    }

    @Test
    void seedWordsAreTheChineseRunsOfTheSeedsUpToEightCharacters() {
        Set<String> seeds = seeds();

        assertThat(seeds).contains("即墨区", "区委书记", "侵占").allMatch(w -> w.length() >= 2 && w.length() <= 8);
        assertThat(SeedWords.of(Path.of("no-such-folder"))).isEmpty();
    }
}
