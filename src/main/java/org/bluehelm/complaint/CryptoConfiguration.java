package org.bluehelm.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.bluehelm.shared.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The field cipher's keys and the receipt pepper, from {@code bluehelm.crypto.keys.<id>} (base64 of
 * 32 random bytes) and {@code bluehelm.crypto.pepper} (set them from the environment, e.g.
 * {@code BLUEHELM_CRYPTO_KEYS_K202601}). When no key is configured, a key file is generated once
 * under {@code <data dir>/keys/} (outside the database) and a warning printed: fine for a trial,
 * but in production keep the keys apart from the data and its backups.
 */
@Configuration
@EnableConfigurationProperties(CryptoConfiguration.CryptoProperties.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @ConfigurationProperties("bluehelm.crypto")
    record CryptoProperties(
            @Nullable Map<String, String> keys, @Nullable String pepper) {}

    /** The secrets in use: the cipher and the receipt pepper. */
    record Secrets(FieldCipher cipher, byte[] pepper) {}

    @Bean
    Secrets complaintSecrets(CryptoProperties properties, Environment environment) throws IOException {
        Map<String, String> keys = properties.keys() == null ? Map.of() : properties.keys();
        String pepper = properties.pepper();
        if (keys.isEmpty() || pepper == null || pepper.isBlank()) {
            Path file =
                    Path.of(environment.getProperty("bluehelm.data-dir", "./data"), "keys", "field-keys.properties");
            Properties stored = loadOrCreate(file);
            if (keys.isEmpty()) {
                keys = new HashMap<>();
                for (String name : stored.stringPropertyNames()) {
                    if (name.startsWith("key.")) {
                        keys.put(name.substring(4), stored.getProperty(name));
                    }
                }
            }
            if (pepper == null || pepper.isBlank()) {
                pepper = stored.getProperty("pepper");
            }
        }
        return new Secrets(new FieldCipher(keys), Base64.getDecoder().decode(pepper.strip()));
    }

    @Bean
    FieldCipher fieldCipher(Secrets secrets) {
        return secrets.cipher();
    }

    private static Properties loadOrCreate(Path file) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            }
            return stored;
        }
        SecureRandom random = new SecureRandom();
        stored.setProperty("key." + LocalDate.now(), random32(random));
        stored.setProperty("pepper", random32(random));
        Files.createDirectories(file.getParent());
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // readable by the account that runs Bluehelm only, from the moment the file exists
            Files.createFile(
                    file,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            stored.store(out, "Bluehelm field encryption keys and receipt pepper: keep apart from the database");
        }
        log.warn(
                "No encryption key configured (bluehelm.crypto.keys): generated {}. Keep it safe and out of database"
                        + " backups; without it reporters' identities and files cannot be read.",
                file.toAbsolutePath());
        return stored;
    }

    private static String random32(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
