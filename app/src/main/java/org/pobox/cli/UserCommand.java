package org.pobox.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.Role;
import org.pobox.auth.User;
import org.pobox.auth.UserStore;
import org.pobox.config.PoboxConfig;
import org.pobox.node.SearchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage accounts on this machine (the first admin comes from here; there is no default password).",
                "Passwords are read from the console, or from the first line of standard input."},
        subcommands = {UserCommand.Add.class, UserCommand.List_.class, UserCommand.Roles.class, UserCommand.Password.class,
                UserCommand.Unlock.class, UserCommand.Token.class, UserCommand.Refused.class})
final class UserCommand {

    /** Who changed a user from the command line, for the audit. */
    static String operator() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    abstract static class Base implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            PoboxConfig config = PoboxConfig.load();
            String alias = config.get("pobox.index.alias");
            try (SearchEngine engine = SearchEngine.open(config)) {
                Accounts accounts = new Accounts(new UserStore(engine.client(), alias));
                AuditLog audit = new AuditLog(engine.client(), alias);
                try {
                    return run(accounts, audit);
                } catch (IllegalArgumentException e) {
                    System.err.println("pobox user: " + e.getMessage());
                    return 2;
                }
            }
        }

        abstract int run(Accounts accounts, AuditLog audit) throws IOException;

        void audited(AuditLog audit, String what) {
            audit.record(AuditEntry.of(operator(), "user_change", "local", "ok").detail(what));
        }
    }

    @Command(name = "refused", mixinStandardHelpOptions = true,
            description = {"List the user records pobox refuses because they do not match their signature: changed in the "
                    + "search engine directly, or made before records were signed (an upgrade).",
                    "With --sign NAME, sign that record again as it reads now, after checking its roles yourself."})
    static final class Refused extends Base {
        @Option(names = "--sign", paramLabel = "NAME", description = "Vouch for this record: sign it as it is")
        String sign;

        @Override
        int run(Accounts accounts, AuditLog audit) {
            java.util.List<User> refused = accounts.store().refused();
            if (sign == null) {
                refused.forEach(u -> System.out.printf("%s  roles=%s  tokens=%d  REFUSED%n", u.name(),
                        u.roles().stream().map(Role::id).sorted().toList(), u.tokenHashes().size()));
                System.out.printf("%d refused records%n", refused.size());
                return refused.isEmpty() ? 0 : 1;
            }
            User u = refused.stream().filter(x -> x.name().equals(sign)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no refused record " + sign));
            accounts.store().save(u);
            audited(audit, "signed again " + sign + " roles=" + u.roles().stream().map(Role::id).sorted().toList());
            System.out.println("user " + sign + " signed again with roles "
                    + u.roles().stream().map(Role::id).sorted().toList());
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add extends Base {
        @Option(names = "--role", required = true, split = ",",
                description = "mailroom, investigator, lead, admin (repeat or separate with commas)")
        List<String> roles;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, AuditLog audit) throws IOException {
            char[] password = readPassword("Password for " + name + ": ", true);
            try {
                accounts.add(name, roles(roles), password);
            } finally {
                Arrays.fill(password, '\0');
            }
            audited(audit, "add " + name);
            System.out.println("user " + name + " created with roles " + roles);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and their roles.")
    static final class List_ extends Base {
        @Override
        int run(Accounts accounts, AuditLog audit) {
            for (User u : accounts.store().list()) {
                System.out.printf("%-20s %-35s%s%n", u.name(), u.roles().stream().map(Role::id).sorted().toList(),
                        accounts.lockedFrom(u.name()).isEmpty() ? "" : " LOCKED from " + accounts.lockedFrom(u.name()));
            }
            return 0;
        }
    }

    @Command(name = "roles", mixinStandardHelpOptions = true, description = "Set a user's roles.")
    static final class Roles extends Base {
        @Option(names = "--role", required = true, split = ",")
        List<String> roles;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, AuditLog audit) {
            accounts.setRoles(name, roles(roles));
            audited(audit, "roles " + name);
            System.out.println("user " + name + " now has roles " + roles + " (takes effect at the next request)");
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true, description = "Set a new password.")
    static final class Password extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, AuditLog audit) throws IOException {
            char[] password = readPassword("New password for " + name + ": ", true);
            try {
                accounts.setPassword(name, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            audited(audit, "password " + name);
            System.out.println("password of " + name + " changed");
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Lift a lock-out after failed logins.")
    static final class Unlock extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, AuditLog audit) {
            accounts.unlock(name);
            audited(audit, "unlock " + name);
            System.out.println("user " + name + " unlocked");
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Make an API token for the CLI (pobox show/audit --token, or POBOX_TOKEN). Shown once.")
    static final class Token extends Base {
        @Option(names = "--revoke", description = "Revoke all of the user's tokens instead.")
        boolean revoke;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Accounts accounts, AuditLog audit) {
            if (revoke) {
                accounts.revokeTokens(name);
                audited(audit, "revoke_tokens " + name);
                System.out.println("tokens of " + name + " revoked");
            } else {
                String token = accounts.newToken(name);
                audited(audit, "token " + name);
                System.out.println(token);
            }
            return 0;
        }
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String n : names) {
            try {
                set.add(Role.of(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role " + n + " (mailroom, investigator, lead, admin)");
            }
        }
        return set;
    }

    /** From the console (typed twice, not echoed), else the first line of standard input. */
    static char[] readPassword(String prompt, boolean confirm) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword(prompt);
            if (confirm) {
                char[] again = console.readPassword("Again: ");
                if (!Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the passwords differ");
                }
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }
}
