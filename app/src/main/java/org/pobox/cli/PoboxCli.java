package org.pobox.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pobox}: the command line of the mailroom and the investigators.
 *
 * <p>Exit status, for every command (cron and systemd act on it): 0 done; 1 done, but some files
 * failed ({@code batch}, {@code reindex}) or nothing was found ({@code search}); 2 could not run: a
 * bad command line, bad configuration, the engine unreachable, another batch working, and any
 * unexpected error (never 1: that would read as "some files failed").
 */
@Command(name = "pobox", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scanned letters to an inspection team's PO box become a searchable record.",
        subcommands = {RunCommand.class, BatchCommand.class, StatusCommand.class, ReportCommand.class, ReindexCommand.class, SearchCommand.class, NodeCommand.class, TrainCommand.class,
                ServeCommand.class, ShowCommand.class, UserCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class PoboxCli {

    static final int COULD_NOT_RUN = 2;
    private static final Logger LOG = LoggerFactory.getLogger(PoboxCli.class);

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        // a bad command line is picocli's usage error, exit 2 already (CliConventionsTest checks it)
        return new CommandLine(new PoboxCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(PoboxCli::unexpected)
                .execute(args);
    }

    /** An exception no command handled: one readable line for the operator, the stack trace in the log, exit 2. */
    private static int unexpected(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        LOG.error("pobox {} failed", command.getCommandName(), e);
        command.getErr().printf("pobox %s: could not run: %s (details in the log)%n", command.getCommandName(),
                e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        command.getErr().flush();
        return COULD_NOT_RUN;
    }
}
