package org.pobox.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A value sealed with AES-256-GCM before it goes to the engine, which then holds only
 * {@code pbx1:<Base64 of nonce, ciphertext and tag>}. The value is bound to what it belongs to
 * (the letter's id as associated data), so a sealed value copied onto another letter does not open.
 */
public final class FieldCipher {

    public static final String PREFIX = "pbx1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FieldCipher(byte[] key) {
        this.key = new SecretKeySpec(key, 0, KeyFile.BYTES, "AES");
    }

    public static boolean isSealed(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    public String seal(String plaintext, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a value sealed for {@code boundTo}.
     *
     * @throws SealBrokenException when it was changed, belongs to something else, or was sealed with another key
     */
    public String open(String sealed, String boundTo) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealBrokenException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SealBrokenException("sealed value too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
            throw new SealBrokenException("sealed value does not open: changed, moved or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
