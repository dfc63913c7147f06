package org.pobox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browser sessions, in memory: a restart logs everyone out, which is acceptable for a
 * small team and keeps session ids out of the engine. Each session has its own CSRF token.
 */
public final class Sessions {

    /** A session unused for this long ends. */
    public static final Duration IDLE = Duration.ofMinutes(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions() {
        this(Clock.systemUTC());
    }

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public record Session(String id, String user, String csrf, Instant lastUsed) {
    }

    public Session open(String user) {
        Session s = new Session(randomId(), user, randomId(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastUsed().plus(IDLE).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.user(), s.csrf(), now);
        byId.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of a user (after a role or password change). */
    public void closeAll(String user) {
        byId.values().removeIf(s -> s.user().equals(user));
    }

    private static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
