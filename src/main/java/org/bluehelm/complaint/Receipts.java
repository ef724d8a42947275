package org.bluehelm.complaint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Receipts: 16 random digits from {@link SecureRandom}, shown once, stored only as HMAC-SHA256 of
 * the digits under a server-side pepper (kept outside the database). A plain hash of 16 digits
 * could be reversed by trying them all; with the pepper a stolen database alone reveals nothing,
 * and the lookup stays a single indexed match (a salted PBKDF2/BCrypt hash could not be looked up).
 */
@Component
class Receipts {

    private final SecureRandom random = new SecureRandom();
    private final byte[] pepper;

    Receipts(CryptoConfiguration.Secrets secrets) {
        this.pepper = secrets.pepper();
    }

    String newReceipt() {
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** The digits of what a reporter typed (spaces and dashes allowed), or null when it is no receipt. */
    static @Nullable String normalise(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("\\d{16}") ? digits : null;
    }

    static String format(String digits) {
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " "
                + digits.substring(12);
    }

    String hash(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
