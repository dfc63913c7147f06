package org.pobox.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.config.PoboxConfig;
import org.pobox.node.SearchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit (newest first): logins, searches, views, exports, corrections, seals, user changes.")
final class AuditCommand implements Callable<Integer> {

    @Option(names = "--user", description = "Only this user")
    String user;
    @Option(names = "--action", description = "Only this action (login, search, view, page_image, export, correction, transcript, seal, unseal, user_change)")
    String action;
    @Option(names = "--letter", description = "Only entries about this letter id")
    String letter;
    @Option(names = "--since", description = "From this day on (yyyy-MM-dd)")
    LocalDate since;
    @Option(names = {"-n", "--size"}, defaultValue = "50", description = "How many entries (default ${DEFAULT-VALUE})")
    int size;

    @Override
    public Integer call() {
        PoboxConfig config = PoboxConfig.load();
        try (SearchEngine engine = SearchEngine.open(config)) {
            List<AuditEntry> entries = new AuditLog(engine.client(), config.get("pobox.index.alias")).find(new AuditLog.Filter(
                    user, action, letter, since == null ? null : since.atStartOfDay().toInstant(ZoneOffset.UTC), size));
            for (AuditEntry e : entries) {
                StringBuilder line = new StringBuilder();
                line.append(e.at()).append("  ").append(e.user()).append("  ").append(e.action()).append("  ")
                        .append(e.outcome()).append("  from ").append(e.ip());
                if (e.query() != null) {
                    line.append("  query=\"").append(e.query()).append('"');
                }
                if (e.filters() != null && !e.filters().isEmpty()) {
                    line.append("  filters=").append(e.filters());
                }
                if (e.hits() != null) {
                    line.append("  hits=").append(e.hits());
                }
                if (e.letterId() != null) {
                    line.append("  letter=").append(e.letterId(), 0, Math.min(16, e.letterId().length()));
                }
                if (e.page() != null) {
                    line.append("  page=").append(e.page());
                }
                if (e.detail() != null) {
                    line.append("  ").append(e.detail());
                }
                System.out.println(line);
            }
            System.out.printf("%d entries%n", entries.size());
            return 0;
        }
    }
}
