package org.pobox.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.pobox.config.PoboxConfig;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;
import org.pobox.report.Report;
import org.pobox.report.ReportWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pobox report [--date D | --from A --to B]}: HTML, ledger CSV and JSON for days of receipt. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the report (HTML with charts, ledger CSV, JSON) for a day or a range of days (default: yesterday).")
final class ReportCommand implements Callable<Integer> {

    static final class Range {
        @Option(names = "--date", description = "One day, e.g. 2020-05-20.")
        LocalDate date;

        @ArgGroup(exclusive = false)
        FromTo fromTo;
    }

    static final class FromTo {
        @Option(names = "--from", required = true, description = "First day.")
        LocalDate from;

        @Option(names = "--to", required = true, description = "Last day (included).")
        LocalDate to;
    }

    @ArgGroup(exclusive = true)
    Range range;

    @Option(names = "--out", description = "Folder for the report files (default: pobox.report.dir).")
    Path out;

    @Override
    public Integer call() {
        PoboxConfig config = PoboxConfig.load();
        ZoneId zone = ZoneId.of(config.get("pobox.register.zone", "Asia/Shanghai"));
        LocalDate from;
        LocalDate to;
        if (range != null && range.date != null) {
            from = range.date;
            to = range.date;
        } else if (range != null && range.fromTo != null) {
            from = range.fromTo.from;
            to = range.fromTo.to;
        } else {
            from = LocalDate.now(zone).minusDays(1);
            to = from;
        }
        String url = config.externalEngineUrl().isEmpty()
                ? "http://127.0.0.1:" + config.get("pobox.node.port") : config.externalEngineUrl();
        try (EngineClient engine = org.pobox.node.SearchEngine.connectExternal(config, url, org.pobox.keys.Keys.of(config))) {
            Report.Data data = Report.build(engine, config.get("pobox.index.alias"), from, to, zone, config.failed(),
                    config.inbox(), config.path("pobox.register.file"));
            Path dir = out != null ? out : config.path("pobox.report.dir");
            String base = "report-" + from + (from.equals(to) ? "" : "_" + to);
            List<Path> files = ReportWriter.write(data, dir, base);
            files.forEach(f -> System.out.println(f));
            return 0;
        } catch (EngineUnavailableException e) {
            System.err.println("pobox report: the search engine is unreachable: " + e.getMessage());
            return 2;
        }
    }
}
