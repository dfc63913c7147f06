package org.pobox.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.understand.corpus.GeneratedLetter;
import org.pobox.understand.corpus.LetterGenerator;
import org.pobox.understand.subject.CorrectedLabels;
import org.pobox.understand.subject.LabelCorrection;
import org.pobox.understand.subject.LabelledLetter;
import org.pobox.understand.subject.NaiveBayes;
import org.pobox.understand.subject.SubjectClassifier;

class SubjectTest {
    private static final Instant NOW = Instant.parse("2020-06-01T00:00:00Z");

    private static LetterUnderstanding read(Understander reader, String text) {
        return reader.understand(text, null, NOW);
    }

    @Test
    void rulesFindTheCategoryAndItsDiscipline() {
        LetterUnderstanding u = read(Readers.RULES_ONLY, "龙山街道党工委书记孙某给儿子操办婚礼大操大办，借机敛财，还经常公车私用。");
        assertThat(u.subject()).isEqualTo("违反中央八项规定精神");
        assertThat(u.discipline()).isEqualTo("廉洁纪律");
        assertThat(read(Readers.RULES_ONLY, "区委组织部有人买官卖官，任人唯亲，违规提拔亲戚。").discipline()).isEqualTo("组织纪律");
        assertThat(read(Readers.RULES_ONLY, "村霸横行，有人充当黑恶势力的保护伞。").subject()).isEqualTo("涉黑涉恶保护伞");
    }

    @Test
    void twoSubjectsOneDominant() {
        String text = "南阡村党支部书记王某优亲厚友，把低保给了亲戚，扶贫资金被他层层克扣，征地补偿款也少发。另外他还经常赌博。";
        LetterUnderstanding u = read(Readers.RULES_ONLY, text);
        assertThat(u.subject()).isEqualTo("侵害群众利益");
        assertThat(u.subjects()).containsExactly("侵害群众利益", "生活作风");
        Explanation why = u.explain().stream().filter(e -> e.field().equals("subject")).findFirst().orElseThrow();
        assertThat(why.evidence()).extracting(Evidence::text).contains("低保", "扶贫资金", "赌博");
        Evidence low = why.evidence().stream().filter(e -> e.text().equals("低保")).findFirst().orElseThrow();
        assertThat(text.substring(low.start(), low.end())).isEqualTo("低保");
    }

    @Test
    void theModelLearnsColloquialPhrasingTheRulesDoNotList() {
        String colloquial = "他给人办事都要拿钱，少了还不行，家里买了好几套房子。";
        assertThat(read(Readers.RULES_ONLY, colloquial).subject()).isEqualTo(SubjectClassifier.OTHER);
        Understander trained = Readers.RULES_ONLY.retrain(training(300));
        assertThat(read(trained, colloquial).subject()).isEqualTo("贪污贿赂");
    }

    @Test
    void theModelIsSavedAndLoaded(@TempDir Path dir) {
        NaiveBayes model = SubjectClassifier.train(training(200));
        Path file = dir.resolve("models/subject.json");
        SubjectClassifier.save(model, file);
        NaiveBayes loaded = SubjectClassifier.load(file);
        String text = "找他办事，一拖就是大半年，问就说等通知。";
        Understander a = new Understander(Readers.SEEDS, model);
        Understander b = Understander.fromSeeds(Readers.SEEDS.dir(), file);
        assertThat(read(b, text).subject()).isEqualTo(read(a, text).subject());
        assertThat(loaded.classDocs()).isEqualTo(model.classDocs());
    }

    @Test
    void aCorrectionChangesTheStoredLabelAndTheNextTraining() {
        String text = "楼里的电梯坏了半年，找谁都没用，问就说等着吧。"; // no taxonomy phrase: the model decides
        List<LabelledLetter> letters = new ArrayList<>(training(200));
        for (int i = 0; i < 30; i++) letters.add(new LabelledLetter("L" + i, text, "其他"));
        Understander before = Readers.RULES_ONLY.retrain(letters);
        assertThat(read(before, text).subject()).isEqualTo("其他");

        List<LabelCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            corrections.add(new LabelCorrection("L" + i, "subject", "其他", "形式主义官僚主义", "investigator-7",
                    Instant.parse("2020-06-10T08:00:00Z")));
        }
        // an older correction of the same letter loses to the newer one
        corrections.add(new LabelCorrection("L0", "subject", "其他", "生活作风", "investigator-2", Instant.parse("2020-06-09T08:00:00Z")));
        List<LabelledLetter> corrected = CorrectedLabels.apply(letters, corrections);
        assertThat(corrected.stream().filter(l -> l.id().equals("L0")).findFirst().orElseThrow().subject())
                .isEqualTo("形式主义官僚主义");
        Understander after = before.retrain(corrected);
        assertThat(read(after, text).subject()).isEqualTo("形式主义官僚主义");
    }

    private static List<LabelledLetter> training(int n) {
        List<LabelledLetter> out = new ArrayList<>();
        for (GeneratedLetter g : new LetterGenerator(Readers.SEEDS, 1).generate(n)) {
            out.add(new LabelledLetter(g.id(), g.body(), g.truth().subject()));
        }
        return out;
    }

    @Test
    void theMainSubjectIsWhatMostSentencesAreAbout() {
        // three sentences about money taken, one aside about a subsistence allowance: bribery first
        String text = "尊敬的领导：\n我们反映东港村支部书记孔某的问题。孔某承包修桥的时候收了老板的回扣八万元。"
                + "村里卖沙子的钱他全部装进了自己的腰包，账上一分没有，去向不明。"
                + "他还伙同会计私分了集体的钱。另外，他把低保给了自己的外甥。\n此致\n敬礼";
        LetterUnderstanding u = read(Readers.RULES_ONLY, text);
        assertThat(u.subject()).isEqualTo("贪污贿赂");
        assertThat(u.subjects()).contains("侵害群众利益");
    }

    @Test
    void aWordInsideALongerWordIsNoEvidence() {
        // 知情人 holds 情人 and 知情群众 holds nothing of 生活作风: the letter is about a grand banquet
        String text = "据知情人讲，镇长孔某给儿子办升学宴，大操大办，摆了四十桌，借机敛财。";
        LetterUnderstanding u = read(Readers.RULES_ONLY, text);
        assertThat(u.subject()).isEqualTo("违反中央八项规定精神");
        assertThat(u.subjects()).doesNotContain("生活作风");
        Explanation why = u.explain().stream().filter(e -> e.field().equals("subject")).findFirst().orElseThrow();
        assertThat(why.evidence()).extracting(Evidence::text).doesNotContain("情人");
    }

    @Test
    void aPhraseBrokenAcrossLinesIsStillFoundAndPointsIntoTheText() {
        String text = "村主任孔某挪用公款，还收受贿\n赂，群众意见很大。";
        LetterUnderstanding u = read(Readers.RULES_ONLY, text);
        assertThat(u.subject()).isEqualTo("贪污贿赂");
        Evidence e = u.explain().stream().filter(x -> x.field().equals("subject")).findFirst().orElseThrow()
                .evidence().stream().filter(x -> x.text().equals("收受贿赂")).findFirst().orElseThrow();
        assertThat(text.substring(e.start(), e.end())).isEqualTo("收受贿\n赂");
    }
}
