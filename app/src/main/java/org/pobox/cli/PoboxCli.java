package org.pobox.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pobox}: the command line of the mailroom and the investigators. */
@Command(name = "pobox", mixinStandardHelpOptions = true, version = "pobox 0.1.0",
        description = "Scanned letters to an inspection team's PO box become a searchable record.",
        subcommands = {RunCommand.class, BatchCommand.class, StatusCommand.class, ReportCommand.class, ReindexCommand.class, SearchCommand.class, NodeCommand.class, TrainCommand.class,
                ServeCommand.class, ShowCommand.class, UserCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class PoboxCli {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new PoboxCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
