package org.bluehelm.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * RFC 6962 hashing: a leaf is SHA-256(0x00 || entry bytes), an inner node SHA-256(0x01 || left ||
 * right), and the Merkle tree hash (MTH) of n leaves splits them at the largest power of two below
 * n. The tree of no leaves hashes to SHA-256 of nothing.
 */
final class AuditHash {

    private static final byte[] TREE_HEAD_LABEL = "BLUEHELM-AUDIT-STH-V1".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {}

    static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(entry);
        return sha.digest();
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The MTH over the given leaf hashes, in order. */
    static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? sha256().digest() : root(leafHashes, 0, leafHashes.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /**
     * The right edge of a Merkle tree being built leaf by leaf: the roots of its perfect subtrees,
     * largest first. The MTH of the leaves added so far folds them from the right, so the root of
     * every prefix of a log comes out of one pass over it in O(log n) memory, without keeping the
     * leaves.
     */
    static final class Frontier {
        private final java.util.ArrayDeque<byte[]> hashes = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Long> sizes = new java.util.ArrayDeque<>();
        private long count;

        void add(byte[] leafHash) {
            byte[] hash = leafHash;
            long size = 1;
            while (!sizes.isEmpty() && sizes.peekLast() == size) {
                hash = node(hashes.pollLast(), hash);
                size += sizes.pollLast();
            }
            hashes.addLast(hash);
            sizes.addLast(size);
            count++;
        }

        long size() {
            return count;
        }

        /** The MTH of the leaves added so far. */
        byte[] root() {
            if (hashes.isEmpty()) {
                return sha256().digest();
            }
            var fromRight = hashes.descendingIterator();
            byte[] root = fromRight.next();
            while (fromRight.hasNext()) {
                root = node(fromRight.next(), root);
            }
            return root;
        }
    }

    /**
     * The canonical bytes of an entry: each field as a 4-byte big-endian length and its UTF-8
     * text, in the order seq, at (ISO-8601 instant), actor, action, record type, record id, summary.
     */
    static byte[] canonical(
            long seq, Instant at, String actor, String action, String recordType, String recordId, String summary) {
        String[] fields = {String.valueOf(seq), at.toString(), actor, action, recordType, recordId, summary};
        byte[][] bytes = new byte[fields.length][];
        int size = 0;
        for (int i = 0; i < fields.length; i++) {
            bytes[i] = fields[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + bytes[i].length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] b : bytes) {
            buffer.putInt(b.length).put(b);
        }
        return buffer.array();
    }

    /** The bytes a tree head signature covers: a label, the tree size, the signing time and the root. */
    static byte[] treeHead(long size, Instant signedAt, byte[] root) {
        return ByteBuffer.allocate(TREE_HEAD_LABEL.length + 16 + root.length)
                .put(TREE_HEAD_LABEL)
                .putLong(size)
                .putLong(signedAt.toEpochMilli())
                .put(root)
                .array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
