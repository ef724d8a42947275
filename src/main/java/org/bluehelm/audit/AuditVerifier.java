package org.bluehelm.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the whole log: seq runs 1..n without gaps and reaches the last seq the head row recorded;
 * every leaf hash recomputed from the stored entry matches the stored one; every signed tree head
 * covers entries that still exist, its root recomputed from the entries matches, and its signature
 * verifies with this installation's public key. Returns each problem found (none: the log is intact).
 */
@Component
class AuditVerifier {

    private final JdbcClient jdbc;
    private final AuditSigner signer;

    AuditVerifier(JdbcClient jdbc, AuditSigner signer) {
        this.jdbc = jdbc;
        this.signer = signer;
    }

    private record Head(long id, long size, byte[] root, OffsetDateTime at, byte[] signature, byte[] publicKey) {}

    @Transactional(readOnly = true)
    List<String> verify() {
        List<String> problems = new ArrayList<>();
        List<Head> heads = jdbc.sql("select id, tree_size, root_hash, signed_at, signature, public_key"
                        + " from audit_tree_head order by id")
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getLong("tree_size"),
                        rs.getBytes("root_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class),
                        rs.getBytes("signature"),
                        rs.getBytes("public_key")))
                .list();
        // the root of every size a head was signed at, computed in the one pass over the entries
        Map<Long, byte[]> rootsAt = new HashMap<>();
        heads.forEach(head -> rootsAt.put(head.size(), null));
        AuditHash.Frontier tree = new AuditHash.Frontier();
        if (rootsAt.containsKey(0L)) {
            rootsAt.put(0L, tree.root());
        }
        long[] expected = {1};
        jdbc.sql(
                        "select seq, at, actor, action, record_type, record_id, summary, leaf_hash from audit_entry order by seq")
                .query(rs -> {
                    long seq = rs.getLong("seq");
                    if (seq != expected[0]) {
                        problems.add(
                                seq > expected[0]
                                        ? "entries " + expected[0] + ".." + (seq - 1) + " are missing (deleted)"
                                        : "entry " + seq + " is out of order");
                    }
                    expected[0] = seq + 1;
                    byte[] leaf = AuditHash.leaf(AuditHash.canonical(
                            seq,
                            rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("record_type"),
                            rs.getString("record_id"),
                            rs.getString("summary")));
                    if (!Arrays.equals(leaf, rs.getBytes("leaf_hash"))) {
                        problems.add("entry " + seq + " does not match its hash (edited or reordered)");
                    }
                    tree.add(leaf);
                    if (rootsAt.containsKey(tree.size())) {
                        rootsAt.put(tree.size(), tree.root());
                    }
                });
        long count = tree.size();
        long lastSeq = jdbc.sql("select last_seq from audit_head where id = 1")
                .query(Long.class)
                .single();
        if (lastSeq > count) {
            problems.add("the log holds " + count + " entries but " + lastSeq + " were written (truncated or deleted)");
        }
        byte[] publicKey = signer.publicKey().getEncoded();
        for (Head head : heads) {
            String name = "signed tree head " + head.id() + " (" + head.size() + " entries)";
            if (!Arrays.equals(head.publicKey(), publicKey)) {
                problems.add(name + " names a public key other than this installation's");
            }
            if (!AuditSigner.verify(
                    publicKey, AuditHash.treeHead(head.size(), head.at().toInstant(), head.root()), head.signature())) {
                problems.add(name + " has an invalid signature");
            }
            if (head.size() > count) {
                problems.add(name + " covers more entries than the log holds (" + count + "): truncated");
            } else if (!Arrays.equals(rootsAt.get(head.size()), head.root())) {
                problems.add(name + " does not match the entries it covers");
            }
        }
        return problems;
    }
}
