package org.bluehelm.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit log in the caller's transaction (a change rolled back leaves no entry),
 * signs tree heads and reads the trail. Appends are serialised by the row lock on the single
 * {@code audit_head} row, held until the transaction ends, so that seq is gap-free and in commit
 * order on H2 and PostgreSQL alike. The application never updates or deletes an entry.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    static final int MAX_ROWS = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditSigner signer;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, AuditSigner signer) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = Clock.systemUTC();
    }

    /**
     * Appends one entry by the signed-in user (or {@code system}). {@code summary} holds the
     * changed field names and their new values; it must never carry secrets or identities.
     */
    @Transactional
    public void record(AuditAction action, String recordType, String recordId, Map<String, ?> summary) {
        record(currentActor(), action, recordType, recordId, summary);
    }

    /**
     * Appends one entry by the given actor (e.g. the username of a sign-in attempt), in the
     * caller's transaction. The entry is written just before that transaction commits: numbering
     * entries takes a lock on the log's head, and taking it at commit rather than at the change
     * keeps a long transaction (an import of millions of values) from holding up every other
     * writer until it ends. A transaction rolled back writes nothing.
     */
    @Transactional
    public void record(String actor, AuditAction action, String recordType, String recordId, Map<String, ?> summary) {
        Pending entry = new Pending(
                clip(actor, 200),
                action,
                clip(recordType, 100),
                clip(recordId, 200),
                JSON.writeValueAsString(new TreeMap<>(summary)));
        AppendAtCommit atCommit = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(AppendAtCommit.class::isInstance)
                .map(AppendAtCommit.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    AppendAtCommit created = new AppendAtCommit();
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        atCommit.pending.add(entry);
    }

    /** An entry waiting for its transaction to commit. */
    private record Pending(String actor, AuditAction action, String recordType, String recordId, String summary) {}

    /** Appends a transaction's entries, in the order they were recorded, as it commits. */
    private final class AppendAtCommit implements TransactionSynchronization {

        final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            // entries recorded while these are appended (by other before-commit work) follow them
            while (!pending.isEmpty()) {
                append(pending.poll());
            }
        }
    }

    private void append(Pending entry) {
        long seq = lockHead() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] leaf = AuditHash.leaf(AuditHash.canonical(
                seq, at, entry.actor(), entry.action().name(), entry.recordType(), entry.recordId(), entry.summary()));
        jdbc.sql("""
                        insert into audit_entry (seq, at, actor, action, record_type, record_id, summary, leaf_hash)
                        values (:seq, :at, :actor, :action, :type, :id, :summary, :leaf)
                        """)
                .param("seq", seq)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action().name())
                .param("type", entry.recordType())
                .param("id", entry.recordId())
                .param("summary", entry.summary())
                .param("leaf", leaf)
                .update();
        jdbc.sql("update audit_head set last_seq = :seq where id = 1")
                .param("seq", seq)
                .update();
    }

    /** Signs the tree head over every entry so far, unless the latest signed head already covers them. */
    @Scheduled(cron = "${bluehelm.audit.sign-cron:0 0 * * * *}")
    @Transactional
    public void signPeriodically() {
        long size = lockHead();
        if (latestTreeHead().map(TreeHeadView::treeSize).orElse(-1L) != size) {
            sign(size);
        }
    }

    /** Signs and stores the tree head over every entry so far. */
    @Transactional
    public TreeHeadView signTreeHead() {
        return sign(lockHead());
    }

    private TreeHeadView sign(long size) {
        List<byte[]> leaves = jdbc.sql("select leaf_hash from audit_entry where seq <= :size order by seq")
                .param("size", size)
                .query((rs, n) -> rs.getBytes(1))
                .list();
        byte[] root = AuditHash.root(leaves);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = signer.sign(AuditHash.treeHead(size, at, root));
        byte[] publicKey = signer.publicKey().getEncoded();
        jdbc.sql("""
                        insert into audit_tree_head (tree_size, root_hash, signed_at, signature, public_key)
                        values (:size, :root, :at, :signature, :key)
                        """)
                .param("size", size)
                .param("root", root)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("signature", signature)
                .param("key", publicKey)
                .update();
        return latestTreeHead().orElseThrow();
    }

    /** The most recently signed tree head, if any. */
    public Optional<TreeHeadView> latestTreeHead() {
        return jdbc.sql("""
                        select id, tree_size, root_hash, signed_at, signature, public_key
                        from audit_tree_head order by id desc limit 1
                        """)
                .query((rs, n) -> new TreeHeadView(
                        rs.getLong("id"),
                        rs.getLong("tree_size"),
                        HexFormat.of().formatHex(rs.getBytes("root_hash")),
                        rs.getObject("signed_at", OffsetDateTime.class),
                        Base64.getEncoder().encodeToString(rs.getBytes("signature")),
                        Base64.getEncoder().encodeToString(rs.getBytes("public_key")),
                        "Ed25519"))
                .optional();
    }

    /** The public key of this installation's signing key (base64 X.509). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(signer.publicKey().getEncoded());
    }

    /** API sort keys of {@link #entries(AuditFilter, PageQuery)}; {@code seq} is the order of writing. */
    public static final Map<String, String> SORTS = Map.of(
            "seq", "seq",
            "at", "at",
            "actor", "actor",
            "action", "action",
            "recordType", "record_type");

    /** Matching entries, newest first, at most {@value #MAX_ROWS}. */
    public List<AuditEntryView> entries(AuditFilter filter) {
        return entries(filter, new PageQuery(0, MAX_ROWS, "seq desc")).items();
    }

    /** One page of the matching entries. */
    public PageResponse<AuditEntryView> entries(AuditFilter filter, PageQuery page) {
        // only fixed fragments are joined here; every value is a bound parameter
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        if (filter.search() != null) {
            where.add("(lower(actor) like :q or lower(action) like :q or lower(record_type) like :q"
                    + " or lower(record_id) like :q or lower(summary) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.recordType() != null) {
            where.add("record_type = :type");
            params.put("type", filter.recordType());
        }
        if (filter.recordId() != null) {
            where.add("record_id = :id");
            params.put("id", filter.recordId());
        }
        if (filter.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        String conditions = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from audit_entry" + conditions)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntryView> items = jdbc.sql(
                        "select seq, at, actor, action, record_type, record_id, summary from audit_entry" + conditions
                                + " order by " + page.orderBy() + ", seq desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new AuditEntryView(
                        rs.getLong("seq"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("record_type"),
                        rs.getString("record_id"),
                        rs.getString("summary")))
                .list();
        return PageResponse.of(items, page, total);
    }

    private long lockHead() {
        return jdbc.sql("select last_seq from audit_head where id = 1 for update")
                .query(Long.class)
                .single();
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null || auth.getName().isBlank() ? "system" : auth.getName();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
