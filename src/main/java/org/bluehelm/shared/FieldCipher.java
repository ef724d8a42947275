package org.bluehelm.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single values (a name, a contact, a file) with AES-256-GCM through the JCA: a random
 * 12-byte IV per value and the key id in front of the ciphertext, so keys can be rotated. The
 * newest key (the greatest id in sort order, so name them e.g. {@code k202601}, {@code k202607})
 * encrypts; every configured key decrypts. The key id is authenticated too (GCM associated data),
 * so any change to a stored value is detected rather than decrypted to garbage.
 *
 * <p>Text values are stored as {@code keyId:base64(iv || ciphertext+tag)}; bytes as {@code
 * [id length][id][iv][ciphertext+tag]}.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final TreeMap<String, SecretKeySpec> keys = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param base64Keys key id to base64 of 32 random bytes */
    public FieldCipher(Map<String, String> base64Keys) {
        if (base64Keys.isEmpty()) {
            throw new IllegalArgumentException("No encryption key configured (bluehelm.crypto.keys)");
        }
        base64Keys.forEach((id, value) -> {
            if (id.isEmpty() || id.contains(":") || id.length() > 100) {
                throw new IllegalArgumentException("Bad key id '" + id + "'");
            }
            byte[] raw = Base64.getDecoder().decode(value.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("Key '" + id + "' must be 32 bytes (AES-256), base64-encoded");
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
    }

    /** The id of the key that encrypts new values. */
    public String currentKeyId() {
        return keys.lastKey();
    }

    public String encrypt(String plain) {
        String id = currentKeyId();
        byte[] sealed = seal(id, plain.getBytes(StandardCharsets.UTF_8));
        return id + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("Not an encrypted value");
        }
        String id = stored.substring(0, colon);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        return new String(open(id, sealed), StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plain) {
        String id = currentKeyId();
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal(id, plain);
        return ByteBuffer.allocate(1 + idBytes.length + sealed.length)
                .put((byte) idBytes.length)
                .put(idBytes)
                .put(sealed)
                .array();
    }

    public byte[] decrypt(byte[] stored) {
        if (stored.length < 1) {
            throw new IllegalStateException("Not an encrypted value");
        }
        int idLength = stored[0] & 0xff;
        if (stored.length < 1 + idLength + IV_BYTES) {
            throw new IllegalStateException("Not an encrypted value");
        }
        String id = new String(stored, 1, idLength, StandardCharsets.UTF_8);
        byte[] sealed = new byte[stored.length - 1 - idLength];
        System.arraycopy(stored, 1 + idLength, sealed, 0, sealed.length);
        return open(id, sealed);
    }

    private byte[] seal(String id, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(id), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + body.length)
                    .put(iv)
                    .put(body)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private byte[] open(String id, byte[] sealed) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("No key '" + id + "' to decrypt with");
        }
        if (sealed.length < IV_BYTES) {
            throw new IllegalStateException("Not an encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The value was altered or the key is wrong", e);
        }
    }
}
