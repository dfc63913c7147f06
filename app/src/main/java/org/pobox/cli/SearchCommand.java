package org.pobox.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.config.PoboxConfig;
import org.pobox.node.SearchEngine;
import org.pobox.search.Access;
import org.pobox.search.Highlight;
import org.pobox.search.LetterFinder;
import org.pobox.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find letters by Chinese words, best first, with highlighted snippets (hits in 【】).",
                "Investigator's rules: no reporter identity, no sealed letters; audited. \"exact phrase\" and -word work."})
final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words every letter must contain, e.g. 补偿款 村委会")
    List<String> words;

    @Option(names = {"-n", "--size"}, defaultValue = "10", description = "How many letters to show (default ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() throws java.io.IOException {
        PoboxConfig config = PoboxConfig.load();
        String alias = config.get("pobox.index.alias");
        try (SearchEngine engine = SearchEngine.open(config)) {
            if (!engine.client().client().indices().exists(e -> e.index(alias)).value()) {
                System.out.println("0 letters match: nothing is indexed yet (pobox batch indexes what is in the inbox)");
                return 1;
            }
            LetterFinder finder = new LetterFinder(engine.client(), alias);
            SearchRequest req = new SearchRequest(String.join(" ", words), Map.of(), null, null, "relevance", 1, size);
            LetterFinder.Results results = finder.search(req, Access.INVESTIGATOR);
            new AuditLog(engine.client(), alias).record(AuditEntry.of(UserCommand.operator(), "search", "local", "ok")
                    .search(finder.maskIdentity(req.text()), req.auditFilters(), results.total()));
            System.out.printf("%d letters match%n", results.total());
            int rank = 1;
            for (Map<String, Object> r : results.hits()) {
                String id = String.valueOf(r.get("id"));
                System.out.printf("%n%d. %s  %s  %s  %s page(s)  received %s  score %.2f%n", rank++,
                        r.getOrDefault("registration_no", "-"), id.substring(0, Math.min(12, id.length())),
                        r.getOrDefault("file_names", List.of()), r.getOrDefault("page_count", 0),
                        r.get("received_at"), r.get("score") instanceof Number n ? n.doubleValue() : 0);
                // the finder already joined lines between Chinese characters; any other line break
                // (after a number, a Latin word) reads as a space on one line
                for (Object s : (List<?>) r.getOrDefault("snippets", List.of())) {
                    System.out.println("   …" + String.valueOf(s).replace(Highlight.PRE, "【").replace(Highlight.POST, "】")
                            .replaceAll("\\s+", " ") + "…");
                }
            }
            return results.total() > 0 ? 0 : 1;
        }
    }
}
