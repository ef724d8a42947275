package org.bluehelm.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs tree heads with Ed25519 through the JCA. The private key never enters the database: it
 * comes from {@code bluehelm.audit.signing-key} (base64 PKCS#8) or, when that is empty, from the
 * file {@code audit-signing-key} in the data directory, generated on first use (owner-only).
 */
@Component
class AuditSigner {

    static final String KEY_FILE = "audit-signing-key";

    private final String configured;
    private final Path dataDir;
    private volatile KeyPair keys;

    AuditSigner(
            @Value("${bluehelm.audit.signing-key:}") String configured,
            @Value("${bluehelm.data-dir:./data}") String dataDir) {
        this.configured = configured.strip();
        this.dataDir = Path.of(dataDir);
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys().getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the audit tree head", e);
        }
    }

    PublicKey publicKey() {
        return keys().getPublic();
    }

    static boolean verify(byte[] publicKeyX509, byte[] message, byte[] signatureBytes) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(publicKeyX509));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair load() {
        try {
            if (!configured.isEmpty()) {
                return pair(Base64.getDecoder().decode(configured));
            }
            Path file = dataDir.resolve(KEY_FILE);
            if (Files.exists(file)) {
                return pair(Base64.getMimeDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip()));
            }
            KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dataDir);
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return generated;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot load the audit signing key", e);
        }
    }

    /** The key pair of a PKCS#8 Ed25519 private key: the public key is derived from its seed. */
    static KeyPair pair(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        // Ed25519 key generation reads exactly the 32-byte seed from the random source
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair derived = generator.generateKeyPair();
        return new KeyPair(derived.getPublic(), key);
    }
}
