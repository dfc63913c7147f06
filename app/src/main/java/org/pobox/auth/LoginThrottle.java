package org.pobox.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing spread over many accounts: one address with too many failed logins in
 * a window is refused for the rest of it (the per-account lock-out is in {@link Accounts}).
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public LoginThrottle() {
        this(30, Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** Whether this address may try again now. */
    public boolean allows(String address) {
        Deque<Instant> d = failures.get(address);
        if (d == null) {
            return true;
        }
        synchronized (d) {
            prune(d);
            return d.size() < maxFailures;
        }
    }

    public void failed(String address) {
        Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> d) {
        Instant oldest = clock.instant().minus(window);
        while (!d.isEmpty() && d.peekFirst().isBefore(oldest)) {
            d.pollFirst();
        }
    }
}
