package org.pobox.auth;

import java.util.List;
import java.util.Set;

/**
 * An account as stored in the users index. Only hashes are kept: of the password (Argon2) and of
 * the API tokens (SHA-256 of a random 256-bit value, so a fast hash is enough).
 */
public record User(String name, Set<Role> roles, String passwordHash, List<String> tokenHashes) {

    public User {
        roles = Set.copyOf(roles);
        tokenHashes = tokenHashes == null ? List.of() : List.copyOf(tokenHashes);
    }

    public User withRoles(Set<Role> r) {
        return new User(name, r, passwordHash, tokenHashes);
    }

    public User withPasswordHash(String h) {
        return new User(name, roles, h, tokenHashes);
    }

    public User withTokenHashes(List<String> t) {
        return new User(name, roles, passwordHash, t);
    }
}
