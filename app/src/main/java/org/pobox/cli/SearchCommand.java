package org.pobox.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.pipeline.Engine;
import org.pobox.search.LetterSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find letters by Chinese words, best first, with highlighted snippets (hits in 【】).")
final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words every letter must contain, e.g. 补偿款 村委会")
    List<String> words;

    @Option(names = {"-n", "--size"}, defaultValue = "10", description = "How many letters to show (default ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() {
        PoboxConfig config = PoboxConfig.load();
        try (Engine engine = Engine.open(config)) {
            LetterSearch.Results results = new LetterSearch(engine.client(), config.get("pobox.index.alias"))
                    .search(String.join(" ", words), size);
            System.out.printf("%d letters match%n", results.total());
            int rank = 1;
            for (LetterSearch.Result r : results.hits()) {
                System.out.printf("%n%d. %s  %s  %d page(s)  received %s  score %.2f%n", rank++,
                        r.id().substring(0, 12), String.join(", ", r.fileNames()), r.pageCount(), r.receivedAt(), r.score());
                for (String s : r.snippets()) {
                    System.out.println("   …" + s.replaceAll("\\s+", " ") + "…");
                }
            }
            return results.total() > 0 ? 0 : 1;
        }
    }
}
