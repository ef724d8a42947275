package org.bluehelm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void roundTripsTextAndBytesWithoutShowingThePlainText() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1));
        String sealed = cipher.encrypt("Amina Canary +231 555");
        assertThat(sealed).startsWith("k1:").doesNotContain("Amina").doesNotContain("Canary");
        assertThat(cipher.decrypt(sealed)).isEqualTo("Amina Canary +231 555");
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same")); // fresh IV each time
        byte[] file = "%PDF-1.4 secret".getBytes(StandardCharsets.US_ASCII);
        assertThat(cipher.decrypt(cipher.encrypt(file))).isEqualTo(file);
    }

    @Test
    void detectsTampering() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1));
        byte[] sealed = cipher.encrypt("hello".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        String text = cipher.encrypt("hello");
        String altered = text.substring(0, 10) + (text.charAt(10) == 'A' ? 'B' : 'A') + text.substring(11);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatesKeysDecryptingOldAndNewValues() {
        FieldCipher before = new FieldCipher(Map.of("k1", K1));
        String old = before.encrypt("old secret");
        FieldCipher after = new FieldCipher(Map.of("k1", K1, "k2", K2));
        String fresh = after.encrypt("new secret");
        assertThat(fresh).startsWith("k2:");
        assertThat(after.decrypt(old)).isEqualTo("old secret");
        assertThat(after.decrypt(fresh)).isEqualTo("new secret");
    }

    @Test
    void refusesAWrongOrMissingKey() {
        String sealed = new FieldCipher(Map.of("k1", K1)).encrypt("secret");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K2)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k2", K2)).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", "c2hvcnQ=")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
