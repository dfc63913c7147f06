package org.pobox.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Password hashing with Argon2id (Spring Security's current defaults: 16 MiB, 2 iterations). */
public final class Passwords {

    /** Shorter passwords are refused when an account is created or changed. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the user does not exist, so a wrong name costs the same time as a wrong password. */
    private static final String DUMMY = ENCODER.encode("no such user, constant time");

    private Passwords() {
    }

    public static String hash(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        return ENCODER.encode(password);
    }

    public static boolean matches(CharSequence password, String hash) {
        return ENCODER.matches(password == null ? "" : password, hash == null ? DUMMY : hash);
    }
}
