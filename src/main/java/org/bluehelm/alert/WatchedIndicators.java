package org.bluehelm.alert;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.IndicatorService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators whose values active rules need, kept in memory so that a data write can tell,
 * without touching its own transaction, which of its values need evaluating (an import of millions
 * of values of unwatched indicators then keeps nothing for later). A rule needs the values of its
 * indicator or, for a RATIO indicator (which has no values of its own), those of its numerator and
 * denominator. Read again at most a minute after it was read (for another instance sharing the
 * database, or a RATIO indicator given other components) and right after a rule change commits.
 */
@Component
class WatchedIndicators {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    /** The indicators watched, and for each numerator or denominator the RATIO indicators it makes. */
    private record Snapshot(Set<Long> ids, Map<Long, Set<Long>> ratiosOf, long readAt) {}

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final TransactionTemplate ownTransaction;
    private volatile @Nullable Snapshot snapshot;

    WatchedIndicators(JdbcClient jdbc, IndicatorService indicators, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
    }

    /**
     * The ids of the indicators whose values an active rule needs: those with a rule, and the
     * numerators and denominators of the RATIO indicators with a rule (read in a transaction of its
     * own).
     */
    Set<Long> ids() {
        return current().ids();
    }

    /**
     * The indicators whose rules new values of these indicators concern: the indicators themselves,
     * and the RATIO indicators with an active rule whose numerator or denominator they are.
     */
    Set<Long> concerning(Collection<Long> indicatorIds) {
        Snapshot current = current();
        Set<Long> concerned = new HashSet<>(indicatorIds);
        indicatorIds.forEach(id -> concerned.addAll(current.ratiosOf().getOrDefault(id, Set.of())));
        return concerned;
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

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt() > MAX_AGE_NANOS) {
            long readAt = System.nanoTime();
            current = Objects.requireNonNull(ownTransaction.execute(s -> read(readAt)));
            snapshot = current;
        }
        return current;
    }

    private Snapshot read(long readAt) {
        List<Long> withRules = jdbc.sql("select distinct indicator_id from alert_rule where active = true")
                .query(Long.class)
                .list();
        Set<Long> ids = new HashSet<>(withRules);
        Map<Long, Set<Long>> ratiosOf = new HashMap<>();
        for (long id : withRules) {
            indicators
                    .findIgnoringScope(id)
                    .filter(i -> i.aggregation() == Aggregation.RATIO)
                    .ifPresent(ratio -> {
                        for (Long component : new Long[] {ratio.numeratorId(), ratio.denominatorId()}) {
                            if (component != null) {
                                ids.add(component);
                                ratiosOf.computeIfAbsent(component, c -> new HashSet<>())
                                        .add(ratio.id());
                            }
                        }
                    });
        }
        Map<Long, Set<Long>> frozen = new HashMap<>();
        ratiosOf.forEach((component, ratios) -> frozen.put(component, Set.copyOf(ratios)));
        return new Snapshot(Set.copyOf(ids), Map.copyOf(frozen), readAt);
    }
}
