package org.pobox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2020-06-01T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressWithTooManyFailuresWaitsForTheWindowToPass() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(t.allows("10.0.0.1")).isTrue();
            t.failed("10.0.0.1");
        }
        assertThat(t.allows("10.0.0.1")).isFalse();
        assertThat(t.allows("10.0.0.2")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(t.allows("10.0.0.1")).isTrue();
    }
}
