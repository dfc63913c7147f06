package org.pobox.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.index.CorrectionStore;
import org.pobox.index.LetterIndex;
import org.pobox.node.SearchEngine;
import org.pobox.understand.subject.LabelledLetter;
import org.pobox.understand.subject.SubjectClassifier;
import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Retrain the subject model from the indexed letters and every correction people made.",
                "The next run or batch classifies with it (pobox.understand.model)."})
final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PoboxConfig config = PoboxConfig.load();
        Path modelFile = config.path("pobox.understand.model");
        try (SearchEngine engine = SearchEngine.open(config)) {
            String alias = config.get("pobox.index.alias");
            LetterIndex index = new LetterIndex(engine.client(), alias, config.getInt("pobox.index.version"));
            List<LabelledLetter> letters = org.pobox.understand.subject.CorrectedLabels.apply(index.labelledLetters(),
                    new CorrectionStore(engine.client(), alias).forTraining());
            if (letters.isEmpty()) {
                System.err.println("pobox train: no classified letters to learn from yet");
                return 1;
            }
            SubjectClassifier.save(SubjectClassifier.train(letters), modelFile);
            System.out.printf("subject model trained on %d letters: %s%n", letters.size(), modelFile);
            return 0;
        }
    }
}
