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

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit's hash chain: every entry present, in order, unchanged since pobox wrote it.",
                    "Exit 0 when whole, 1 with the first entry changed, deleted or added outside pobox."})
    int verify() {
        PoboxConfig config = PoboxConfig.load();
        try (SearchEngine engine = SearchEngine.open(config)) {
            AuditLog.Verification v = new AuditLog(engine.client(), config.get("pobox.index.alias")).verify();
            String before = v.unchained() > 0 ? " (and " + v.unchained() + " older entries from before the chain)" : "";
            if (v.ok()) {
                System.out.printf("audit whole: %d entries in the chain%s%n", v.entries(), before);
                return 0;
            }
            System.out.printf("audit BROKEN: %s; the %d entries before it are whole%s%n", v.problem(), v.entries(), before);
            return 1;
        }
    }

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
