package org.pobox.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a key the engine never sees: a record signed here and changed in the engine no
 * longer matches, and whoever changed it cannot sign it again.
 */
public final class Signer {

    private final SecretKeySpec key;

    public Signer(byte[] key) {
        this.key = new SecretKeySpec(key, 0, KeyFile.BYTES, "HmacSHA256");
    }

    /** The signature of {@code canonical}, 64 hex digits. */
    public String sign(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code canonical} (compared in constant time). */
    public boolean verify(String canonical, Object signature) {
        if (!(signature instanceof String s)) {
            return false;
        }
        return MessageDigest.isEqual(sign(canonical).getBytes(StandardCharsets.US_ASCII),
                s.getBytes(StandardCharsets.US_ASCII));
    }
}
