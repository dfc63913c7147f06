package org.pobox.keys;

import java.nio.file.Path;
import java.util.Base64;
import org.pobox.config.OwnerOnly;
import org.pobox.config.PoboxConfig;

/**
 * The secrets that make the search engine untrusted storage, each in a file of its own under
 * {@code pobox.keys} ({@code data/keys/}, 0700, files 0600), made on first use:
 * <ul>
 * <li>{@code reporter.key}: AES key of the writers' identity ({@link #reporters()});</li>
 * <li>{@code users.key}: HMAC key of the user records ({@link #users()});</li>
 * <li>{@code audit.key}: HMAC key of the audit's hash chain ({@link #audit()});</li>
 * <li>{@code node.token}: what the embedded node asks of every request ({@link #nodeToken()}).</li>
 * </ul>
 * Losing {@code reporter.key} loses every writer's identity held in the engine (a reindex from the
 * archive finds them again); back the folder up with the archive, never beside the engine's data.
 */
public final class Keys {

    public static final String NODE_TOKEN = "node.token";

    private final Path dir;
    private final FieldCipher reporters;
    private final Signer users;
    private final Signer audit;

    private Keys(Path dir) {
        this.dir = OwnerOnly.createDirectories(dir);
        this.reporters = new FieldCipher(KeyFile.readOrCreate(dir.resolve("reporter.key")));
        this.users = new Signer(KeyFile.readOrCreate(dir.resolve("users.key")));
        this.audit = new Signer(KeyFile.readOrCreate(dir.resolve("audit.key")));
        OwnerOnly.restrictTree(dir);
    }

    /** The keys in {@code dir}, made there if missing. */
    public static Keys in(Path dir) {
        return new Keys(dir.toAbsolutePath().normalize());
    }

    /** The installation's keys ({@code pobox.keys}, default {@code data/keys}). */
    public static Keys of(PoboxConfig config) {
        return in(folder(config));
    }

    public static Path folder(PoboxConfig config) {
        return config.path("pobox.keys");
    }

    public Path dir() {
        return dir;
    }

    public FieldCipher reporters() {
        return reporters;
    }

    public Signer users() {
        return users;
    }

    public Signer audit() {
        return audit;
    }

    public Path nodeTokenFile() {
        return dir.resolve(NODE_TOKEN);
    }

    /** The embedded node's access token, as sent in {@link #NODE_TOKEN_HEADER}. */
    public String nodeToken() {
        return token(nodeTokenFile());
    }

    /** The header that carries the node token. */
    public static final String NODE_TOKEN_HEADER = "X-Pobox-Node-Token";

    /** The token in {@code file} (made if missing) in the form sent over HTTP. */
    public static String token(Path file) {
        // the file's own text: the node compares the header with it as it is
        return Base64.getEncoder().encodeToString(KeyFile.readOrCreate(file));
    }

    @Override
    public String toString() {
        return "keys in " + dir; // never the keys themselves
    }

}
