package org.bluehelm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTests {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaf inputs of the RFC 6962 reference tests (certificate-transparency, merkle tree tests). */
    private static final List<String> INPUTS =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Their roots for the trees of the first 1..8 inputs. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theEmptyTreeHashesToTheHashOfNothing() {
        assertThat(HEX.formatHex(AuditHash.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsMatchTheReferenceVectors() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= INPUTS.size(); n++) {
            leaves.add(AuditHash.leaf(HEX.parseHex(INPUTS.get(n - 1))));
            assertThat(HEX.formatHex(AuditHash.root(leaves)))
                    .as("tree of %d", n)
                    .isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void smallTreesMatchAHandComputation() throws Exception {
        byte[] a = sha(new byte[] {0}, "a".getBytes(StandardCharsets.UTF_8));
        byte[] b = sha(new byte[] {0}, "b".getBytes(StandardCharsets.UTF_8));
        byte[] c = sha(new byte[] {0}, "c".getBytes(StandardCharsets.UTF_8));
        byte[] d = sha(new byte[] {0}, "d".getBytes(StandardCharsets.UTF_8));
        byte[] e = sha(new byte[] {0}, "e".getBytes(StandardCharsets.UTF_8));
        assertThat(AuditHash.leaf("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(a);
        assertThat(AuditHash.root(List.of(a))).isEqualTo(a);
        byte[] ab = sha(new byte[] {1}, a, b);
        assertThat(AuditHash.root(List.of(a, b))).isEqualTo(ab);
        // three leaves split 2 + 1, five split 4 + 1
        assertThat(AuditHash.root(List.of(a, b, c))).isEqualTo(sha(new byte[] {1}, ab, c));
        byte[] abcd = sha(new byte[] {1}, ab, sha(new byte[] {1}, c, d));
        assertThat(AuditHash.root(List.of(a, b, c, d))).isEqualTo(abcd);
        assertThat(AuditHash.root(List.of(a, b, c, d, e))).isEqualTo(sha(new byte[] {1}, abcd, e));
        // order matters
        assertThat(AuditHash.root(List.of(b, a))).isNotEqualTo(ab);
    }

    @Test
    void canonicalBytesSeparateFieldsUnambiguously() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        byte[] one = AuditHash.canonical(1, at, "ab", "CREATE", "actor", "1", "{}");
        byte[] two = AuditHash.canonical(1, at, "a", "bCREATE", "actor", "1", "{}");
        assertThat(one).isNotEqualTo(two);
        assertThat(AuditHash.canonical(1, at, "ab", "CREATE", "actor", "1", "{}"))
                .isEqualTo(one);
        assertThat(AuditHash.canonical(2, at, "ab", "CREATE", "actor", "1", "{}"))
                .isNotEqualTo(one);
    }

    @Test
    void theSigningKeyPairIsRecoveredFromItsPkcs8Encoding() throws Exception {
        KeyPair original = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair recovered = AuditSigner.pair(original.getPrivate().getEncoded());
        assertThat(recovered.getPublic().getEncoded())
                .isEqualTo(original.getPublic().getEncoded());
        AuditSigner signer = new AuditSigner(
                java.util.Base64.getEncoder()
                        .encodeToString(original.getPrivate().getEncoded()),
                "unused");
        byte[] message = AuditHash.treeHead(3, Instant.now(), new byte[32]);
        byte[] signature = signer.sign(message);
        assertThat(AuditSigner.verify(original.getPublic().getEncoded(), message, signature))
                .isTrue();
        message[message.length - 1] = 1;
        assertThat(AuditSigner.verify(original.getPublic().getEncoded(), message, signature))
                .isFalse();
    }

    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    @Test
    void theFrontierGivesTheRootOfEveryPrefixInOnePass() {
        List<byte[]> leaves = new java.util.ArrayList<>();
        AuditHash.Frontier frontier = new AuditHash.Frontier();
        assertThat(frontier.root()).isEqualTo(AuditHash.root(leaves));
        for (int i = 0; i < 300; i++) {
            byte[] leaf = AuditHash.leaf(new byte[] {(byte) i, (byte) (i >> 8)});
            leaves.add(leaf);
            frontier.add(leaf);
            assertThat(frontier.size()).isEqualTo(i + 1);
            assertThat(frontier.root()).as("root of %d leaves", i + 1).isEqualTo(AuditHash.root(leaves));
        }
    }
}
