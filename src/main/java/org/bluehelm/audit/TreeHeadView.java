package org.bluehelm.audit;

import java.time.OffsetDateTime;

/**
 * A signed tree head: the RFC 6962 root over entries 1..{@code treeSize} (hex), when it was signed,
 * the Ed25519 signature (base64) over {@code "BLUEHELM-AUDIT-STH-V1" || size (8 bytes) || signedAt
 * epoch milliseconds (8 bytes) || root}, and the public key that checks it (base64 X.509).
 */
public record TreeHeadView(
        long id,
        long treeSize,
        String rootHash,
        OffsetDateTime signedAt,
        String signature,
        String publicKey,
        String algorithm) {}
