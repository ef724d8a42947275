package org.bluehelm.alert;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators that active rules watch, kept in memory so that a data write can tell, without
 * touching its own transaction, which of its values need evaluating (an import of millions of
 * values of unwatched indicators then keeps nothing for later). Read again at most a minute after
 * it was read (for another instance sharing the database) and right after a rule change commits.
 */
@Component
class WatchedIndicators {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private record Snapshot(Set<Long> ids, long readAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile @Nullable Snapshot snapshot;

    WatchedIndicators(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
    }

    /** The ids of the indicators with at least one active rule (read in a transaction of its own). */
    Set<Long> ids() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > MAX_AGE_NANOS) {
            long readAt = System.nanoTime();
            Set<Long> ids = ownTransaction.execute(
                    s -> Set.copyOf(jdbc.sql("select distinct indicator_id from alert_rule where active = true")
                            .query(Long.class)
                            .list()));
            current = new Snapshot(ids == null ? Set.of() : ids, readAt);
            snapshot = current;
        }
        return current.ids();
    }

    /** Forgets what was read once the current transaction (which changes a rule) has committed. */
    void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        } else {
            snapshot = null;
        }
    }
}
