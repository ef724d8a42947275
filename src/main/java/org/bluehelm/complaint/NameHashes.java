package org.bluehelm.complaint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes of persons' names, to tell staff that a name is already recorded without storing
 * it readably: HMAC-SHA256 of the normalised name (accents, case, punctuation and extra spaces
 * removed) under a key derived from the receipt pepper (HMAC of a fixed label), which lives outside
 * the database. Without the key, the hashes of common names cannot be computed from a stolen
 * database.
 */
@Component
public class NameHashes {

    private final byte[] pepper;
    private final byte[] key;
    private final java.util.concurrent.ConcurrentMap<String, byte[]> purposeKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    NameHashes(CryptoConfiguration.Secrets secrets) {
        this.pepper = secrets.pepper();
        this.key = hmac(pepper, "bluehelm/person-name/v1".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The hash of a normalised value under a key of its own purpose (e.g. {@code personnel-service-number}):
     * hashes made for different purposes cannot be matched with each other or with complaint names.
     */
    @Nullable
    public String hash(String purpose, @Nullable String value) {
        String normal = normalise(value);
        if (normal == null) {
            return null;
        }
        byte[] purposeKey = purposeKeys.computeIfAbsent(
                purpose, p -> hmac(pepper, ("bluehelm/" + p + "/v1").getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(hmac(purposeKey, normal.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of a name, or null when nothing of it remains once normalised. */
    @Nullable
    public String hash(@Nullable String name) {
        String normal = normalise(name);
        return normal == null ? null : HexFormat.of().formatHex(hmac(key, normal.getBytes(StandardCharsets.UTF_8)));
    }

    static @Nullable String normalise(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return s.isEmpty() ? null : s;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
