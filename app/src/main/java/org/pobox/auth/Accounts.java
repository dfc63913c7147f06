package org.pobox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts: creation, login with lock-out, API tokens. There is no default account: the first
 * admin is made with {@code pobox user add --role admin NAME}.
 */
public final class Accounts {

    /** Consecutive failed logins that lock an account ... */
    public static final int MAX_FAILURES = 5;
    /** ... for this long. An admin can unlock earlier. */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final LoginFailures failures;
    private final Clock clock;

    public Accounts(UserStore users) {
        this(users, Clock.systemUTC());
    }

    public Accounts(UserStore users, Clock clock) {
        this.users = users;
        this.failures = new LoginFailures(users.engine(), users.lettersAlias(), MAX_FAILURES, LOCK_TIME);
        this.clock = clock;
    }

    public UserStore store() {
        return users;
    }

    public enum Outcome { OK, BAD_CREDENTIALS, LOCKED }

    public record LoginResult(Outcome outcome, Viewer viewer) {
    }

    public User add(String name, Set<Role> roles, char[] password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 2-64 letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        User u = new User(name, roles, Passwords.hash(new String(password)), List.of());
        users.create(u);
        return u;
    }

    public User setRoles(String name, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        return users.update(name, u -> u.withRoles(roles));
    }

    public void setPassword(String name, char[] password) {
        String hash = Passwords.hash(new String(password));
        users.update(name, u -> u.withPasswordHash(hash));
    }

    /** Lifts the user's lock-outs from every address. */
    public void unlock(String name) {
        require(name);
        failures.clear(name);
    }

    /** The addresses from which the user is locked out now (empty: not locked). */
    public List<String> lockedFrom(String name) {
        return failures.lockedAddresses(name, clock.instant());
    }

    /**
     * Checks a password from {@code address}. The attempt is counted first (see
     * {@link LoginFailures}): the {@link #MAX_FAILURES}th failure of the same name from the same
     * address locks that pair for {@link #LOCK_TIME}, and a locked pair is refused without a check,
     * whether the name exists or not. The owner logging in from elsewhere is not locked out.
     */
    public LoginResult login(String name, char[] password, String address) {
        String n = name == null ? "" : name;
        if (!failures.attempt(n, address, clock.instant())) {
            return new LoginResult(Outcome.LOCKED, null);
        }
        Optional<User> found = NAME.matcher(n).matches() ? users.get(n) : Optional.empty();
        // checked also for a name that does not exist, so both take the same time
        boolean ok = Passwords.matches(new String(password == null ? new char[0] : password),
                found.map(User::passwordHash).orElse(null));
        if (found.isEmpty() || !ok) {
            return new LoginResult(Outcome.BAD_CREDENTIALS, null);
        }
        failures.succeeded(n, address);
        User u = found.get();
        return new LoginResult(Outcome.OK, new Viewer(u.name(), u.roles()));
    }

    /** A new API token for the CLI; only its hash is kept, so it is shown once. */
    public String newToken(String name) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "pbx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        users.update(name, u -> {
            List<String> hashes = new ArrayList<>(u.tokenHashes());
            hashes.add(sha256(token));
            return u.withTokenHashes(hashes);
        });
        return token;
    }

    public void revokeTokens(String name) {
        users.update(name, u -> u.withTokenHashes(List.of()));
    }

    /** A token's user. Not subject to the password lock-out: guessing a 256-bit token is hopeless. */
    public Optional<Viewer> byToken(String token) {
        if (token == null || !token.startsWith("pbx_")) {
            return Optional.empty();
        }
        return users.byTokenHash(sha256(token)).map(u -> new Viewer(u.name(), u.roles()));
    }

    public Optional<Viewer> viewer(String name) {
        return users.get(name).map(u -> new Viewer(u.name(), u.roles()));
    }

    private User require(String name) {
        return users.get(name).orElseThrow(() -> new IllegalArgumentException("no user " + name));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
