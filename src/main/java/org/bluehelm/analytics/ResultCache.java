package org.bluehelm.analytics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.bluehelm.shared.AccessScope;
import org.springframework.stereotype.Component;

/**
 * Whole results of recent queries of the upper levels, per query and access scope, before
 * small-cell suppression (which is applied for each user afterwards). Exact in the same way as
 * {@link CellCache}, whose clock it shares: a result is used only while none of the indicators it
 * was computed from (ratio components included), nor the store as a whole, has changed since the
 * clock's value taken before it was computed, and never in a transaction that wrote rollups. A
 * result is also dropped after {@link AnalyticsService#DEFINITIONS_TTL}, the time for which the
 * definitions and unit lists it shows are reused anyway.
 */
@Component
class ResultCache {

    /** Most rows of one result kept; larger results are computed every time. */
    static final int MAX_ROWS_PER_RESULT = 100_000;
    /** Most rows held in all; the cache is emptied when a new result would go beyond. */
    static final int MAX_ROWS = 500_000;

    /** What a computation gives: the result, the indicators it rests on, and whether it may be kept. */
    record Computed(AnalyticsResult result, Set<Long> indicators, boolean cacheable) {}

    private record Key(AnalyticsQuery query, String scopeSql, Map<String, Object> scopeParams) {}

    private record Entry(AnalyticsResult result, Set<Long> indicators, long readAt, long expiresAt) {}

    private final CellCache cells;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong size = new AtomicLong();

    ResultCache(CellCache cells) {
        this.cells = cells;
    }

    /** The result of the query for the scope, from memory while it is exact, otherwise computed. */
    AnalyticsResult result(AnalyticsQuery query, AccessScope scope, Function<AnalyticsQuery, Computed> compute) {
        if (!cells.usable()) {
            return compute.apply(query).result();
        }
        AccessScope.Filter filter = scope.filter("r.mission_id", "r.country_code");
        Key key = new Key(query, filter.sql(), filter.params());
        Entry entry = entries.get(key);
        if (entry != null
                && System.nanoTime() - entry.expiresAt() < 0
                && cells.freshSince(entry.indicators(), entry.readAt())) {
            return entry.result();
        }
        long readAt = cells.now();
        Computed computed = compute.apply(query);
        int rows = computed.result().rows().size();
        if (computed.cacheable() && rows <= MAX_ROWS_PER_RESULT && cells.freshSince(computed.indicators(), readAt)) {
            if (size.addAndGet(rows) > MAX_ROWS) {
                entries.clear();
                size.set(rows);
            }
            Entry previous = entries.put(
                    key,
                    new Entry(
                            computed.result(),
                            Set.copyOf(computed.indicators()),
                            readAt,
                            System.nanoTime() + AnalyticsService.DEFINITIONS_TTL.toNanos()));
            if (previous != null) {
                size.addAndGet(-previous.result().rows().size());
            }
        }
        return computed.result();
    }
}
