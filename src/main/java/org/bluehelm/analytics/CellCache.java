package org.bluehelm.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.PeriodType;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rollup cells of the upper levels of the hierarchy (country down to district), read recently,
 * held in memory per indicator, and exact: an entry is used only when no write to its indicator
 * (and no move, rebuild or deletion) has happened since it was read.
 *
 * <p>Every change is stamped from one clock: when it happens (inside the writing transaction) and
 * again once that transaction has committed, before any other after-commit work runs. An entry
 * keeps the clock's value taken just before its cells were read; it is stale when its indicator,
 * or the store as a whole, was stamped later. A value committed is therefore never hidden by an
 * entry read before the commit, and a transaction that has written rollups reads around the cache
 * (it must see its own uncommitted changes, which other transactions must not).
 */
@Component
class CellCache {

    /** Levels (1 = country) whose cells are kept; the cells below are many and read rarely. */
    static final int DEEPEST_LEVEL = 3;
    /** Most cells held in all; the cache is emptied when a new entry would go beyond. */
    static final int MAX_CELLS = 1_000_000;

    private static final Object WRITTEN = new Object();

    /** What an entry holds: one indicator's cells for a query shape, read at {@code readAt}. */
    record Key(
            long indicator,
            int level,
            List<Long> units,
            PeriodType type,
            String from,
            String to,
            boolean byOption,
            String scopeSql,
            Map<String, Object> scopeParams) {}

    private record Entry(List<RollupStore.Cell> cells, long readAt) {}

    private final AtomicLong clock = new AtomicLong();
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
    private volatile long allChangedAt;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong size = new AtomicLong();
    private volatile boolean enabled;

    /**
     * On by default. A cache only knows the writes of its own server: with several application
     * servers on one database, set {@code bluehelm.analytics.cell-cache=false} so that every read
     * goes to the rollups.
     */
    CellCache(
            @org.springframework.beans.factory.annotation.Value("${bluehelm.analytics.cell-cache:true}")
                    boolean enabled) {
        this.enabled = enabled;
    }

    /** Switches the cache on or off (off: every read goes to the rollups), for measuring. */
    void enabled(boolean on) {
        enabled = on;
        entries.clear();
        size.set(0);
    }

    /**
     * The cells of the indicators for units of one level and a range of periods, from memory when
     * they are there and still exact, otherwise from {@code store} (one read for all the missing
     * indicators), remembered for the next time.
     */
    List<RollupStore.Cell> cells(
            RollupStore store,
            Collection<Long> indicatorIds,
            int level,
            List<Long> unitIds,
            PeriodType type,
            String from,
            String to,
            boolean byOption,
            AccessScope scope) {
        if (!enabled
                || level > DEEPEST_LEVEL
                || unitIds.isEmpty()
                || TransactionSynchronizationManager.hasResource(WRITTEN)) {
            return store.cells(indicatorIds, level, unitIds, type, from, to, byOption, scope);
        }
        AccessScope.Filter filter = scope.filter("r.mission_id", "r.country_code");
        // a short list of units is part of the key; a long one is read for the whole level and filtered
        List<Long> keyUnits = unitIds.size() <= RollupStore.UNITS_IN_SQL
                ? unitIds.stream().sorted().toList()
                : List.of();
        List<RollupStore.Cell> found = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        Map<Long, Key> keys = new HashMap<>();
        for (long indicator : indicatorIds) {
            Key key = new Key(indicator, level, keyUnits, type, from, to, byOption, filter.sql(), filter.params());
            keys.put(indicator, key);
            Entry entry = entries.get(key);
            if (entry != null && fresh(indicator, entry.readAt())) {
                found.addAll(entry.cells());
            } else {
                missing.add(indicator);
            }
        }
        if (missing.isEmpty()) {
            return keyUnits.isEmpty() ? only(found, unitIds) : found;
        }
        long readAt = clock.get();
        List<Long> readUnits = keyUnits.isEmpty() ? List.of() : keyUnits;
        List<RollupStore.Cell> read =
                store.cells(missing, level, readUnits.isEmpty() ? null : readUnits, type, from, to, byOption, scope);
        Map<Long, List<RollupStore.Cell>> byIndicator = new HashMap<>();
        missing.forEach(i -> byIndicator.put(i, new ArrayList<>()));
        read.forEach(c -> byIndicator.get(c.indicatorId()).add(c));
        byIndicator.forEach((indicator, cells) -> {
            remember(keys.get(indicator), cells, readAt);
            found.addAll(cells);
        });
        return keyUnits.isEmpty() ? only(found, unitIds) : found;
    }

    private static List<RollupStore.Cell> only(List<RollupStore.Cell> cells, List<Long> unitIds) {
        java.util.Set<Long> wanted = new java.util.HashSet<>(unitIds);
        List<RollupStore.Cell> kept = new ArrayList<>(cells.size());
        for (RollupStore.Cell cell : cells) {
            if (wanted.contains(cell.orgUnitId())) {
                kept.add(cell);
            }
        }
        return kept;
    }

    /** Whether memory may serve or keep anything now: on, and not in a transaction that wrote rollups. */
    boolean usable() {
        return enabled && !TransactionSynchronizationManager.hasResource(WRITTEN);
    }

    /** The clock's value now: what is read after this is exact while {@link #freshSince} holds. */
    long now() {
        return clock.get();
    }

    /** Whether none of these indicators, nor the store as a whole, has changed since {@code readAt}. */
    boolean freshSince(Collection<Long> indicatorIds, long readAt) {
        for (long indicator : indicatorIds) {
            if (!fresh(indicator, readAt)) {
                return false;
            }
        }
        return allChangedAt <= readAt;
    }

    private boolean fresh(long indicator, long readAt) {
        return allChangedAt <= readAt && changedAt.getOrDefault(indicator, 0L) <= readAt;
    }

    private void remember(Key key, List<RollupStore.Cell> cells, long readAt) {
        if (!fresh(key.indicator(), readAt)) {
            return; // changed while it was read
        }
        if (size.addAndGet(cells.size()) > MAX_CELLS) {
            entries.clear();
            size.set(cells.size());
        }
        Entry previous = entries.put(key, new Entry(List.copyOf(cells), readAt));
        if (previous != null) {
            size.addAndGet(-previous.cells().size());
        }
    }

    // ---- changes -------------------------------------------------------------------------------

    /** The rollups of these indicators change in the current transaction (or just changed, without one). */
    void changing(Collection<Long> indicatorIds) {
        stampIndicators(indicatorIds);
        afterCommit(() -> stampIndicators(indicatorIds));
    }

    /** Every rollup may change in the current transaction (a move, a rebuild). */
    void changingAll() {
        stampAll();
        afterCommit(this::stampAll);
    }

    private void stampIndicators(Collection<Long> indicatorIds) {
        long now = clock.incrementAndGet();
        for (long indicator : indicatorIds) {
            changedAt.merge(indicator, now, Math::max);
        }
    }

    private synchronized void stampAll() {
        allChangedAt = Math.max(allChangedAt, clock.incrementAndGet());
        entries.clear();
        size.set(0);
        changedAt.clear();
    }

    /**
     * Marks the transaction as one that wrote rollups (its reads go around the cache) and stamps
     * again once it has committed, before any other after-commit work (such as alert evaluation)
     * reads aggregates.
     */
    private void afterCommit(Runnable stamp) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (!TransactionSynchronizationManager.hasResource(WRITTEN)) {
            TransactionSynchronizationManager.bindResource(WRITTEN, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WRITTEN);
                }
            });
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                stamp.run();
            }
        });
    }
}
