package org.pobox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Clock clock;

    public Accounts(UserStore users) {
        this(users, Clock.systemUTC());
    }

    public Accounts(UserStore users, Clock clock) {
        this.users = users;
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
        if (users.get(name).isPresent()) {
            throw new IllegalArgumentException("user " + name + " exists already");
        }
        User u = new User(name, roles, Passwords.hash(new String(password)), 0, null, List.of());
        users.save(u);
        return u;
    }

    public User setRoles(String name, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        User u = require(name).withRoles(roles);
        users.save(u);
        return u;
    }

    public void setPassword(String name, char[] password) {
        users.save(require(name).withPasswordHash(Passwords.hash(new String(password))));
    }

    public void unlock(String name) {
        users.save(require(name).withFailures(0, null));
    }

    /**
     * Checks a password. A locked account is refused even with the right password; the fifth
     * consecutive failure locks it for {@link #LOCK_TIME}.
     */
    public LoginResult login(String name, char[] password) {
        Optional<User> found = name == null ? Optional.empty() : users.get(name);
        boolean ok = Passwords.matches(new String(password == null ? new char[0] : password),
                found.map(User::passwordHash).orElse(null));
        if (found.isEmpty()) {
            return new LoginResult(Outcome.BAD_CREDENTIALS, null);
        }
        User u = found.get();
        Instant now = clock.instant();
        if (u.lockedAt(now)) {
            return new LoginResult(Outcome.LOCKED, null);
        }
        if (!ok) {
            int failed = u.failedLogins() + 1;
            users.save(u.withFailures(failed, failed >= MAX_FAILURES ? now.plus(LOCK_TIME) : null));
            return new LoginResult(failed >= MAX_FAILURES ? Outcome.LOCKED : Outcome.BAD_CREDENTIALS, null);
        }
        if (u.failedLogins() > 0 || u.lockedUntil() != null) {
            users.save(u.withFailures(0, null));
        }
        return new LoginResult(Outcome.OK, new Viewer(u.name(), u.roles()));
    }

    /** A new API token for the CLI; only its hash is kept, so it is shown once. */
    public String newToken(String name) {
        User u = require(name);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "pbx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        List<String> hashes = new ArrayList<>(u.tokenHashes());
        hashes.add(sha256(token));
        users.save(u.withTokenHashes(hashes));
        return token;
    }

    public void revokeTokens(String name) {
        users.save(require(name).withTokenHashes(List.of()));
    }

    public Optional<Viewer> byToken(String token) {
        if (token == null || !token.startsWith("pbx_")) {
            return Optional.empty();
        }
        return users.byTokenHash(sha256(token)).filter(u -> !u.lockedAt(clock.instant()))
                .map(u -> new Viewer(u.name(), u.roles()));
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
